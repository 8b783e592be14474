/** `cli export`: one snapshot in one format, to a file or to stdout, through the same services as the API. */
import { writeFile } from 'node:fs/promises';
import type { Driver } from 'neo4j-driver';
import { EXPORT_FORMATS, ExportFormat, SnapshotId } from '../schemas/index.js';
import { exportSnapshot } from './services/exports/index.js';
import { SnapshotStore } from './services/snapshots/store.js';

export async function exportCommand(
  db: { driver: Driver; database: string },
  id: string,
  options: { format: string; out?: string | undefined },
  log: (message: string) => void,
): Promise<void> {
  const format = ExportFormat.safeParse(options.format);
  if (!format.success) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!SnapshotId.safeParse(id).success) throw new Error(`"${id}" is not a snapshot id (pub-… or draft-…)`);
  const snapshot = await new SnapshotStore(db.driver, db.database).get(id);
  const file = exportSnapshot(format.data, { snapshot, exportedAt: new Date() });
  const bytes = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : Buffer.from(file.body);
  if (options.out) {
    await writeFile(options.out, bytes);
    log(
      `Wrote ${options.out} (${format.data}, ${bytes.length} bytes): "${snapshot.content.title}", version ${snapshot.version}.`,
    );
  } else {
    process.stdout.write(bytes);
  }
}

/** `cli export`: one snapshot in one format, to a file or to stdout, through the same services as the API. */
import { writeFile } from 'node:fs/promises';
import type { Driver } from 'neo4j-driver';
import { EXPORT_FORMATS, ExportFormat, ExportQuery, SnapshotId } from '../schemas/index.js';
import { exportSnapshot } from './services/exports/index.js';
import { SnapshotStore } from './services/snapshots/store.js';

export async function exportCommand(
  db: { driver: Driver; database: string },
  id: string,
  options: { format: string; out?: string | undefined; size?: string; lang?: string; width?: string; height?: string },
  log: (message: string) => void,
): Promise<void> {
  const format = ExportFormat.safeParse(options.format);
  if (!format.success) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  // Picture options read by the API's own query schema: the same names, defaults and limits.
  const query = ExportQuery.safeParse({
    format: format.data,
    size: options.size,
    lang: options.lang,
    width: options.width,
    height: options.height,
  });
  if (!query.success) {
    const issue = query.error.issues[0];
    throw new Error(`--${String(issue?.path[0] ?? 'size')}: ${issue?.message ?? 'not valid'}`);
  }
  if (!SnapshotId.safeParse(id).success) throw new Error(`"${id}" is not a snapshot id (pub-… or draft-…)`);
  const snapshot = await new SnapshotStore(db.driver, db.database).get(id);
  const { size, lang, width, height } = query.data;
  const file = exportSnapshot(format.data, { snapshot, exportedAt: new Date(), picture: { size, lang, width, height } });
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

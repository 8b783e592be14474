/** Reads a FollowTheMoney file with the Python `followthemoney` library (validate_ftm.py), as FtM tools would. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface FtmReading {
  /** Every way a line breaks the FtM model; empty for a valid file. */
  errors: string[];
  /** Lines per schema. */
  schemata: Record<string, number>;
  /** Payments as the library reads them. */
  payments: { id: string; payer: string[]; beneficiary: string[]; amountEur: string[]; amount: string[]; currency: string[] }[];
}

const SCRIPT = fileURLToPath(new URL('./validate_ftm.py', import.meta.url));

export async function readWithFollowTheMoney(text: string): Promise<FtmReading> {
  const dir = await mkdtemp(join(tmpdir(), 'interlock-ftm-'));
  try {
    const file = join(dir, 'export.ftm.json');
    await writeFile(file, text);
    const { stdout } = await promisify(execFile)('python3', [SCRIPT, file], { maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout) as FtmReading;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes docs/schema/interlock-import.schema.json from the zod schema (`npm run schema:json`). */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { interlockFileJsonSchema } from '../schemas/index.js';

const target = fileURLToPath(new URL('../docs/schema/interlock-import.schema.json', import.meta.url));
await writeFile(target, `${JSON.stringify(interlockFileJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target}`);

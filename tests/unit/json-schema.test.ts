import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interlockFileJsonSchema } from '../../schemas/index.js';

describe('the import format JSON Schema', () => {
  it('is the one generated from the zod schema (run `npm run schema:json` after changing schemas/)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(new URL('../../docs/schema/interlock-import.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(interlockFileJsonSchema())));
  });
});

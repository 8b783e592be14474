/** JSON Schema of the Interlock import format, generated from the zod schema (never written by hand). */
import { z } from 'zod';
import { InterlockFile } from './import-format.js';

export function interlockFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(InterlockFile, { io: 'input', target: 'draft-2020-12' }),
    title: 'Interlock import file',
    description:
      'Entities and relationships with their citations, as Interlock imports and exports them. Every relationship and every non-Document entity cites at least one Document.',
  };
}

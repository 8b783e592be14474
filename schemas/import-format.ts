/**
 * Interlock's own interchange format: one JSON file holding entities and relationships. The seed data is
 * written in it; `npm run schema:json` writes its JSON Schema to `docs/schema/interlock-import.schema.json`.
 */
import { z } from 'zod';
import { Entity, Relationship } from './graph.js';

export const INTERLOCK_FORMAT = 'interlock/1';

export const InterlockFile = z.object({
  $schema: z.string().optional(),
  format: z.literal(INTERLOCK_FORMAT),
  title: z.string().max(300).optional(),
  description: z.string().max(4000).optional(),
  entities: z.array(Entity),
  relationships: z.array(Relationship),
});
export type InterlockFile = z.infer<typeof InterlockFile>;

/**
 * What changed between two versions of a map: entities and relationships added, removed, or kept with
 * different properties (citations included), and changes to the map itself (title, description,
 * story, filters, as-of date). Positions are left out: moving a node changes no fact.
 */
import type { ElementDiff, PropertyChange, Snapshot, SnapshotDiff } from '../../../schemas/index.js';
import { canonicalJson } from './canonical.js';

type Element = { id: string; name?: string; type?: string; source?: string; target?: string } & Record<string, unknown>;

export function diffSnapshots(from: Snapshot, to: Snapshot): SnapshotDiff {
  const names = new Map<string, string>();
  for (const e of [...from.content.entities, ...to.content.entities]) names.set(e.id, e.name);
  const relName = (r: Element) =>
    `${names.get(String(r.source)) ?? r.source} ${String(r.type)} ${names.get(String(r.target)) ?? r.target}`;
  return {
    series: to.series,
    from: { id: from.id, version: from.version },
    to: { id: to.id, version: to.version },
    entities: diffElements(from.content.entities, to.content.entities, (e) => String(e.name)),
    relationships: diffElements(from.content.relationships, to.content.relationships, relName),
    map: changedFields(
      {
        title: from.content.title,
        description: from.content.description,
        steps: from.content.steps,
        filters: from.content.filters,
        asOf: from.content.asOf,
      },
      {
        title: to.content.title,
        description: to.content.description,
        steps: to.content.steps,
        filters: to.content.filters,
        asOf: to.content.asOf,
      },
    ),
  };
}

function diffElements(before: readonly Element[], after: readonly Element[], nameOf: (e: Element) => string): ElementDiff {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Map(after.map((e) => [e.id, e]));
  const ref = (e: Element) => ({ id: e.id, name: nameOf(e) });
  return {
    added: after.filter((e) => !old.has(e.id)).map(ref),
    removed: before.filter((e) => !now.has(e.id)).map(ref),
    changed: after
      .filter((e) => old.has(e.id))
      .map((e) => ({ ...ref(e), changes: changedFields(old.get(e.id) as Element, e) }))
      .filter((c) => c.changes.length > 0),
  };
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): PropertyChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((f) => canonicalJson(before[f] ?? null) !== canonicalJson(after[f] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

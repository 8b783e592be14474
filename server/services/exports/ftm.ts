/**
 * FollowTheMoney entities as JSON lines, as OpenSanctions and Aleph exchange them: the mapping of
 * docs/import-formats.md run backwards where FtM has a schema for it (Directorship, Employment,
 * Membership, Ownership, Contract.authority, ContractAward, parent), `UnknownLink` otherwise. Every
 * line carries its citations in `notes` and the cited documents' URLs in `sourceUrl`; the first line is
 * a Document naming the snapshot, its version and the export date.
 */
import type { Citation, Entity, Relationship } from '../../../schemas/index.js';
import { allEntities, documentsById, provenanceLine, type ExportInput } from './context.js';

interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
}

const SCHEMA_OF: Record<Entity['kind'], string> = {
  Person: 'Person',
  Organization: 'Organization',
  PublicBody: 'PublicBody',
  Contract: 'Contract',
  Document: 'Document',
  // FtM has no data systems or laws: the closest things are an asset and a document.
  DataSystem: 'Asset',
  Law: 'Document',
};

export function renderFtm(input: ExportInput): string {
  const { snapshot, exportedAt } = input;
  const docs = documentsById(snapshot);
  const entities = allEntities(snapshot);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const ftmIdOf = (id: string) => byId.get(id)?.ftmId ?? id;
  const sources = (citations: readonly Citation[]) => {
    const notes = citations.map((c) => `${c.documentId} (${c.locator}): "${c.quote}"`);
    const urls = [
      ...new Set(citations.map((c) => docs.get(c.documentId)).flatMap((d) => (d?.kind === 'Document' && d.url ? [d.url] : []))),
    ];
    return { ...(notes.length ? { notes } : {}), ...(urls.length ? { sourceUrl: urls } : {}) };
  };
  const period = (fact: { start?: string | undefined; end?: string | undefined }) => ({
    ...(fact.start ? { startDate: [fact.start] } : {}),
    ...(fact.end ? { endDate: [fact.end] } : {}),
  });

  const lines: FtmEntity[] = [
    {
      id: `interlock-snapshot-${snapshot.id}`,
      schema: 'Document',
      caption: snapshot.content.title,
      properties: {
        title: [snapshot.content.title],
        summary: [provenanceLine(input)],
        ...(snapshot.content.description ? { description: [snapshot.content.description] } : {}),
        date: [exportedAt.toISOString().slice(0, 10)],
        publisher: ['Interlock'],
      },
    },
  ];

  const parents = new Map<string, string[]>();
  const authorities = new Map<string, string[]>();
  // A link that becomes a property of an entity lends that entity its citations.
  const lent = new Map<string, Citation[]>();
  const lend = (id: string, citations: readonly Citation[]) => lent.set(id, [...(lent.get(id) ?? []), ...citations]);
  const links: FtmEntity[] = [];
  for (const rel of snapshot.content.relationships) {
    const link = linkOf(rel, ftmIdOf);
    if (link === 'parent') {
      parents.set(rel.source, [...(parents.get(rel.source) ?? []), ftmIdOf(rel.target)]);
      lend(rel.source, rel.citations);
    } else if (link === 'authority') {
      authorities.set(rel.target, [...(authorities.get(rel.target) ?? []), ftmIdOf(rel.source)]);
      lend(rel.target, rel.citations);
    } else links.push({ ...link, properties: { ...link.properties, ...period(rel), ...sources(rel.citations) } });
  }

  for (const entity of entities) {
    const withLent = { ...entity, citations: [...entity.citations, ...(lent.get(entity.id) ?? [])] } as Entity;
    lines.push(entityLine(withLent, ftmIdOf, parents, authorities, sources));
  }
  lines.push(...links);
  return lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
}

function entityLine(
  entity: Entity,
  ftmIdOf: (id: string) => string,
  parents: ReadonlyMap<string, string[]>,
  authorities: ReadonlyMap<string, string[]>,
  sources: (c: readonly Citation[]) => Record<string, string[]>,
): FtmEntity {
  const props: Record<string, string[]> = { name: [entity.name] };
  if (entity.aliases.length) props.alias = [...entity.aliases];
  if (entity.description) props.description = [entity.description];
  switch (entity.kind) {
    case 'Organization':
    case 'PublicBody':
      if (entity.jurisdiction) props.jurisdiction = [entity.jurisdiction];
      if (entity.start) props.incorporationDate = [entity.start];
      if (entity.end) props.dissolutionDate = [entity.end];
      if (parents.has(entity.id)) props.parent = parents.get(entity.id) ?? [];
      break;
    case 'Contract':
      props.title = [entity.name];
      if (entity.amount !== undefined) props.amount = [String(entity.amount)];
      if (entity.currency) props.currency = [entity.currency];
      if (entity.signedOn) props.contractDate = [entity.signedOn];
      if (entity.purpose) props.type = [entity.purpose];
      if (entity.start) props.startDate = [entity.start];
      if (entity.end) props.endDate = [entity.end];
      if (authorities.has(entity.id)) props.authority = authorities.get(entity.id) ?? [];
      break;
    case 'Document':
      props.title = [entity.title];
      if (entity.publisher) props.publisher = [entity.publisher];
      if (entity.publishedOn) props.publishedAt = [entity.publishedOn];
      if (entity.url) props.sourceUrl = [entity.url];
      if (entity.language) props.language = [entity.language];
      break;
    case 'Law':
      props.title = [entity.name];
      if (entity.enactedOn) props.date = [entity.enactedOn];
      break;
    default:
      break;
  }
  const cited = sources(entity.citations);
  if (cited.notes) props.notes = cited.notes;
  if (cited.sourceUrl && entity.kind !== 'Document') props.sourceUrl = cited.sourceUrl;
  return { id: ftmIdOf(entity.id), schema: SCHEMA_OF[entity.kind], caption: entity.name, properties: props };
}

/** The FtM link for one relationship, or the entity property it becomes. */
function linkOf(rel: Relationship, ftmIdOf: (id: string) => string): FtmEntity | 'parent' | 'authority' {
  const id = rel.ftmId ?? rel.id;
  const [source, target] = [ftmIdOf(rel.source), ftmIdOf(rel.target)];
  switch (rel.type) {
    case 'SITS_ON_BOARD':
      return {
        id,
        schema: 'Directorship',
        properties: { director: [source], organization: [target], ...(rel.seat ? { role: [rel.seat] } : {}) },
      };
    case 'HOLDS_POSITION':
      return {
        id,
        schema: 'Employment',
        properties: { employee: [source], employer: [target], ...(rel.role ? { role: [rel.role] } : {}) },
      };
    case 'MEMBER_OF':
      return {
        id,
        schema: 'Membership',
        properties: { member: [source], organization: [target], ...(rel.role ? { role: [rel.role] } : {}) },
      };
    case 'SUBSIDIARY_OF':
      return {
        id,
        schema: 'Ownership',
        properties: {
          owner: [target],
          asset: [source],
          ...(rel.percentage !== undefined ? { percentage: [String(rel.percentage)] } : {}),
        },
      };
    case 'PART_OF':
      return 'parent';
    case 'BUYER_OF':
      return 'authority';
    case 'AWARDED_TO':
      return { id, schema: 'ContractAward', properties: { contract: [source], supplier: [target] } };
    default: {
      const role =
        rel.type === 'SUPPLIES_DATA_TO' && rel.data
          ? `${rel.type}: ${rel.data}`
          : rel.type === 'RESTRICTS' && rel.summary
            ? `${rel.type}: ${rel.summary}`
            : rel.type;
      return { id, schema: 'UnknownLink', properties: { subject: [source], object: [target], role: [role] } };
    }
  }
}

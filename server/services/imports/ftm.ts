/**
 * FollowTheMoney entities (JSON lines, as OpenSanctions and Aleph export them) onto our model. Pure: the
 * caller reads the file and looks up, in the database, FtM ids the file refers to but does not hold.
 * The mapping is documented in docs/import-formats.md; keep the two in step.
 */
import type { EntityKind, ImportProblem, ImportWarning, RelationshipType } from '../../../schemas/index.js';
import { clip, ftmEntityId, ftmRelationshipId, shortHash } from './ids.js';
import { MAX_WARNINGS, type MappedImport, type Origin } from './mapped-import.js';

export interface FtmRecord {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  caption?: string;
  line: number;
}

/** An entity the file refers to, known by its FtM id: our id and kind. */
export interface KnownEntity {
  id: string;
  kind: EntityKind;
}

const ENTITY_SCHEMAS: Record<string, EntityKind> = {
  Person: 'Person',
  Organization: 'Organization',
  Company: 'Organization',
  LegalEntity: 'Organization',
  PublicBody: 'PublicBody',
  Contract: 'Contract',
};
const LINK_SCHEMAS = new Set(['Directorship', 'Membership', 'Employment', 'Ownership', 'Payment', 'ContractAward']);

/**
 * Splits JSON lines into records. Lines with the same id are fragments of one entity (FtM's own rule):
 * their values are merged and counted in `merged`; the first line stays the one cited.
 */
export function parseFtmLines(text: string): { records: FtmRecord[]; problems: ImportProblem[]; merged: number } {
  const byId = new Map<string, FtmRecord>();
  const problems: ImportProblem[] = [];
  let merged = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, field: '(line)', message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    const record = asRecord(value, line, problems);
    if (!record) return;
    const earlier = byId.get(record.id);
    if (!earlier) byId.set(record.id, record);
    else {
      merged += 1;
      for (const [key, values] of Object.entries(record.properties)) {
        earlier.properties[key] = [...new Set([...(earlier.properties[key] ?? []), ...values])];
      }
    }
  });
  return { records: [...byId.values()], problems, merged };
}

function asRecord(value: unknown, line: number, problems: ImportProblem[]): FtmRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ line, field: '(line)', message: 'expected a JSON object' });
    return undefined;
  }
  const { id, schema, properties, caption } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') problems.push({ line, field: 'id', message: 'missing id' });
  if (typeof schema !== 'string' || schema === '') problems.push({ line, field: 'schema', message: 'missing schema' });
  if (properties !== undefined && (typeof properties !== 'object' || properties === null || Array.isArray(properties))) {
    problems.push({ line, field: 'properties', message: 'expected an object of lists' });
    return undefined;
  }
  if (typeof id !== 'string' || id === '' || typeof schema !== 'string' || schema === '') return undefined;
  const props: Record<string, string[]> = {};
  for (const [key, v] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
    const list = Array.isArray(v) ? v : [v];
    props[key] = list.filter((x) => x !== null && x !== undefined).map(String);
  }
  return { id, schema, properties: props, ...(typeof caption === 'string' ? { caption } : {}), line };
}

/** FtM ids that relationship records and `parent` refer to but the file does not define. */
export function ftmReferences(records: readonly FtmRecord[]): string[] {
  const defined = new Set(records.map((r) => r.id));
  const refs = new Set<string>();
  for (const r of records) for (const key of REFERENCE_PROPS) for (const v of r.properties[key] ?? []) refs.add(v);
  return [...refs].filter((id) => !defined.has(id));
}

const REFERENCE_PROPS = [
  'director',
  'organization',
  'member',
  'employee',
  'employer',
  'owner',
  'asset',
  'payer',
  'beneficiary',
  'authority',
  'contract',
  'supplier',
  'parent',
];

export interface FtmContext {
  documentId: string;
  fileName: string;
  /** FtM ids not in the file, found in the database by `ftmId`. */
  known: ReadonlyMap<string, KnownEntity>;
}

export function mapFtm(records: readonly FtmRecord[], context: FtmContext): Omit<MappedImport, 'merged'> {
  const entities: Record<string, unknown>[] = [];
  const relationships: Record<string, unknown>[] = [];
  const origins: { entities: Origin[]; relationships: Origin[] } = { entities: [], relationships: [] };
  const problems: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  let skipped = 0;
  const skip = (line: number, message: string) => {
    skipped += 1;
    if (warnings.length < MAX_WARNINGS) warnings.push({ line, message });
  };

  const known = new Map(context.known);
  for (const r of records) {
    const kind = ENTITY_SCHEMAS[r.schema];
    if (kind) known.set(r.id, { id: ftmEntityId(kind, r.id), kind });
  }

  const sourceDocs = new Map<string, Record<string, unknown>>();
  const citationsFor = (r: FtmRecord): Record<string, string>[] => {
    const quote = clip(r.caption ?? first(r, 'name') ?? first(r, 'summary') ?? `${r.schema} ${r.id}`, 1000);
    const citations = [{ documentId: context.documentId, locator: `line ${r.line}`, quote }];
    const url = first(r, 'sourceUrl');
    if (url && /^https?:\/\/\S+$/.test(url)) {
      const id = `document:ftm-source-${shortHash(url, 16)}`;
      const publisher = first(r, 'publisher');
      if (!sourceDocs.has(id)) {
        sourceDocs.set(id, {
          id,
          kind: 'Document',
          name: clip(publisher ?? url, 300),
          title: clip(publisher ? `${publisher}: ${url}` : url, 500),
          url,
          ...(publisher ? { publisher: clip(publisher, 300) } : {}),
        });
      }
      citations.push({ documentId: id, locator: 'sourceUrl', quote });
    }
    return citations;
  };

  const addEntity = (r: FtmRecord, value: Record<string, unknown>) => {
    entities.push({ ...value, ftmId: r.id, status: 'reported', citations: citationsFor(r) });
    origins.entities.push({ line: r.line });
  };
  const addLink = (r: FtmRecord, value: Record<string, unknown>) => {
    relationships.push({ ...value, ftmId: r.id, status: 'reported', citations: citationsFor(r) });
    origins.relationships.push({ line: r.line });
  };
  /** The entity a reference property points to; records a problem when it is missing or unknown. */
  const ref = (r: FtmRecord, prop: string): KnownEntity | undefined => {
    const target = first(r, prop);
    if (target === undefined) {
      problems.push({ line: r.line, field: `properties.${prop}`, message: `${r.schema} needs a ${prop}` });
      return undefined;
    }
    const found = known.get(target);
    if (!found)
      problems.push({
        line: r.line,
        field: `properties.${prop}`,
        message: `unknown entity "${target}" (neither in the file nor imported before)`,
      });
    return found;
  };
  const period = (r: FtmRecord, startProp = 'startDate') => ({
    ...optional('start', date(first(r, startProp))),
    ...optional('end', date(first(r, 'endDate'))),
  });

  for (const r of records) {
    const kind = ENTITY_SCHEMAS[r.schema];
    if (kind) {
      addEntity(r, entityValue(r, kind, known));
      if (kind === 'Contract' && r.properties.authority?.length) {
        const buyer = ref(r, 'authority');
        if (buyer)
          addLink(r, {
            id: ftmRelationshipId(r.id, 'authority'),
            type: 'BUYER_OF',
            source: buyer.id,
            target: ftmEntityId(kind, r.id),
          });
      }
      if (r.properties.parent?.length && kind !== 'Contract' && kind !== 'Person') {
        const parent = ref(r, 'parent');
        if (parent) {
          const type: RelationshipType = kind === 'Organization' && parent.kind === 'Organization' ? 'SUBSIDIARY_OF' : 'PART_OF';
          addLink(r, { id: ftmRelationshipId(r.id, 'parent'), type, source: ftmEntityId(kind, r.id), target: parent.id });
        }
      }
      continue;
    }
    if (!LINK_SCHEMAS.has(r.schema)) {
      skip(r.line, `${r.schema} has no place in our model; skipped`);
      continue;
    }
    const role = optional('role', first(r, 'role'));
    switch (r.schema) {
      case 'Directorship': {
        const [director, org] = [ref(r, 'director'), ref(r, 'organization')];
        if (!director || !org) break;
        if (director.kind === 'Person' && org.kind === 'Organization')
          addLink(r, {
            id: ftmRelationshipId(r.id),
            type: 'SITS_ON_BOARD',
            source: director.id,
            target: org.id,
            ...period(r),
            ...optional('seat', first(r, 'role')),
          });
        else if (director.kind === 'Person' && org.kind === 'PublicBody')
          addLink(r, {
            id: ftmRelationshipId(r.id),
            type: 'HOLDS_POSITION',
            source: director.id,
            target: org.id,
            ...period(r),
            ...role,
          });
        else skip(r.line, `Directorship of ${director.kind} in ${org.kind} has no place in our model; skipped`);
        break;
      }
      case 'Membership':
      case 'Employment': {
        const membership = r.schema === 'Membership';
        const [who, where] = membership ? [ref(r, 'member'), ref(r, 'organization')] : [ref(r, 'employee'), ref(r, 'employer')];
        if (!who || !where) break;
        const type: RelationshipType | undefined =
          membership && where.kind === 'Organization' && (who.kind === 'Person' || who.kind === 'Organization')
            ? 'MEMBER_OF'
            : who.kind === 'Person' && (where.kind === 'Organization' || where.kind === 'PublicBody')
              ? 'HOLDS_POSITION'
              : undefined;
        if (type) addLink(r, { id: ftmRelationshipId(r.id), type, source: who.id, target: where.id, ...period(r), ...role });
        else skip(r.line, `${r.schema} of ${who.kind} in ${where.kind} has no place in our model; skipped`);
        break;
      }
      case 'Ownership': {
        const [owner, asset] = [ref(r, 'owner'), ref(r, 'asset')];
        if (!owner || !asset) break;
        if (owner.kind === 'Organization' && asset.kind === 'Organization')
          addLink(r, {
            id: ftmRelationshipId(r.id),
            type: 'SUBSIDIARY_OF',
            source: asset.id,
            target: owner.id,
            ...period(r),
            ...optional('percentage', number(first(r, 'percentage'))),
          });
        else skip(r.line, `Ownership of ${asset.kind} by ${owner.kind} has no place in our model; skipped`);
        break;
      }
      case 'Payment': {
        const [payer, beneficiary] = [ref(r, 'payer'), ref(r, 'beneficiary')];
        if (!payer || !beneficiary) break;
        if ((payer.kind === 'Organization' || payer.kind === 'PublicBody') && beneficiary.kind === 'Organization') {
          const contractId = ftmEntityId('Contract', r.id);
          addEntity(r, {
            id: contractId,
            kind: 'Contract',
            name: clip(r.caption ?? first(r, 'purpose') ?? `Payment ${r.id}`, 300),
            ...money(r),
            ...optional('signedOn', date(first(r, 'date') ?? first(r, 'startDate'))),
            ...optional('purpose', clipped(first(r, 'purpose') ?? first(r, 'summary'), 2000)),
            ...period(r),
          });
          addLink(r, {
            id: ftmRelationshipId(r.id, 'payer'),
            type: 'BUYER_OF',
            source: payer.id,
            target: contractId,
            ...period(r),
          });
          addLink(r, {
            id: ftmRelationshipId(r.id, 'beneficiary'),
            type: 'AWARDED_TO',
            source: contractId,
            target: beneficiary.id,
            ...period(r),
          });
        } else skip(r.line, `Payment from ${payer.kind} to ${beneficiary.kind} has no place in our model; skipped`);
        break;
      }
      case 'ContractAward': {
        const [contract, supplier] = [ref(r, 'contract'), ref(r, 'supplier')];
        if (!contract || !supplier) break;
        if (contract.kind === 'Contract' && supplier.kind === 'Organization')
          addLink(r, { id: ftmRelationshipId(r.id), type: 'AWARDED_TO', source: contract.id, target: supplier.id, ...period(r) });
        else skip(r.line, `ContractAward of ${contract.kind} to ${supplier.kind} has no place in our model; skipped`);
        break;
      }
    }
  }
  entities.push(...sourceDocs.values());
  for (let i = 0; i < sourceDocs.size; i++) origins.entities.push({});
  return {
    file: { format: 'interlock/1', entities, relationships },
    origins,
    problems,
    documentId: context.documentId,
    skipped,
    warnings,
  };
}

function entityValue(r: FtmRecord, kind: EntityKind, known: ReadonlyMap<string, KnownEntity>): Record<string, unknown> {
  const names = r.properties.name ?? [];
  const name = names[0] ?? (kind === 'Contract' ? first(r, 'title') : undefined) ?? r.caption ?? r.id;
  const aliases = [
    ...new Set([
      ...names.slice(1),
      ...(r.properties.alias ?? []),
      ...(r.properties.weakAlias ?? []),
      ...(r.properties.previousName ?? []),
    ]),
  ]
    .filter((a) => a !== name && a.trim() !== '')
    .slice(0, 100)
    .map((a) => clip(a, 300));
  const value: Record<string, unknown> = {
    id: known.get(r.id)?.id ?? ftmEntityId(kind, r.id),
    kind,
    name: clip(name, 300),
    aliases,
    ...optional('description', clipped(first(r, 'description') ?? first(r, 'summary') ?? first(r, 'notes'), 4000)),
  };
  if (kind === 'Organization' || kind === 'PublicBody') {
    Object.assign(value, optional('jurisdiction', first(r, 'jurisdiction') ?? first(r, 'country')));
    Object.assign(
      value,
      optional('start', date(first(r, 'incorporationDate'))),
      optional('end', date(first(r, 'dissolutionDate'))),
    );
  }
  if (kind === 'Contract') {
    Object.assign(
      value,
      money(r),
      optional('signedOn', date(first(r, 'contractDate') ?? first(r, 'signingDate'))),
      optional('purpose', clipped(first(r, 'type') ?? first(r, 'procedure'), 2000)),
      optional('start', date(first(r, 'startDate'))),
      optional('end', date(first(r, 'endDate'))),
    );
  }
  return value;
}

function money(r: FtmRecord): Record<string, unknown> {
  return { ...optional('amount', number(first(r, 'amount'))), ...optional('currency', first(r, 'currency')?.toUpperCase()) };
}

function first(r: FtmRecord, prop: string): string | undefined {
  const v = r.properties[prop]?.find((x) => x.trim() !== '');
  return v === undefined ? undefined : v.trim();
}

/** FtM dates may carry a time (`2020-04-01T00:00:00`); ours are partial ISO dates. Anything else is kept so validation names it. */
export function date(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^(\d{4}(-\d{2}(-\d{2})?)?)(T.*)?$/.exec(value)?.[1] ?? value;
}

/** A number from FtM's text (`1,250,000.50`); text that is not a number is kept so validation names it. */
export function number(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[,\s]/g, ''));
  return Number.isFinite(n) && value.trim() !== '' ? n : value;
}

function clipped(value: string | undefined, max: number): string | undefined {
  return value === undefined ? undefined : clip(value, max);
}

function optional(key: string, value: unknown): Record<string, unknown> {
  return value === undefined ? {} : { [key]: value };
}

/**
 * Open Contracting (OCDS 1.1) onto our model: release packages, record packages (their compiled release,
 * or their releases) and JSON lines of releases or packages. Releases of one contracting process (ocid)
 * are applied in date order, so an amendment or a later release updates the award or contract an
 * earlier one described instead of adding a second one; importing a later file updates them again.
 *
 * Parties become entities by their organisation identifier (scheme + id, e.g. GB-COH 01616977), which
 * is how the same company is recognised across publishers and other sources; a party without one is
 * known by its id within the publisher. Buyers, procuring entities and payers are public bodies;
 * suppliers, tenderers and payees organisations. Each award (with its contract, where there is one)
 * becomes a Contract, linked buyer -> contract -> supplier, citing the ocid and release id.
 */
import type { EntityKind } from '../../../../schemas/index.js';
import { clip, importDocumentId, slugOf } from '../ids.js';
import type { MappedImport } from '../mapped-import.js';
import { amountOf, citation, FactCollector, partialDate, text } from './collector.js';
import { isObject, readJsonDocumentOrLines, type JsonRecord } from './json-records.js';

type Value = Record<string, unknown>;

interface Release {
  value: Value;
  ocid: string;
  id: string;
  date: string;
  line?: number;
  index: number;
}

/** Roles that make a party the public side of a contract. */
const PUBLIC_ROLES = new Set(['buyer', 'procuringEntity', 'payer']);

/**
 * Organisation identifier schemes (org-id.guide) that name an identifier other sources use too, as our
 * scheme; every other scheme is kept as `ocds:<scheme>`.
 */
const SHARED_SCHEMES: Record<string, string> = {
  'XI-LEI': 'lei',
  'US-EIN': 'us-ein',
  'XI-WIKIDATA': 'wikidata',
};

export function ocdsScheme(scheme: string): string {
  const shared = SHARED_SCHEMES[scheme.toUpperCase()];
  if (shared) return shared;
  const slug = scheme
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `ocds:${slug || 'unknown'}`;
}

export function mapOcds(text_: string, fileName: string, bytes: Uint8Array): MappedImport {
  const out = new FactCollector(fileName);
  const { documents, problems } = readJsonDocumentOrLines(text_);
  for (const p of problems) out.problem(p);
  const { releases, publisher, uri } = releasesOf(documents, out);

  // The package (or file) is the Document every fact cites; the same bytes give the same Document.
  const documentId = importDocumentId('ocds', bytes);
  out.entity(
    {
      id: documentId,
      kind: 'Document',
      name: clip(fileName, 300),
      title: clip(`OCDS data: ${fileName}`, 500),
      ...(publisher ? { publisher: clip(publisher, 300) } : {}),
      ...(uri ? { url: uri } : {}),
      description: 'Open Contracting Data Standard releases; each fact cites its ocid and release id.',
    },
    undefined,
  );

  // Latest release wins: apply each process's releases in date order (ties keep file order).
  const byOcid = new Map<string, Release[]>();
  for (const r of releases) byOcid.set(r.ocid, [...(byOcid.get(r.ocid) ?? []), r]);
  for (const list of byOcid.values()) {
    list.sort((a, b) => (Date.parse(a.date) || 0) - (Date.parse(b.date) || 0) || a.index - b.index);
    const state: ProcessState = {
      parties: new Map(),
      awards: new Map(),
      contracts: new Map(),
      buyer: undefined,
      title: undefined,
    };
    for (const release of list) applyRelease(state, release);
    writeProcess(state, list[list.length - 1] as Release, documentId, out);
  }
  return out.result(documentId);
}

/** Every release in the file, from whatever packages or lines hold them. */
function releasesOf(documents: JsonRecord[], out: FactCollector): { releases: Release[]; publisher?: string; uri?: string } {
  const releases: Release[] = [];
  let publisher: string | undefined;
  let uri: string | undefined;
  const take = (value: unknown, line: number | undefined, place: string) => {
    if (!isObject(value)) return;
    const ocid = text(value.ocid);
    if (!ocid) {
      out.problem({ ...(line ? { line } : {}), field: 'ocid', message: `${place}: a release needs its ocid` });
      return;
    }
    releases.push({
      value,
      ocid,
      id: text(value.id) ?? `${ocid}-${releases.length + 1}`,
      date: text(value.date) ?? '',
      ...(line ? { line } : {}),
      index: releases.length,
    });
  };
  for (const doc of documents) {
    const value = doc.value;
    const place = doc.line ? `line ${doc.line}` : 'the package';
    if (isObject(value) && (Array.isArray(value.releases) || Array.isArray(value.records))) {
      const p = isObject(value.publisher) ? text(value.publisher.name) : undefined;
      publisher ??= p;
      const u = text(value.uri);
      if (u && /^https?:\/\//.test(u)) uri ??= u;
      if (Array.isArray(value.releases)) value.releases.forEach((r, i) => take(r, doc.line, `${place}, release ${i + 1}`));
      if (Array.isArray(value.records))
        value.records.forEach((record, i) => {
          if (!isObject(record)) return;
          // A compiled release is the publisher's own merge of the process; otherwise merge its releases here.
          if (isObject(record.compiledRelease)) take(record.compiledRelease, doc.line, `${place}, record ${i + 1}`);
          else if (Array.isArray(record.releases))
            record.releases.forEach((r, j) => {
              // Linked releases ({url, date, tag}) carry no data: nothing to read.
              if (isObject(r) && text(r.ocid)) take(r, doc.line, `${place}, record ${i + 1}, release ${j + 1}`);
            });
        });
    } else if (Array.isArray(value)) value.forEach((r, i) => take(r, doc.line, `${place}, release ${i + 1}`));
    else take(value, doc.line, place);
  }
  if (releases.length === 0 && out.problems.length === 0)
    out.problem({
      field: '(file)',
      message: 'no OCDS release found (expected a release package, a record package or release lines)',
    });
  return { releases, ...(publisher ? { publisher } : {}), ...(uri ? { uri } : {}) };
}

interface ProcessState {
  parties: Map<string, Value>;
  awards: Map<string, Value>;
  contracts: Map<string, Value>;
  buyer: Value | undefined;
  title: string | undefined;
  lastRelease?: Release;
  /** The release that last changed each award or contract (cited for it). */
  releaseOf?: Map<string, Release>;
}

/** One release onto what earlier releases of the process said: objects by id, later fields win. */
function applyRelease(state: ProcessState, release: Release): void {
  const r = release.value;
  state.releaseOf ??= new Map();
  const mergeInto = (map: Map<string, Value>, items: unknown, key: string) => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!isObject(item)) continue;
      const id = text(item.id) ?? String(map.size + 1);
      map.set(id, { ...(map.get(id) ?? {}), ...item });
      state.releaseOf?.set(`${key}:${id}`, release);
    }
  };
  mergeInto(state.parties, r.parties, 'party');
  mergeInto(state.awards, r.awards, 'award');
  mergeInto(state.contracts, r.contracts, 'contract');
  if (isObject(r.buyer)) state.buyer = { ...(state.buyer ?? {}), ...r.buyer };
  const tender = isObject(r.tender) ? r.tender : {};
  state.title = text(tender.title) ?? state.title;
  if (isObject(tender.procuringEntity) && !state.buyer) state.buyer = tender.procuringEntity;
  state.lastRelease = release;
}

/** Our id, kind and identifiers for a party of this process. */
function partyEntity(
  party: Value,
  ocid: string,
  roles: Set<string>,
): { id: string; kind: EntityKind; identifiers: { scheme: string; value: string }[] } {
  const identifiers: { scheme: string; value: string }[] = [];
  for (const i of [party.identifier, ...(Array.isArray(party.additionalIdentifiers) ? party.additionalIdentifiers : [])]) {
    if (!isObject(i)) continue;
    const scheme = text(i.scheme);
    const value = text(i.id);
    if (scheme && value) identifiers.push({ scheme: ocdsScheme(scheme), value: clip(value, 300) });
  }
  const kind: EntityKind = [...roles].some((role) => PUBLIC_ROLES.has(role)) ? 'PublicBody' : 'Organization';
  const prefix = kind === 'PublicBody' ? 'public-body' : 'org';
  const first = identifiers[0];
  // Known by its organisation identifier where it has one; else by its id within the publisher (ocid prefix).
  const key = first
    ? `${first.scheme}/${first.value}`
    : `${ocid.split('-').slice(0, 2).join('-')}/${text(party.id) ?? text(party.name) ?? ''}`;
  return { id: `${prefix}:ocds-${slugOf(key)}`, kind, identifiers };
}

function writeProcess(state: ProcessState, latest: Release, documentId: string, out: FactCollector): void {
  const ocid = latest.ocid;
  const cite = (release: Release, quote: string) =>
    citation(
      documentId,
      `ocid ${ocid} · release ${release.id}`,
      `${quote} (OCDS ${ocid}, release ${release.id}${release.date ? `, ${release.date.slice(0, 10)}` : ''})`,
    );

  // ---- parties, with every role any release gave them
  const roles = new Map<string, Set<string>>();
  const addRole = (ref: unknown, role: string) => {
    if (!isObject(ref)) return;
    const id = text(ref.id) ?? text(ref.name);
    if (!id) return;
    if (!state.parties.has(id)) state.parties.set(id, { ...ref });
    roles.set(id, new Set([...(roles.get(id) ?? []), role]));
  };
  for (const [id, party] of state.parties)
    for (const role of Array.isArray(party.roles) ? party.roles : [])
      roles.set(id, new Set([...(roles.get(id) ?? []), String(role)]));
  addRole(state.buyer, 'buyer');
  for (const award of state.awards.values())
    for (const s of Array.isArray(award.suppliers) ? award.suppliers : []) addRole(s, 'supplier');
  const ours = new Map<string, { id: string; kind: EntityKind }>();
  for (const [partyId, party] of state.parties) {
    const name = text(party.name) ?? (isObject(party.identifier) ? text(party.identifier.legalName) : undefined);
    if (!name) continue;
    const partyRoles = roles.get(partyId) ?? new Set<string>();
    // A supplier must be an organisation to be awarded a contract; a buyer that also supplies stays one.
    const entity = partyEntity(party, ocid, partyRoles.has('supplier') ? new Set(['supplier']) : partyRoles);
    ours.set(partyId, entity);
    const legalName = isObject(party.identifier) ? text(party.identifier.legalName) : undefined;
    const release = state.releaseOf?.get(`party:${partyId}`) ?? latest;
    out.entity(
      {
        id: entity.id,
        kind: entity.kind,
        name: clip(name, 300),
        aliases: legalName && legalName !== name ? [clip(legalName, 300)] : [],
        identifiers: entity.identifiers,
        status: 'reported',
        citations: [cite(release, `${name}: ${[...partyRoles].join(', ') || 'party'}`)],
      },
      release.line,
    );
  }

  // ---- awards (with their contracts) as Contracts: buyer -> contract -> suppliers
  const buyerId = state.buyer ? (text(state.buyer.id) ?? text(state.buyer.name)) : undefined;
  const buyer = buyerId ? ours.get(buyerId) : undefined;
  const contractOfAward = new Map<string, Value>();
  for (const contract of state.contracts.values()) {
    const awardId = text(contract.awardID);
    if (awardId) contractOfAward.set(awardId, contract);
  }
  for (const [awardId, award] of state.awards) {
    const contract = contractOfAward.get(awardId) ?? {};
    const contractId = text(contract.id);
    const release =
      (contractId ? state.releaseOf?.get(`contract:${contractId}`) : undefined) ??
      state.releaseOf?.get(`award:${awardId}`) ??
      latest;
    const value = isObject(contract.value) ? contract.value : isObject(award.value) ? award.value : {};
    const amount = amountOf(value.amount);
    const currency = text(value.currency)?.toUpperCase();
    const period = isObject(contract.period) ? contract.period : isObject(award.contractPeriod) ? award.contractPeriod : {};
    const title = text(contract.title) ?? text(award.title) ?? state.title ?? ocid;
    const status = text(contract.status) ?? text(award.status);
    const id = `contract:ocds-${slugOf(`${ocid}/${awardId}`)}`;
    const suppliers = (Array.isArray(award.suppliers) ? award.suppliers : [])
      .filter(isObject)
      .map((s) => ours.get(text(s.id) ?? text(s.name) ?? ''))
      .filter((s): s is { id: string; kind: EntityKind } => !!s && s.kind === 'Organization');
    const money = amount !== undefined && amount >= 0 && currency && /^[A-Z]{3}$/.test(currency) ? { amount, currency } : {};
    if (amount !== undefined && amount < 0)
      out.warn(`ocid ${ocid}, award ${awardId}: a negative value (${amount}) was not imported`, release.line);
    const supplierNames = (Array.isArray(award.suppliers) ? award.suppliers : [])
      .filter(isObject)
      .map((s) => text(s.name))
      .filter(Boolean);
    const said = `${title}${supplierNames.length ? ` awarded to ${supplierNames.join(', ')}` : ''}${
      amount !== undefined ? ` for ${amount} ${currency ?? ''}`.trimEnd() : ''
    }${status ? ` (status ${status})` : ''}`;
    const description = text(contract.description) ?? text(award.description);
    // A later file may change anything of the contract: it replaces, it does not gather.
    out.replaceEntity(
      {
        id,
        kind: 'Contract',
        name: clip(title, 300),
        aliases: [],
        ...(description ? { purpose: clip(description, 2000) } : {}),
        description: clip(
          `OCDS ${ocid}, award ${awardId}${contractId ? `, contract ${contractId}` : ''}${status ? `; status ${status}` : ''}`,
          4000,
        ),
        identifiers: [{ scheme: 'ocds:award', value: clip(`${ocid}/${awardId}`, 300) }],
        ...money,
        start: partialDate(period.startDate),
        end: partialDate(period.endDate),
        signedOn: partialDate(contract.dateSigned) ?? partialDate(award.date),
        status: 'reported',
        citations: [cite(release, said)],
      },
      release.line,
    );
    if (buyer)
      out.relationship(
        {
          id: `rel:ocds-${slugOf(`${ocid}/${awardId}`)}-buyer`,
          type: 'BUYER_OF',
          source: buyer.id,
          target: id,
          status: 'reported',
          citations: [cite(release, `${text(state.buyer?.name) ?? 'buyer'} bought: ${said}`)],
        },
        release.line,
      );
    else out.warn(`ocid ${ocid}, award ${awardId}: no buyer named; the contract has no BUYER_OF link`, release.line);
    for (const supplier of suppliers)
      out.relationship(
        {
          id: `rel:ocds-${slugOf(`${ocid}/${awardId}/${supplier.id}`)}`,
          type: 'AWARDED_TO',
          source: id,
          target: supplier.id,
          ...(suppliers.length === 1 ? money : {}),
          start: partialDate(period.startDate),
          end: partialDate(period.endDate),
          status: 'reported',
          citations: [cite(release, said)],
        },
        release.line,
      );
  }
}

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
import type { ContractAmendment, EntityKind, ImportProblem } from '../../../../schemas/index.js';
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

/**
 * What is known of a contract before a release of it is applied: the fields we map, as an earlier chunk
 * of the file gave them or the database holds them (an earlier import). A later release merges into it
 * as OCDS compiles releases: what it gives wins, what it leaves out is kept.
 */
export interface KnownContract {
  /** The date of the release it came from. */
  sourceDate?: string;
  amendments: ContractAmendment[];
  title?: string;
  purpose?: string;
  amount?: number;
  currency?: string;
  start?: string;
  end?: string;
  signedOn?: string;
  /** The OCDS status of the contract or award. */
  status?: string;
  buyer?: { id: string; name?: string };
  suppliers?: { id: string; name?: string }[];
}
export type LookupContracts = (ids: string[]) => Promise<Map<string, KnownContract>>;

/** The package a file is (or the first package of its lines): its publisher and address name the Document. */
export interface OcdsPackage {
  publisher?: string;
  uri?: string;
}

/** The whole of a small file in one go (the unit tests; `readImport`). Nothing is looked up. */
export function mapOcds(text_: string, fileName: string, bytes: Uint8Array): MappedImport {
  const { documents, problems } = readJsonDocumentOrLines(text_);
  const mapper = new OcdsMapper(fileName, importDocumentId('ocds', bytes));
  return mapper.mapReleases(mapper.releasesOf(documents, problems), new Map());
}

/**
 * Maps OCDS one chunk of records at a time (a file of any size streamed, see ocds-stream.ts), keeping
 * across chunks only what a later chunk needs: our id and kind of every party met (by the publisher's
 * party id, for releases that name a party without repeating it), the entities already given (not
 * given again, which would replace what the first chunk wrote), and the fields of each contract given
 * (with the date of its release and its amendments), so a later release, which may give only what
 * changed, merges into them, and a release older than one already read, here or in the database, never
 * overwrites them. A whole file is one chunk.
 */
export class OcdsMapper {
  /** `<ocid prefix>/<party id>` -> our entity. */
  private readonly parties = new Map<string, { id: string; kind: EntityKind }>();
  /** Entities an earlier chunk gave: a later chunk links to them without giving them again. */
  private readonly given = new Set<string>();
  /** Contract id -> the date of the release it came from, for every contract given so far. */
  private readonly contractDates = new Map<string, string>();
  /** ... and the amendments of those that have any. */
  private readonly contractAmendments = new Map<string, ContractAmendment[]>();
  /**
   * What the contracts of this chunk and the one before say, for a later release to merge into. Those
   * of earlier chunks are read back from the database, where the streamed import has written them by
   * then (it writes each chunk before it maps the one after next); a dry run, which writes nothing,
   * knows those by their date and amendments only.
   */
  private recent = new Map<string, KnownContract>();
  private previous = new Map<string, KnownContract>();
  private releaseCount = 0;

  constructor(
    private readonly fileName: string,
    private readonly documentId: string,
    private readonly lookup: LookupContracts = () => Promise.resolve(new Map()),
    private readonly pkg: OcdsPackage = {},
  ) {}

  /** One chunk of records (releases, records of a record package, or packages a line). */
  async map(records: readonly JsonRecord[], problems: readonly ImportProblem[]): Promise<MappedImport> {
    const releases = this.releasesOf(records, problems);
    this.previous = this.recent;
    this.recent = new Map();
    const ids = [...new Set(releases.list.flatMap((r) => contractIdsOf(r)))].filter((id) => !this.previous.has(id));
    const stored = ids.length > 0 ? await this.lookup(ids) : new Map<string, KnownContract>();
    return this.mapReleases(releases, stored);
  }

  /** Every release in the records, from whatever packages or lines hold them. */
  releasesOf(records: readonly JsonRecord[], problems: readonly ImportProblem[]): { list: Release[]; problems: ImportProblem[] } {
    const list: Release[] = [];
    const found = [...problems];
    const take = (value: unknown, line: number | undefined, place: string) => {
      if (!isObject(value)) return;
      const ocid = text(value.ocid);
      if (!ocid) {
        found.push({ ...(line ? { line } : {}), field: 'ocid', message: `${place}: a release needs its ocid` });
        return;
      }
      this.releaseCount += 1;
      list.push({
        value,
        ocid,
        id: text(value.id) ?? `${ocid}-${this.releaseCount}`,
        date: text(value.date) ?? '',
        ...(line ? { line } : {}),
        index: this.releaseCount,
      });
    };
    const fromRecord = (record: unknown, line: number | undefined, place: string) => {
      if (!isObject(record)) return;
      // A compiled release is the publisher's own merge of the process; otherwise merge its releases here.
      if (isObject(record.compiledRelease)) take(record.compiledRelease, line, place);
      else if (Array.isArray(record.releases))
        record.releases.forEach((r, j) => {
          // Linked releases ({url, date, tag}) carry no data: nothing to read.
          if (isObject(r) && text(r.ocid)) take(r, line, `${place}, release ${j + 1}`);
        });
    };
    for (const doc of records as (JsonRecord & { member?: string })[]) {
      const value = doc.value;
      // Where a person finds it: its line, else its place in the package's array or the file's.
      const place = doc.line
        ? `line ${doc.line}`
        : doc.member
          ? `${doc.member.replace(/s$/, '')} ${doc.index + 1}`
          : isObject(value) && !text(value.ocid)
            ? 'the package'
            : `release ${doc.index + 1}`;
      if (doc.member === 'releases') take(value, doc.line, place);
      else if (doc.member === 'records') fromRecord(value, doc.line, place);
      else if (isObject(value) && (Array.isArray(value.releases) || Array.isArray(value.records))) {
        // A whole package (a line of packages, or a small file read whole).
        if (!this.pkg.publisher && isObject(value.publisher)) {
          const p = text(value.publisher.name);
          if (p) this.pkg.publisher = p;
        }
        const u = text(value.uri);
        if (!this.pkg.uri && u && /^https?:\/\//.test(u)) this.pkg.uri = u;
        if (Array.isArray(value.releases)) value.releases.forEach((r, i) => take(r, doc.line, `${place}, release ${i + 1}`));
        if (Array.isArray(value.records))
          value.records.forEach((record, i) => fromRecord(record, doc.line, `${place}, record ${i + 1}`));
      } else if (Array.isArray(value)) value.forEach((r, i) => take(r, doc.line, `${place}, release ${i + 1}`));
      else take(value, doc.line, place);
    }
    return { list, problems: found };
  }

  /** The releases of a chunk onto our model, given what the database holds of their contracts. */
  mapReleases(
    releases: { list: Release[]; problems: ImportProblem[] },
    stored: ReadonlyMap<string, KnownContract>,
  ): MappedImport {
    const out = new FactCollector(this.fileName);
    for (const p of releases.problems) out.problem(p);
    const first = this.given.size === 0;
    if (first && releases.list.length === 0 && out.problems.length === 0)
      out.problem({
        field: '(file)',
        message: 'no OCDS release found (expected a release package, a record package or release lines)',
      });

    // The package (or file) is the Document every fact cites; the same bytes give the same Document.
    if (!this.given.has(this.documentId)) {
      out.entity(
        {
          id: this.documentId,
          kind: 'Document',
          name: clip(this.fileName, 300),
          title: clip(`OCDS data: ${this.fileName}`, 500),
          ...(this.pkg.publisher ? { publisher: clip(this.pkg.publisher, 300) } : {}),
          ...(this.pkg.uri ? { url: this.pkg.uri } : {}),
          description: 'Open Contracting Data Standard releases; each fact cites its ocid and release id.',
        },
        undefined,
      );
    }

    // Latest release wins: apply each process's releases in date order (ties keep file order).
    const byOcid = new Map<string, Release[]>();
    for (const r of releases.list) {
      const list = byOcid.get(r.ocid);
      if (list) list.push(r);
      else byOcid.set(r.ocid, [r]);
    }
    for (const list of byOcid.values()) {
      list.sort((a, b) => (Date.parse(a.date) || 0) - (Date.parse(b.date) || 0) || a.index - b.index);
      const state: ProcessState = {
        parties: new Map(),
        awards: new Map(),
        contracts: new Map(),
        tenderers: new Map(),
        buyer: undefined,
        title: undefined,
      };
      for (const release of list) applyRelease(state, release);
      this.writeProcess(state, list[list.length - 1] as Release, stored, out);
    }
    const mapped = out.result(this.documentId);
    for (const e of mapped.file.entities) this.given.add(String((e as { id: unknown }).id));
    return mapped;
  }

  /** The contract as this chunk or the one before gave it, else as the database holds it (see `recent`). */
  private known(id: string, stored: ReadonlyMap<string, KnownContract>): KnownContract | undefined {
    const recent = this.recent.get(id) ?? this.previous.get(id);
    if (recent) return recent;
    const fromDatabase = stored.get(id);
    const sourceDate = this.contractDates.get(id);
    if (fromDatabase || sourceDate === undefined) return fromDatabase;
    return { ...(sourceDate ? { sourceDate } : {}), amendments: this.contractAmendments.get(id) ?? [] };
  }

  private writeProcess(
    state: ProcessState,
    latest: Release,
    stored: ReadonlyMap<string, KnownContract>,
    out: FactCollector,
  ): void {
    const ocid = latest.ocid;
    const documentId = this.documentId;
    const prefix = ocid.split('-').slice(0, 2).join('-');
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
      if (!state.parties.has(id)) state.parties.set(id, { ...ref, referenced: true });
      roles.set(id, new Set([...(roles.get(id) ?? []), role]));
    };
    for (const [id, party] of state.parties)
      for (const role of Array.isArray(party.roles) ? party.roles : [])
        roles.set(id, new Set([...(roles.get(id) ?? []), String(role)]));
    addRole(state.buyer, 'buyer');
    for (const award of state.awards.values())
      for (const s of Array.isArray(award.suppliers) ? award.suppliers : []) addRole(s, 'supplier');
    for (const t of state.tenderers.values()) addRole(t, 'tenderer');
    for (const contract of state.contracts.values())
      for (const t of transactionsOf(contract)) {
        addRole(t.payer, 'payer');
        addRole(t.payee, 'payee');
      }
    const ours = new Map<string, { id: string; kind: EntityKind }>();
    for (const [partyId, party] of state.parties) {
      const name = text(party.name) ?? (isObject(party.identifier) ? text(party.identifier.legalName) : undefined);
      const partyRoles = roles.get(partyId) ?? new Set<string>();
      // A party an earlier chunk described, named here only by its id: the entity that chunk gave.
      const earlier = this.parties.get(`${prefix}/${partyId}`);
      if (party.referenced === true && earlier) {
        ours.set(partyId, earlier);
        continue;
      }
      if (!name) continue;
      // A supplier, tenderer or payee must be an organisation to be awarded, bid or be paid; a buyer
      // that is also one of those stays an organisation.
      const privateRole = ['supplier', 'tenderer', 'payee'].find((r) => partyRoles.has(r));
      const entity = partyEntity(party, ocid, privateRole ? new Set([privateRole]) : partyRoles);
      ours.set(partyId, entity);
      this.parties.set(`${prefix}/${partyId}`, entity);
      if (this.given.has(entity.id)) continue;
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
      const id = `contract:ocds-${slugOf(`${ocid}/${awardId}`)}`;
      // Latest release wins, across chunks and imports: an older release than the one a contract came
      // from leaves it (and its links) as they are.
      const known = this.known(id, stored);
      if (known?.sourceDate && release.date && isOlder(release.date, known.sourceDate)) {
        out.skipped += 1;
        out.warn(
          `ocid ${ocid}, award ${awardId}: release ${release.id} (${release.date}) is older than the one already imported (${known.sourceDate}); not applied`,
          release.line,
        );
        continue;
      }
      // What this process's releases give of the contract (already merged among themselves, in date
      // order) merged into what an earlier chunk or import gave: a field the releases leave out keeps its
      // value, one they set to null is removed, anything they give wins (OCDS compiled releases).
      const money = given(contract.value, award.value);
      const period = given(contract.period, award.contractPeriod);
      const supplierRefs = (Array.isArray(award.suppliers) ? award.suppliers : []).filter(isObject).flatMap((s) => {
        const entity = ours.get(text(s.id) ?? text(s.name) ?? '');
        return entity && entity.kind === 'Organization' ? [refOf(entity.id, s)] : [];
      });
      const buyerRef = buyer ? refOf(buyer.id, state.buyer) : undefined;
      const merged: KnownContract = {
        sourceDate: sourceDateOf(release.date),
        amendments: mergeAmendments(known?.amendments ?? [], [
          ...amendmentsOf(award.amendments),
          ...amendmentsOf(contract.amendments),
        ]),
        // The contract's or award's title, else what was known, else the tender's (not the ocid).
        title: mergeField(given(contract.title, award.title), text, known?.title) ?? state.title,
        purpose: mergeField(given(contract.description, award.description), text, known?.purpose),
        amount: mergeField(field(money, 'amount'), amountOf, known?.amount),
        currency: mergeField(field(money, 'currency'), (v) => text(v)?.toUpperCase(), known?.currency),
        start: mergeField(field(period, 'startDate'), partialDate, known?.start),
        end: mergeField(field(period, 'endDate'), partialDate, known?.end),
        signedOn: mergeField(given(contract.dateSigned, award.date), partialDate, known?.signedOn),
        status: mergeField(given(contract.status, award.status), text, known?.status),
        buyer: buyerRef ?? known?.buyer,
        // Suppliers are merged by id, as OCDS merges lists of objects that have one.
        suppliers: unionById(known?.suppliers ?? [], supplierRefs),
      };
      this.recent.set(id, merged);
      this.contractDates.set(id, merged.sourceDate ?? '');
      if (merged.amendments.length > 0) this.contractAmendments.set(id, merged.amendments);
      const { amount, currency, status, amendments, sourceDate } = merged;
      const title = merged.title ?? ocid;
      const suppliers = merged.suppliers ?? [];
      const moneyFields =
        amount !== undefined && amount >= 0 && currency && /^[A-Z]{3}$/.test(currency) ? { amount, currency } : {};
      if (amount !== undefined && amount < 0)
        out.warn(`ocid ${ocid}, award ${awardId}: a negative value (${amount}) was not imported`, release.line);
      const supplierNames = suppliers.map((s) => s.name).filter(Boolean);
      const said = `${title}${supplierNames.length ? ` awarded to ${supplierNames.join(', ')}` : ''}${
        amount !== undefined ? ` for ${amount} ${currency ?? ''}`.trimEnd() : ''
      }${status ? ` (status ${status})` : ''}`;
      // The merged contract replaces what an earlier chunk gave (it holds all of it).
      out.replaceEntity(
        {
          id,
          kind: 'Contract',
          name: clip(title, 300),
          aliases: [],
          ...(merged.purpose ? { purpose: clip(merged.purpose, 2000) } : {}),
          description: clip(
            `OCDS ${ocid}, award ${awardId}${contractId ? `, contract ${contractId}` : ''}${status ? `; status ${status}` : ''}`,
            4000,
          ),
          identifiers: [{ scheme: 'ocds:award', value: clip(`${ocid}/${awardId}`, 300) }],
          ...moneyFields,
          start: merged.start,
          end: merged.end,
          signedOn: merged.signedOn,
          ...(sourceDate ? { sourceDate } : {}),
          ...(amendments.length > 0 ? { amendments } : {}),
          status: 'reported',
          citations: [cite(release, said)],
        },
        release.line,
      );
      this.given.add(id);
      if (merged.buyer)
        out.relationship(
          {
            id: `rel:ocds-${slugOf(`${ocid}/${awardId}`)}-buyer`,
            type: 'BUYER_OF',
            source: merged.buyer.id,
            target: id,
            status: 'reported',
            citations: [cite(release, `${merged.buyer.name ?? 'buyer'} bought: ${said}`)],
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
            ...(suppliers.length === 1 ? moneyFields : {}),
            start: merged.start,
            end: merged.end,
            status: 'reported',
            citations: [cite(release, said)],
          },
          release.line,
        );

      // ---- who bid: each tenderer of the process linked to the contract it bid for
      for (const [tendererId, tenderer] of state.tenderers) {
        const entity = ours.get(tendererId);
        if (!entity || entity.kind !== 'Organization') continue;
        out.relationship(
          {
            id: `rel:ocds-${slugOf(`${ocid}/${awardId}/${entity.id}`)}-tenderer`,
            type: 'LINKED_TO',
            source: entity.id,
            target: id,
            relation: 'tenderer',
            status: 'reported',
            citations: [cite(release, `${text(tenderer.name) ?? tendererId} bid in the tender for ${title}`)],
          },
          release.line,
        );
      }

      // ---- what was paid under the contract: payer -> payee
      for (const t of transactionsOf(contract)) {
        const payer = ours.get(refId(t.payer) ?? '');
        const payee = ours.get(refId(t.payee) ?? '');
        if (!payer || !payee || payer.id === payee.id) continue;
        const v = isObject(t.value) ? t.value : isObject(t.amount) ? t.amount : {};
        const paid = amountOf(v.amount);
        const paidIn = text(v.currency)?.toUpperCase();
        const txId = text(t.id) ?? `${t.date ?? ''}/${paid ?? ''}`;
        const paidMoney =
          paid !== undefined && paid >= 0 && paidIn && /^[A-Z]{3}$/.test(paidIn) ? { amount: paid, currency: paidIn } : {};
        out.relationship(
          {
            id: `rel:ocds-${slugOf(`${ocid}/${contractId ?? awardId}/${txId}`)}-paid`,
            type: 'PAID',
            source: payer.id,
            target: payee.id,
            ...paidMoney,
            purpose: clip(title, 2000),
            paymentKind: 'payment',
            start: partialDate(t.date),
            status: 'reported',
            citations: [
              cite(
                release,
                `${text(isObject(t.payer) ? t.payer.name : undefined) ?? 'payer'} paid ${text(isObject(t.payee) ? t.payee.name : undefined) ?? 'payee'}${
                  paid !== undefined ? ` ${paid} ${paidIn ?? ''}`.trimEnd() : ''
                } under ${title}${typeof t.date === 'string' ? ` on ${t.date.slice(0, 10)}` : ''} (transaction ${txId})`,
              ),
            ],
          },
          release.line,
        );
      }
    }
  }
}

/** The contract ids a release would give (one per award), to look up before it is mapped. */
function contractIdsOf(release: Release): string[] {
  const awards = Array.isArray(release.value.awards) ? release.value.awards : [];
  return awards
    .filter(isObject)
    .map((a) => text(a.id))
    .filter((id): id is string => !!id)
    .map((awardId) => `contract:ocds-${slugOf(`${release.ocid}/${awardId}`)}`);
}

/** `a` is strictly before `b` (dates of releases, ISO 8601; a date that does not parse is never older). */
export function isOlder(a: string, b: string): boolean {
  const x = Date.parse(a);
  const y = Date.parse(b);
  return Number.isFinite(x) && Number.isFinite(y) && x < y;
}

/** A release date as the schema keeps it (ISO 8601), or nothing. */
function sourceDateOf(date: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(date) && date.length <= 40 ? date : undefined;
}

function amendmentsOf(items: unknown): ContractAmendment[] {
  if (!Array.isArray(items)) return [];
  return items.filter(isObject).flatMap((a) => {
    const said = [text(a.rationale), text(a.description)].filter(Boolean);
    const description = [...new Set(said)].join(': ');
    if (!description) return [];
    const date = partialDate(a.date);
    return [{ ...(date ? { date } : {}), description: clip(description, 2000) }];
  });
}

/** Amendments known and new, each once, oldest first, at most the schema's 100 (the latest kept). */
function mergeAmendments(known: readonly ContractAmendment[], found: readonly ContractAmendment[]): ContractAmendment[] {
  const all = new Map<string, ContractAmendment>();
  for (const a of [...known, ...found]) all.set(`${a.date ?? ''}\u0000${a.description}`, a);
  return [...all.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).slice(-100);
}

/**
 * What releases give of a field, from the first of `values` (the contract's, then the award's) that
 * gives a value; `null` when none does but one was removed (set to `null`); undefined when none says
 * anything: absent, an empty string, or an empty object or list (OCDS merging keeps the earlier value).
 */
function given(...values: unknown[]): unknown {
  let removed = false;
  for (const v of values) {
    if (v === null) removed = true;
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (isObject(v) && Object.keys(v).length === 0) continue;
    return v;
  }
  return removed ? null : undefined;
}

/** A member of an object that may be absent (undefined) or removed (`null`, which removes its members too). */
function field(object: unknown, key: string): unknown {
  if (object === null) return null;
  return isObject(object) ? given(object[key]) : undefined;
}

/** The field after a release: what it gives (read as ours), nothing if it removed it, else what was known. */
function mergeField<T>(value: unknown, read: (v: unknown) => T | undefined, known: T | undefined): T | undefined {
  if (value === undefined) return known;
  return value === null ? undefined : read(value);
}

function refOf(id: string, party: unknown): { id: string; name?: string } {
  const name = isObject(party) ? text(party.name) : undefined;
  return name ? { id, name } : { id };
}

/** `known` then those of `found` it lacks, by id. */
function unionById<T extends { id: string }>(known: readonly T[], found: readonly T[]): T[] {
  const ids = new Set(known.map((k) => k.id));
  return [...known, ...found.filter((f) => !ids.has(f.id))];
}

/**
 * One release merged into what earlier releases of the process said, as OCDS compiles releases: objects
 * field by field, lists of objects that all have an `id` by id (others, and `additionalIdentifiers` /
 * `additionalClassifications`, which OCDS merges whole, replaced), other values replaced. A field set to
 * `null` stays `null` (removed: nothing in the mapping reads it) so that a later merge across chunks or
 * imports knows it was removed rather than left out; an empty string, object or list changes nothing.
 */
export function mergeOcds(output: unknown, input: unknown, key = ''): unknown {
  if (input === undefined || input === '') return output;
  if (input === null) return null;
  if (Array.isArray(input)) {
    if (input.length === 0) return output;
    const byId = !WHOLE_LISTS.has(key) && input.every((item) => isObject(item) && text(item.id) !== undefined);
    if (!byId) return input;
    const list = Array.isArray(output) ? [...(output as unknown[])] : [];
    for (const item of input as Value[]) {
      const at = list.findIndex((o) => isObject(o) && text(o.id) === text(item.id));
      if (at >= 0) list[at] = mergeOcds(list[at], item);
      else list.push(mergeOcds(undefined, item));
    }
    return list;
  }
  if (isObject(input)) {
    const out: Value = isObject(output) ? { ...output } : {};
    for (const [k, v] of Object.entries(input)) {
      const m = mergeOcds(out[k], v, k);
      if (m !== undefined) out[k] = m;
    }
    return out;
  }
  return input;
}

/** Lists of objects with an `id` that OCDS 1.1 merges whole (`wholeListMerge`): identifiers, classifications. */
const WHOLE_LISTS = new Set(['additionalIdentifiers', 'additionalClassifications']);

/** Transactions of a contract's implementation (OCDS 1.1 `payer`/`payee`, 1.0 provider/receiver). */
function transactionsOf(contract: Value): Value[] {
  const implementation = isObject(contract.implementation) ? contract.implementation : {};
  const list = Array.isArray(implementation.transactions) ? implementation.transactions.filter(isObject) : [];
  return list.map((t) => ({
    ...t,
    payer: t.payer ?? t.providerOrganization,
    payee: t.payee ?? t.receiverOrganization,
  }));
}

function refId(ref: unknown): string | undefined {
  return isObject(ref) ? (text(ref.id) ?? text(ref.name)) : undefined;
}

interface ProcessState {
  parties: Map<string, Value>;
  awards: Map<string, Value>;
  contracts: Map<string, Value>;
  /** Tenderers of the process's tender (references), by id. */
  tenderers: Map<string, Value>;
  buyer: Value | undefined;
  title: string | undefined;
  lastRelease?: Release;
  /** The release that last changed each award or contract (cited for it). */
  releaseOf?: Map<string, Release>;
}

/** One release onto what earlier releases of the process said, merged as OCDS compiles releases (`mergeOcds`). */
function applyRelease(state: ProcessState, release: Release): void {
  const r = release.value;
  state.releaseOf ??= new Map();
  const mergeInto = (map: Map<string, Value>, items: unknown, key: string) => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!isObject(item)) continue;
      const id = text(item.id) ?? String(map.size + 1);
      map.set(id, mergeOcds(map.get(id), item) as Value);
      state.releaseOf?.set(`${key}:${id}`, release);
    }
  };
  mergeInto(state.parties, r.parties, 'party');
  mergeInto(state.awards, r.awards, 'award');
  mergeInto(state.contracts, r.contracts, 'contract');
  if (isObject(r.buyer)) state.buyer = mergeOcds(state.buyer, r.buyer) as Value;
  else if (r.buyer === null) state.buyer = undefined;
  const tender = isObject(r.tender) ? r.tender : {};
  state.title = text(tender.title) ?? state.title;
  if (isObject(tender.procuringEntity) && !state.buyer) state.buyer = tender.procuringEntity;
  for (const t of Array.isArray(tender.tenderers) ? tender.tenderers : []) {
    const id = isObject(t) ? (text(t.id) ?? text(t.name)) : undefined;
    if (id && isObject(t)) state.tenderers.set(id, mergeOcds(state.tenderers.get(id), t) as Value);
  }
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

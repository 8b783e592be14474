/**
 * Conflict patterns on small synthetic graphs (a positive case, dates that never overlap, an unrelated
 * contract or law, and a case reached only through a hierarchy hop), then on the seed story, then
 * through the HTTP API.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, MoneyFlowsResponse } from '../../schemas/index.js';
import { CYPHER_DIR } from '../../server/db/cypher-files.js';
import { findingRecords, type PatternRow } from '../../server/services/conflicts/findings.js';
import { loadPatterns } from '../../server/services/conflicts/pattern-files.js';
import { ConflictService } from '../../server/services/conflicts/service.js';
import { buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { currentFindings } from './helpers/findings.js';
import { SyntheticGraph, uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
let driver: Driver;
let service: ConflictService;
const graphs: SyntheticGraph[] = [];

beforeAll(() => {
  driver = testDriver();
  service = new ConflictService(driver, database);
});
afterEach(async () => {
  for (const g of graphs.splice(0)) await g.remove(driver, database);
});
afterAll(async () => {
  await driver.close();
});

async function build(name: string, draw: (g: SyntheticGraph) => void): Promise<SyntheticGraph> {
  const g = new SyntheticGraph(uniquePrefix(name));
  draw(g);
  graphs.push(g);
  await g.save(driver, database);
  return g;
}

/** Findings of one pattern that involve an entity of this graph. */
async function findingsFor(pattern: string, entity: string): Promise<Finding[]> {
  return (await service.findings({ pattern, entity })).findings;
}

describe('vendor-board-seat', () => {
  const draw =
    (opts: {
      seat?: Record<string, unknown>;
      contract?: Record<string, unknown>;
      otherBuyer?: boolean;
      viaHierarchy?: boolean;
    }) =>
    (g: SyntheticGraph) => {
      const person = g.add('Person', 'pat');
      const body = g.add('PublicBody', 'sheriff');
      const city = g.add('PublicBody', 'city');
      const other = g.add('PublicBody', 'other-city');
      const parent = g.add('Organization', 'broker');
      const sub = g.add('Organization', 'broker-sub');
      const contract = g.add('Contract', 'deal', { amount: 1000, currency: 'USD', ...opts.contract });
      g.link('HOLDS_POSITION', person, body, { role: 'Chief', current: true });
      g.link('SITS_ON_BOARD', person, parent, opts.seat ?? { current: true });
      g.link('PART_OF', body, city);
      g.link('SUBSIDIARY_OF', sub, parent);
      g.link('BUYER_OF', opts.otherBuyer ? other : opts.viaHierarchy ? city : body, contract);
      g.link('AWARDED_TO', contract, opts.viaHierarchy ? sub : parent);
    };

  it('finds a board seat at a contractor of the person’s own body', async () => {
    const g = await build('vbs-pos', draw({}));
    const [finding, ...rest] = await findingsFor('vendor-board-seat', `person:${g.prefix}-pat`);
    expect(rest).toEqual([]);
    expect(finding?.title).toBe(
      `pat (${g.prefix}) sits on the board of broker (${g.prefix}), and broker (${g.prefix}) is a contractor of sheriff (${g.prefix})`,
    );
    expect(finding?.explanation).toContain('$1,000 contract');
  });

  it('ignores a seat that ended before the contract was signed', async () => {
    const g = await build('vbs-dates', draw({ seat: { start: '2001', end: '2004' }, contract: { signedOn: '2015' } }));
    expect(await findingsFor('vendor-board-seat', `person:${g.prefix}-pat`)).toEqual([]);
  });

  it('ignores a contract bought by an unrelated body', async () => {
    const g = await build('vbs-unrelated', draw({ otherBuyer: true }));
    expect(await findingsFor('vendor-board-seat', `person:${g.prefix}-pat`)).toEqual([]);
  });

  it('reaches the buyer through PART_OF and the vendor through SUBSIDIARY_OF', async () => {
    const g = await build('vbs-hop', draw({ viaHierarchy: true }));
    const [finding] = await findingsFor('vendor-board-seat', `person:${g.prefix}-pat`);
    expect(finding?.explanation).toContain(`of which sheriff (${g.prefix}) is part`);
    expect(finding?.explanation).toContain(`a subsidiary of broker (${g.prefix})`);
    expect(finding?.nodeIds).toEqual(expect.arrayContaining([`public-body:${g.prefix}-city`, `org:${g.prefix}-broker-sub`]));
  });

  it('stores the same records whether the evidence comes as paths or as ids read once', async () => {
    const g = await build('vbs-ids', draw({ viaHierarchy: true, contract: { signedOn: '2021-03-01' } }));
    const person = `person:${g.prefix}-pat`;
    const pattern = service.pattern('vendor-board-seat');
    const session = driver.session({ database, defaultAccessMode: 'READ' });
    const rows = await session
      .executeRead((tx) => tx.run(pattern.query, { rollup: false, ...pattern.parameters, entity: person }))
      .finally(() => session.close());
    const asPaths = findingRecords(
      pattern,
      rows.records.map((r) => r.toObject() as unknown as PatternRow),
    );
    const byIds = await service.records(pattern, person);
    expect(byIds.length).toBe(1);
    expect(byIds[0]!.edges.map((e) => e.type).sort()).toEqual(
      ['AWARDED_TO', 'BUYER_OF', 'HOLDS_POSITION', 'PART_OF', 'SITS_ON_BOARD', 'SUBSIDIARY_OF'].sort(),
    );
    expect(byIds).toEqual(asPaths);
  });

  it('calls a contractor in the same group the board’s company’s sibling, never its parent', async () => {
    const g = await build('vbs-sibling', (g) => {
      const person = g.add('Person', 'pat');
      const body = g.add('PublicBody', 'sheriff');
      const group = g.add('Organization', 'holding');
      const company = g.add('Organization', 'broker');
      const board = g.add('Organization', 'broker-board', { name: `broker data board (${g.prefix})` });
      const sibling = g.add('Organization', 'alerts');
      const contract = g.add('Contract', 'deal', { amount: 1000, currency: 'USD' });
      g.link('HOLDS_POSITION', person, body, { role: 'Chief', current: true });
      g.link('SITS_ON_BOARD', person, board, { current: true });
      g.link('PART_OF', board, company);
      g.link('SUBSIDIARY_OF', company, group);
      g.link('SUBSIDIARY_OF', sibling, group);
      g.link('BUYER_OF', body, contract);
      g.link('AWARDED_TO', contract, sibling);
    });
    const findings = await findingsFor('vendor-board-seat', `person:${g.prefix}-pat`);
    const viaSibling = findings.find((f) => f.nodeIds.includes(`org:${g.prefix}-alerts`));
    expect(viaSibling?.title).toBe(
      `pat (${g.prefix}) sits on the broker data board (${g.prefix}), part of broker (${g.prefix}), and alerts (${g.prefix}), in the same group as broker (${g.prefix}), is a contractor of sheriff (${g.prefix})`,
    );
    expect(findings.map((f) => f.title).join('\n')).not.toContain('parent');
  });
});

describe('enforcer-board-seat', () => {
  const draw =
    (opts: { seat?: Record<string, unknown>; flow?: Record<string, unknown>; unrelatedLaw?: boolean; viaHierarchy?: boolean }) =>
    (g: SyntheticGraph) => {
      const person = g.add('Person', 'pat');
      const state = g.add('PublicBody', 'state-police');
      const body = g.add('PublicBody', 'county-police');
      const agency = g.add('PublicBody', 'agency');
      const unit = g.add('PublicBody', 'agency-unit');
      const otherAgency = g.add('PublicBody', 'other-agency');
      const law = g.add('Law', 'shield-act');
      const parent = g.add('Organization', 'broker');
      const sub = g.add('Organization', 'broker-sub');
      g.link('PART_OF', body, state);
      g.link('PART_OF', unit, agency);
      g.link('SUBSIDIARY_OF', sub, parent);
      g.link('RESTRICTS', law, opts.viaHierarchy ? state : body, {
        summary: 'bars helping the agency',
        counterpartyIds: [opts.unrelatedLaw ? otherAgency : agency],
      });
      g.link('HOLDS_POSITION', person, body, { role: 'Chief', current: true });
      g.link('SITS_ON_BOARD', person, parent, opts.seat ?? { current: true });
      g.link('SUPPLIES_DATA_TO', opts.viaHierarchy ? sub : parent, opts.viaHierarchy ? unit : agency, {
        data: 'records',
        ...opts.flow,
      });
    };

  it('finds a board seat at a company that supplies the party the law keeps the body from helping', async () => {
    const g = await build('ebs-pos', draw({}));
    const findings = await findingsFor('enforcer-board-seat', `person:${g.prefix}-pat`);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.explanation).toContain(`agency (${g.prefix}) receives data from broker (${g.prefix})`);
  });

  it('ignores a seat that ended before the data flow began', async () => {
    const g = await build('ebs-dates', draw({ seat: { start: '2001', end: '2003' }, flow: { start: '2010' } }));
    expect(await findingsFor('enforcer-board-seat', `person:${g.prefix}-pat`)).toEqual([]);
  });

  it('ignores a law that protects a different party', async () => {
    const g = await build('ebs-unrelated', draw({ unrelatedLaw: true }));
    expect(await findingsFor('enforcer-board-seat', `person:${g.prefix}-pat`)).toEqual([]);
  });

  it('reaches the restricted body, the helper and the agency through PART_OF and SUBSIDIARY_OF', async () => {
    const g = await build('ebs-hop', draw({ viaHierarchy: true }));
    const [finding] = await findingsFor('enforcer-board-seat', `person:${g.prefix}-pat`);
    expect(finding?.nodeIds).toEqual(
      expect.arrayContaining([
        `public-body:${g.prefix}-state-police`,
        `org:${g.prefix}-broker-sub`,
        `public-body:${g.prefix}-agency-unit`,
      ]),
    );
  });
});

describe('circumvention-chain', () => {
  const draw =
    (opts: {
      first?: Record<string, unknown>;
      second?: Record<string, unknown>;
      unrelatedLaw?: boolean;
      viaHierarchy?: boolean;
    }) =>
    (g: SyntheticGraph) => {
      const sheriffs = g.add('PublicBody', 'sheriffs');
      const county = g.add('PublicBody', 'county-sheriff');
      const system = g.add('DataSystem', 'alerts');
      const broker = g.add('Organization', 'broker');
      const agency = g.add('PublicBody', 'agency');
      const other = g.add('PublicBody', 'other-agency');
      const law = g.add('Law', 'shield-act');
      const contract = g.add('Contract', 'feed');
      g.link('PART_OF', county, sheriffs);
      g.link('RESTRICTS', law, sheriffs, { summary: 'no sharing', counterpartyIds: [opts.unrelatedLaw ? other : agency] });
      if (opts.viaHierarchy) {
        g.link('SUPPLIES_DATA_TO', county, broker, opts.first ?? {});
        g.link('BUYER_OF', agency, contract, opts.second ?? {});
        g.link('AWARDED_TO', contract, broker);
      } else {
        g.link('OPERATES', sheriffs, system);
        g.link('SUPPLIES_DATA_TO', system, broker, opts.first ?? {});
        g.link('SUPPLIES_DATA_TO', broker, agency, opts.second ?? {});
      }
    };

  it('finds restricted data reaching the agency through a data system and a broker', async () => {
    const g = await build('cc-pos', draw({}));
    const [finding] = await findingsFor('circumvention-chain', `org:${g.prefix}-broker`);
    expect(finding?.title).toBe(
      `sheriffs (${g.prefix}) data reaches agency (${g.prefix}) through broker (${g.prefix}), around shield-act (${g.prefix})`,
    );
    expect(finding?.explanation).toContain(`runs alerts (${g.prefix}), which feeds broker (${g.prefix})`);
  });

  it('ignores legs that never overlapped in time', async () => {
    const g = await build('cc-dates', draw({ first: { start: '2001', end: '2002' }, second: { start: '2019' } }));
    expect(await findingsFor('circumvention-chain', `org:${g.prefix}-broker`)).toEqual([]);
  });

  it('ignores a law that restricts sharing with someone else', async () => {
    const g = await build('cc-unrelated', draw({ unrelatedLaw: true }));
    expect(await findingsFor('circumvention-chain', `org:${g.prefix}-broker`)).toEqual([]);
  });

  it('finds a part of the restricted body feeding a broker the agency pays', async () => {
    const g = await build('cc-hop', draw({ viaHierarchy: true }));
    const [finding] = await findingsFor('circumvention-chain', `org:${g.prefix}-broker`);
    expect(finding?.explanation).toContain('is contracted by');
    expect(finding?.nodeIds).toContain(`public-body:${g.prefix}-county-sheriff`);
  });
});

describe('revolving-door', () => {
  const draw =
    (opts: { seat?: Record<string, unknown>; contract?: Record<string, unknown>; otherBody?: boolean; viaHierarchy?: boolean }) =>
    (g: SyntheticGraph) => {
      const person = g.add('Person', 'lee');
      const office = g.add('PublicBody', 'sheriff');
      const sheriffs = g.add('PublicBody', 'sheriffs');
      const other = g.add('PublicBody', 'other');
      const system = g.add('DataSystem', 'alerts');
      const parent = g.add('Organization', 'broker');
      const sub = g.add('Organization', 'broker-sub');
      const contract = g.add('Contract', 'deal', opts.contract ?? {});
      g.link('HOLDS_POSITION', person, office, { role: 'Sheriff', current: false, end: '2015' });
      g.link('SITS_ON_BOARD', person, parent, opts.seat ?? { start: '2016', current: true });
      g.link('PART_OF', office, sheriffs);
      g.link('SUBSIDIARY_OF', sub, parent);
      if (opts.viaHierarchy) {
        g.link('OPERATES', sheriffs, system);
        g.link('SUPPLIES_DATA_TO', system, sub, { start: '2017' });
      } else {
        g.link('BUYER_OF', opts.otherBody ? other : office, contract);
        g.link('AWARDED_TO', contract, parent);
      }
    };

  it('finds a former official on the board of a company their old office buys from', async () => {
    const g = await build('rd-pos', draw({ contract: { signedOn: '2018' } }));
    const [finding] = await findingsFor('revolving-door', `person:${g.prefix}-lee`);
    expect(finding?.title).toBe(
      `lee (${g.prefix}), formerly sheriff at sheriff (${g.prefix}), now on the board of broker (${g.prefix}), whose group deals with sheriff (${g.prefix})`,
    );
    expect(finding?.period).toEqual({ from: '2018', to: null });
    expect(finding?.qualifiers).not.toContain('dates-unknown');
  });

  it('ignores a seat that ended before the dealings began', async () => {
    const g = await build('rd-dates', draw({ seat: { start: '2016', end: '2017' }, contract: { signedOn: '2020' } }));
    expect(await findingsFor('revolving-door', `person:${g.prefix}-lee`)).toEqual([]);
  });

  it('ignores a contract with an unrelated body', async () => {
    const g = await build('rd-unrelated', draw({ otherBody: true }));
    expect(await findingsFor('revolving-door', `person:${g.prefix}-lee`)).toEqual([]);
  });

  it('follows the old office up to the body that runs a system feeding the company’s subsidiary', async () => {
    const g = await build('rd-hop', draw({ viaHierarchy: true }));
    const [finding] = await findingsFor('revolving-door', `person:${g.prefix}-lee`);
    expect(finding?.explanation).toContain(`sheriffs (${g.prefix})’s alerts (${g.prefix}) feeds broker-sub (${g.prefix})`);
  });
});

// After an edit of a contract, each pattern runs for it (ADR 0043): the run must come across every
// finding that counts it, shown as evidence or not, through the hierarchies on both sides, and no more
// of the supplier's group than the people who also sit at its buyer's side (ADR 0044).
describe('a run for one contract', () => {
  const draw = (g: SyntheticGraph) => {
    const pat = g.add('Person', 'pat');
    const lee = g.add('Person', 'lee');
    const sam = g.add('Person', 'sam');
    const ray = g.add('Person', 'ray');
    const sheriff = g.add('PublicBody', 'sheriff');
    const city = g.add('PublicBody', 'city');
    const other = g.add('PublicBody', 'other-city');
    const agency = g.add('PublicBody', 'agency');
    const unit = g.add('PublicBody', 'agency-unit');
    const law = g.add('Law', 'shield-act');
    const broker = g.add('Organization', 'broker');
    const sub = g.add('Organization', 'broker-sub');
    g.link('PART_OF', sheriff, city);
    g.link('PART_OF', unit, agency);
    g.link('SUBSIDIARY_OF', sub, broker);
    g.link('RESTRICTS', law, city, { summary: 'bars helping the agency', counterpartyIds: [agency] });
    g.link('HOLDS_POSITION', pat, sheriff, { role: 'Chief', current: true });
    g.link('HOLDS_POSITION', lee, sheriff, { role: 'Sheriff', current: false, end: '2015' });
    g.link('HOLDS_POSITION', sam, other, { role: 'Clerk', current: true });
    g.link('HOLDS_POSITION', ray, other, { role: 'Mayor', current: false, end: '2015' });
    for (const person of [pat, lee, sam, ray]) g.link('SITS_ON_BOARD', person, broker, { current: true });
    // More contracts than a finding keeps as evidence (five or ten), bought through the city's and the
    // agency's hierarchies from the broker's subsidiary; one the other city buys from the broker.
    for (let i = 1; i <= 12; i++) {
      const n = String(i).padStart(2, '0');
      const deal = g.add('Contract', `deal-${n}`, { amount: 1000 * i, currency: 'USD', signedOn: '2018' });
      g.link('BUYER_OF', city, deal);
      g.link('AWARDED_TO', deal, sub);
      const aid = g.add('Contract', `aid-${n}`, { amount: 500 * i, currency: 'USD', signedOn: '2018' });
      g.link('BUYER_OF', unit, aid);
      g.link('AWARDED_TO', aid, sub);
    }
    // The bystanders' own findings: the other city buys from the broker, and a law keeps it from
    // helping another agency, which the broker supplies too.
    const elsewhere = g.add('Contract', 'elsewhere', { signedOn: '2018' });
    g.link('BUYER_OF', other, elsewhere);
    g.link('AWARDED_TO', elsewhere, broker);
    const otherAgency = g.add('PublicBody', 'other-agency');
    g.link('RESTRICTS', g.add('Law', 'other-act'), other, {
      summary: 'bars helping the other agency',
      counterpartyIds: [otherAgency],
    });
    const otherAid = g.add('Contract', 'other-aid', { signedOn: '2018' });
    g.link('BUYER_OF', otherAgency, otherAid);
    g.link('AWARDED_TO', otherAid, broker);
  };

  it.each([
    ['vendor-board-seat', 'pat', 'deal'],
    ['revolving-door', 'lee', 'deal'],
    ['enforcer-board-seat', 'pat', 'aid'],
  ])('%s: comes across the finding of %s from each of its contracts, shown or not', async (id, person, contracts) => {
    const g = await build(`one-contract-${id}`, draw);
    const pattern = service.pattern(id);
    const [finding, ...rest] = await service.records(pattern, `person:${g.prefix}-${person}`);
    expect(rest).toEqual([]);
    const all = Array.from({ length: 12 }, (_, i) => `contract:${g.prefix}-${contracts}-${String(i + 1).padStart(2, '0')}`);
    const shown = all.filter((c) => finding!.nodes.some((n) => n.id === c));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(all.length);
    for (const contract of all) {
      const found = await service.recordsFrom(pattern, contract);
      expect(
        found.find((r) => r.id === finding!.id),
        `${id} from ${contract}`,
      ).toEqual(finding);
      // The bystanders sit on the same board, at a body that does not buy this contract.
      const about = found.flatMap((r) => r.key);
      expect(about, contract).not.toContain(`person:${g.prefix}-sam`);
      expect(about, contract).not.toContain(`person:${g.prefix}-ray`);
    }
  });

  it("money-flow: comes across only its buyer's finding with its vendor, counted whole", async () => {
    const g = await build('one-contract-money', (g) => {
      const city = g.add('PublicBody', 'city');
      const broker = g.add('Organization', 'broker');
      const other = g.add('Organization', 'other-vendor');
      for (let i = 1; i <= 3; i++) {
        const deal = g.add('Contract', `deal-${i}`, { amount: 1000 * i, currency: 'USD', signedOn: `201${i}` });
        g.link('BUYER_OF', city, deal);
        g.link('AWARDED_TO', deal, broker);
      }
      const elsewhere = g.add('Contract', 'elsewhere', { amount: 7, currency: 'USD', signedOn: '2019' });
      g.link('BUYER_OF', city, elsewhere);
      g.link('AWARDED_TO', elsewhere, other);
    });
    const pattern = service.pattern('money-flow');
    const id = (kind: string, slug: string) => `${kind}:${g.prefix}-${slug}`;
    const ofCity = await service.recordsFrom(pattern, id('public-body', 'city'));
    const toBroker = ofCity.find((r) => r.key[1] === id('org', 'broker'));
    const toOther = ofCity.find((r) => r.key[1] === id('org', 'other-vendor'));
    expect(toBroker?.rows[0]?.facts).toMatchObject({ count: 3, totals: [{ currency: 'USD', amount: 6000 }] });
    expect(toOther).toBeDefined();
    for (let i = 1; i <= 3; i++) expect(await service.recordsFrom(pattern, id('contract', `deal-${i}`))).toEqual([toBroker]);
    expect(await service.recordsFrom(pattern, id('contract', 'elsewhere'))).toEqual([toOther]);
  });

  // Each pattern's two findings about one person: the first counts `first` (a deal of the sheriff's city
  // or, for enforcer-board-seat, help to the agency), the second counts `second` (the port's, the other
  // agency's). A run for one contract comes across only the finding it counts in.
  it.each([
    ['vendor-board-seat', 'pat', 'deal', 'kit', ['sheriff', 'city'], ['port']],
    ['revolving-door', 'lee', 'deal', 'kit', ['sheriff', 'city'], ['port']],
    ['pay-to-play', 'pat', 'deal', 'kit', ['sheriff', 'city'], ['port']],
    ['enforcer-board-seat', 'pat', 'aid', 'gear', ['agency'], ['other-agency']],
  ])("%s: leaves aside %s's findings about another buyer and supplier", async (id, person, first, second, firstAt, secondAt) => {
    const g = await build(`one-contract-pair-${id}`, (g) => {
      const pat = g.add('Person', 'pat');
      const lee = g.add('Person', 'lee');
      const don = g.add('Person', 'don');
      const sheriff = g.add('PublicBody', 'sheriff');
      const city = g.add('PublicBody', 'city');
      const port = g.add('PublicBody', 'port');
      const agency = g.add('PublicBody', 'agency');
      const otherAgency = g.add('PublicBody', 'other-agency');
      const broker = g.add('Organization', 'broker');
      const sub = g.add('Organization', 'broker-sub');
      g.link('PART_OF', sheriff, city);
      g.link('SUBSIDIARY_OF', sub, broker);
      for (const body of [sheriff, port]) {
        g.link('HOLDS_POSITION', pat, body, { role: 'Chief', current: true });
        g.link('HOLDS_POSITION', lee, body, { role: 'Chief', current: false, end: '2015' });
      }
      for (const member of [pat, lee]) g.link('SITS_ON_BOARD', member, broker, { current: true });
      // A director of both companies pays the official.
      for (const company of [broker, sub]) g.link('SITS_ON_BOARD', don, company, { current: true });
      g.link('PAID', don, pat, { amount: 5000, currency: 'USD', start: '2018' });
      // Laws keep the city from helping the agency, and the port from helping the other agency.
      g.link('RESTRICTS', g.add('Law', 'shield-act'), city, { summary: 'bars helping the agency', counterpartyIds: [agency] });
      g.link('RESTRICTS', g.add('Law', 'port-act'), port, {
        summary: 'bars helping the other agency',
        counterpartyIds: [otherAgency],
      });
      const contract = (slug: string, buyer: string, vendor: string, signedOn: string) => {
        const c = g.add('Contract', slug, { amount: 1000, currency: 'USD', signedOn });
        g.link('BUYER_OF', buyer, c);
        g.link('AWARDED_TO', c, vendor);
      };
      // The city (above the sheriff) and the agency buy from the subsidiary; the port and the other
      // agency from the broker itself.
      contract('deal', city, sub, '2018');
      contract('kit', port, broker, '2019');
      contract('aid', agency, sub, '2018');
      contract('gear', otherAgency, broker, '2019');
    });
    const pattern = service.pattern(id);
    const ofPerson = await service.records(pattern, `person:${g.prefix}-${person}`);
    // The key names the body, the buyer or the counterparty.
    const about = (bodies: string[]) =>
      ofPerson.filter((r) => bodies.some((body) => r.key.includes(`public-body:${g.prefix}-${body}`)));
    expect(about(firstAt)).toHaveLength(1);
    expect(about(secondAt)).toHaveLength(1);
    expect(ofPerson).toHaveLength(2);
    expect(await service.recordsFrom(pattern, `contract:${g.prefix}-${first}`)).toEqual(about(firstAt));
    expect(await service.recordsFrom(pattern, `contract:${g.prefix}-${second}`)).toEqual(about(secondAt));
    // A pattern that says a run for a contract finds each finding whole (`@contract whole`): the same
    // record as the run from the finding's first entity, which the maintainer would otherwise ask for.
    if (pattern.wholeForContract)
      for (const contract of [first, second])
        for (const record of await service.recordsFrom(pattern, `contract:${g.prefix}-${contract}`)) {
          expect(record.key[0]).not.toBe(`contract:${g.prefix}-${contract}`);
          const fromKey = await service.recordsFrom(pattern, record.key[0]!);
          expect(fromKey.find((r) => r.id === record.id)).toEqual(record);
        }
  });
});

describe('board-interlock', () => {
  it('finds two organisations sharing a board member, with the period both seats overlapped', async () => {
    const g = await build('bi-pos', (g) => {
      const p = g.add('Person', 'kim');
      g.link('SITS_ON_BOARD', p, g.add('Organization', 'alpha'), { start: '2010', end: '2020' });
      g.link('SITS_ON_BOARD', p, g.add('Organization', 'beta'), { start: '2015' });
    });
    const [finding] = await findingsFor('board-interlock', `person:${g.prefix}-kim`);
    expect(finding?.period).toEqual({ from: '2015', to: '2020' });
    expect(finding?.title).toBe(`alpha (${g.prefix}) and beta (${g.prefix}) share a board member: kim (${g.prefix})`);
  });

  it('ignores seats that never overlapped', async () => {
    const g = await build('bi-dates', (g) => {
      const p = g.add('Person', 'kim');
      g.link('SITS_ON_BOARD', p, g.add('Organization', 'alpha'), { start: '2001', end: '2003' });
      g.link('SITS_ON_BOARD', p, g.add('Organization', 'beta'), { start: '2010' });
    });
    expect(await findingsFor('board-interlock', `person:${g.prefix}-kim`)).toEqual([]);
  });

  it('ignores a board and the company it belongs to', async () => {
    const g = await build('bi-unrelated', (g) => {
      const p = g.add('Person', 'kim');
      const company = g.add('Organization', 'company');
      const board = g.add('Organization', 'company-board');
      g.link('PART_OF', board, company);
      g.link('SITS_ON_BOARD', p, board);
      g.link('HOLDS_POSITION', p, company, { role: 'Adviser' });
    });
    expect(await findingsFor('board-interlock', `person:${g.prefix}-kim`)).toEqual([]);
  });

  it('counts an officer position as well as a board seat', async () => {
    const g = await build('bi-officer', (g) => {
      const p = g.add('Person', 'kim');
      g.link('HOLDS_POSITION', p, g.add('PublicBody', 'agency'), { role: 'Director' });
      g.link('SITS_ON_BOARD', p, g.add('Organization', 'vendor'));
    });
    const [finding] = await findingsFor('board-interlock', `person:${g.prefix}-kim`);
    // A position is not told as a board seat.
    expect(finding?.title).toBe(
      `kim (${g.prefix}) sits on the board of vendor (${g.prefix}) and holds a position at agency (${g.prefix})`,
    );
    expect(finding?.explanation).toContain(`holds a position at agency (${g.prefix}) (director)`);
  });
});

describe('money-flow', () => {
  it('totals, counts and dates the contracts per payer and payee, rolled up to the parent when asked', async () => {
    const g = await build('mf', (g) => {
      const city = g.add('PublicBody', 'city');
      const parent = g.add('Organization', 'parent');
      const sub = g.add('Organization', 'sub');
      g.link('SUBSIDIARY_OF', sub, parent);
      for (const [slug, amount, signedOn, vendor] of [
        ['a', 100, '2019', parent],
        ['b', 250, '2021-05', parent],
        ['c', 50, '2020', sub],
      ] as const) {
        const c = g.add('Contract', slug, { amount, currency: 'USD', signedOn });
        g.link('BUYER_OF', city, c);
        g.link('AWARDED_TO', c, vendor);
      }
    });
    const city = `public-body:${g.prefix}-city`;
    const plain = (await service.moneyFlows({ entity: city, rollup: false })).rows;
    expect(plain.map((r) => [r.payee.id, r.total, r.count, r.from, r.to])).toEqual([
      [`org:${g.prefix}-parent`, 350, 2, '2019', '2021-05'],
      [`org:${g.prefix}-sub`, 50, 1, '2020', '2020'],
    ]);
    const rolled = (await service.moneyFlows({ entity: city, rollup: true })).rows;
    expect(rolled).toHaveLength(1);
    expect(rolled[0]).toMatchObject({
      payee: { id: `org:${g.prefix}-parent` },
      totals: [{ currency: 'USD', amount: 400 }],
      total: 400,
      count: 3,
      currency: 'USD',
      from: '2019',
    });
    expect(rolled[0]?.contractIds).toHaveLength(3);
    expect((await service.moneyFlows({ entity: `org:${g.prefix}-nobody`, rollup: false })).rows).toEqual([]);
  });

  it('counts payments with contracts, one total per currency, unknown amounts apart, and a shared payment once overall', async () => {
    const g = await build('mfp', (g) => {
      const donor = g.add('Person', 'donor');
      const party = g.add('Organization', 'party');
      const foundation = g.add('Organization', 'foundation');
      g.link('PAID', donor, party, { amount: 1000.1, currency: 'EUR', start: '2019-03', paymentKind: 'donation' });
      g.link('PAID', donor, party, { amountEur: 2000.2, start: '2020' });
      g.link('PAID', donor, party, { amount: 500, currency: 'USD', start: '2021' });
      g.link('PAID', donor, party, { start: '2022' });
      // One payment of 300 EUR to two beneficiaries: each row shows it, the overall total counts it once.
      g.link('PAID', donor, party, { amount: 300, currency: 'EUR', ftmId: `${g.prefix}-shared` });
      g.link('PAID', donor, foundation, { amount: 300, currency: 'EUR', ftmId: `${g.prefix}-shared` });
    });
    const flows = await service.moneyFlows({ entity: `person:${g.prefix}-donor`, rollup: false });
    const toParty = flows.rows.find((r) => r.payee.id === `org:${g.prefix}-party`);
    expect(toParty).toMatchObject({
      totals: [
        { currency: 'EUR', amount: 3300.3 },
        { currency: 'USD', amount: 500 },
      ],
      count: 5,
      unknownCount: 1,
      sharedCount: 1,
      from: '2019-03',
      to: '2022',
    });
    // Two currencies: no single total, never 0.
    expect(toParty?.total).toBeUndefined();
    expect(toParty?.currency).toBeUndefined();
    expect(toParty?.paymentIds).toHaveLength(5);
    expect(flows.totals).toEqual([
      { currency: 'EUR', amount: 3300.3 },
      { currency: 'USD', amount: 500 },
    ]);
    expect(flows.unknownCount).toBe(1);
    const [finding] = (await service.findings({ pattern: 'money-flow', entity: `org:${g.prefix}-party` })).findings;
    expect(finding?.title).toBe(`donor (${g.prefix}) pays party (${g.prefix}) €3,300.30 and $500`);
    expect(finding?.explanation).toContain('in 5 payments (1 of unknown value), from 2019-03 to 2022');
  });
});

describe('pay-to-play', () => {
  /** A councillor's body buys from a vendor whose owner (or the owner's sister) donated to the councillor's party. */
  const draw =
    (opts: { paid?: string; payer?: 'vendor' | 'owner' | 'relative'; otherOfficial?: boolean; window?: never }) =>
    (g: SyntheticGraph) => {
      const official = g.add('Person', 'councillor');
      const rival = g.add('Person', 'rival');
      const party = g.add('Organization', 'party');
      const council = g.add('PublicBody', 'council');
      const city = g.add('PublicBody', 'city');
      const vendor = g.add('Organization', 'builder');
      const owner = g.add('Person', 'owner');
      const sister = g.add('Person', 'sister');
      const contract = g.add('Contract', 'roads', { amount: 90000, currency: 'EUR', signedOn: '2021-06' });
      g.link('MEMBER_OF', official, council, { role: 'Councillor', start: '2018' });
      g.link('MEMBER_OF', opts.otherOfficial ? rival : official, party);
      g.link('PART_OF', council, city);
      g.link('BUYER_OF', city, contract);
      g.link('AWARDED_TO', contract, vendor);
      g.link('OWNS', owner, vendor, { percentage: 60, start: '2015' });
      g.link('FAMILY_OF', sister, owner, { relation: 'sister' });
      const payer = opts.payer === 'vendor' ? vendor : opts.payer === 'relative' ? sister : owner;
      g.link('PAID', payer, party, { amount: 5000, currency: 'EUR', start: opts.paid ?? '2020-11', paymentKind: 'donation' });
    };

  it('finds a donation by the vendor’s owner to the official’s party, then a contract from the official’s body', async () => {
    const g = await build('ptp-pos', draw({}));
    const [finding, ...rest] = await findingsFor('pay-to-play', `org:${g.prefix}-builder`);
    expect(rest).toEqual([]);
    expect(finding?.title).toBe(
      `city (${g.prefix}) awarded builder (${g.prefix}) a contract within 2 years of a payment to party (${g.prefix})`,
    );
    expect(finding?.explanation).toContain(`owner (${g.prefix}) (an owner of builder (${g.prefix})) paid party (${g.prefix})`);
    expect(finding?.explanation).toContain('€5,000');
    expect(finding?.explanation).toContain(`councillor (${g.prefix}) is councillor at council (${g.prefix})`);
    expect(finding?.period).toEqual({ from: '2021-06', to: '2021-06' });
    expect(finding?.nodeIds).toEqual(expect.arrayContaining([`person:${g.prefix}-owner`, `contract:${g.prefix}-roads`]));
  });

  it('follows the money through a relative of the owner, and from the vendor itself', async () => {
    const viaSister = await build('ptp-rel', draw({ payer: 'relative' }));
    const [finding] = await findingsFor('pay-to-play', `org:${viaSister.prefix}-builder`);
    expect(finding?.explanation).toContain(`a relative of owner (${viaSister.prefix}), an owner of builder`);
    const direct = await build('ptp-vendor', draw({ payer: 'vendor' }));
    expect(await findingsFor('pay-to-play', `org:${direct.prefix}-builder`)).toHaveLength(1);
  });

  it('ignores a payment made outside the window around the award', async () => {
    const g = await build('ptp-late', draw({ paid: '2015-01' }));
    expect(await findingsFor('pay-to-play', `org:${g.prefix}-builder`)).toEqual([]);
  });

  it('ignores a donation to the party of another official', async () => {
    const g = await build('ptp-other', draw({ otherOfficial: true }));
    expect(await findingsFor('pay-to-play', `org:${g.prefix}-builder`)).toEqual([]);
  });
});

describe('self-dealing', () => {
  const draw =
    (opts: {
      stake?: Record<string, unknown>;
      holder?: 'official' | 'spouse' | 'stranger';
      office?: Record<string, unknown>;
      vendor?: Record<string, unknown>;
      contract?: Record<string, unknown>;
    }) =>
    (g: SyntheticGraph) => {
      const official = g.add('Person', 'mayor');
      const spouse = g.add('Person', 'spouse');
      const stranger = g.add('Person', 'stranger');
      const other = g.add('Person', 'other-official');
      const town = g.add('PublicBody', 'town');
      const vendor = g.add('Organization', 'supplier', opts.vendor ?? {});
      const contract = g.add('Contract', 'supply', opts.contract ?? { amount: 1200, currency: 'USD', signedOn: '2020' });
      g.link('HOLDS_POSITION', official, town, { role: 'Mayor', start: '2019', ...opts.office });
      g.link('FAMILY_OF', spouse, official, { relation: 'spouse' });
      g.link('FAMILY_OF', stranger, other, { relation: 'spouse' });
      g.link('BUYER_OF', town, contract);
      g.link('AWARDED_TO', contract, vendor);
      const holder = opts.holder === 'official' ? official : opts.holder === 'stranger' ? stranger : spouse;
      g.link('OWNS', holder, vendor, { percentage: 30, start: '2016', ...opts.stake });
    };

  it('finds the official’s spouse owning a stake in a vendor of the official’s body while in office', async () => {
    const g = await build('sd-pos', draw({}));
    const [finding, ...rest] = await findingsFor('self-dealing', `person:${g.prefix}-mayor`);
    expect(rest).toEqual([]);
    expect(finding?.explanation).toBe(
      `mayor (${g.prefix}) is mayor at town (${g.prefix}); spouse (${g.prefix}) (related to mayor (${g.prefix}): spouse) owns a stake in supplier (${g.prefix}) (30%); town (${g.prefix}) holds a $1,200 contract with supplier (${g.prefix}): supply (${g.prefix}).`,
    );
    expect(finding?.qualifiers).toContain('dates-unknown'); // the family tie is undated
  });

  it('finds the official’s own stake', async () => {
    const g = await build('sd-own', draw({ holder: 'official' }));
    expect(await findingsFor('self-dealing', `person:${g.prefix}-mayor`)).toHaveLength(1);
  });

  it('ignores a stake that ended before the office began', async () => {
    const g = await build('sd-ended', draw({ stake: { start: '2010', end: '2014' } }));
    expect(await findingsFor('self-dealing', `person:${g.prefix}-mayor`)).toEqual([]);
  });

  it('ignores a relative of a different official', async () => {
    const g = await build('sd-stranger', draw({ holder: 'stranger' }));
    expect(await findingsFor('self-dealing', `person:${g.prefix}-mayor`)).toEqual([]);
  });

  it('never dates a finding before the vendor existed, and drops one that could only have held after it was dissolved', async () => {
    const undated = { amount: 1200, currency: 'USD' };
    const g = await build(
      'sd-life',
      draw({
        holder: 'official',
        stake: { start: '2005' },
        office: { start: '2000' },
        vendor: { start: '2012' },
        contract: undated,
      }),
    );
    const [finding] = await findingsFor('self-dealing', `person:${g.prefix}-mayor`);
    // Office since 2000 and stake since 2005, but the supplier was only incorporated in 2012.
    expect(finding?.period.from).toBe('2012');
    const gone = await build('sd-gone', draw({ holder: 'official', vendor: { start: '2001', end: '2010' }, contract: undated }));
    // The stake began in 2016, six years after the supplier was dissolved: not a finding.
    expect(await findingsFor('self-dealing', `person:${gone.prefix}-mayor`)).toEqual([]);
  });
});

describe('on the seed story', () => {
  let all: Awaited<ReturnType<ConflictService['findings']>>;
  beforeAll(async () => {
    all = await service.findings({});
  });
  const find = (pattern: string, ...ids: string[]) =>
    all.findings.filter((f) => f.pattern === pattern && ids.every((id) => f.nodeIds.includes(id)));

  it('finds Vincent Line on the board of a City of Denver contractor, with the $750,000 contract of 2020', () => {
    const [finding] = find('vendor-board-seat', 'person:vincent-line', 'contract:denver-lexisnexis-data-services-2020');
    // The seat is on the data-warehouse board, part of LexisNexis: the title says so, not "the board of LexisNexis".
    expect(finding?.title).toBe(
      'Vincent Line sits on the LexisNexis data-warehouse board, part of LexisNexis, and LexisNexis is a contractor of City and County of Denver',
    );
    expect(finding?.explanation).toMatch(
      /Vincent Line is chief of operations .* at Denver Sheriff Department and sits on the LexisNexis data-warehouse board/,
    );
    expect(finding?.explanation).toContain(
      'City and County of Denver, of which Denver Sheriff Department is part, holds a $750,000 contract with LexisNexis',
    );
    expect(finding?.explanation).toContain('2020');
    expect(finding?.qualifiers).toContain('relies-on-inferred-link');
  });

  it('finds Vincent Line on the board of the company helping ICE around HB19-1124 and Denver’s 2017 act', () => {
    expect(find('enforcer-board-seat', 'person:vincent-line', 'law:colorado-hb19-1124', 'public-body:ice')).toHaveLength(1);
    expect(
      find('enforcer-board-seat', 'person:vincent-line', 'law:denver-public-safety-enforcement-priorities-act'),
    ).toHaveLength(1);
  });

  it('finds the sheriffs -> VINE -> Appriss -> ICE chain around HB19-1124', () => {
    const [finding] = find(
      'circumvention-chain',
      'public-body:colorado-county-sheriffs',
      'system:vine',
      'org:appriss-solutions',
      'public-body:ice',
    );
    expect(finding?.title).toContain('around Colorado HB19-1124');
  });

  it('finds Matt Lewis, former Mesa County Sheriff, on the board of the company whose subsidiary VINE feeds', () => {
    const [finding] = find('revolving-door', 'person:matt-lewis', 'system:vine', 'org:appriss-solutions');
    expect(finding?.title).toContain("Matt Lewis, formerly sheriff at Mesa County Sheriff's Office");
  });

  it('cites every edge of every finding, and lists those citations with the finding', () => {
    const edges = new Map(all.edges.map((e) => [e.id, e]));
    for (const finding of all.findings) {
      for (const id of finding.edgeIds) {
        const edge = edges.get(id);
        expect(edge?.citations.length, `${finding.id} ${id}`).toBeGreaterThan(0);
        for (const c of edge?.citations ?? []) expect(finding.citations).toContainEqual(c);
      }
    }
  });

  // Stored findings are updated by asking each pattern about the entities an edit touched (ADR 0021):
  // that only works if asking about any entity of a finding's evidence finds it.
  it('finds every finding again when asked about any entity in its evidence', async () => {
    for (const finding of all.findings) {
      for (const id of finding.nodeIds) {
        const scoped = await findingsFor(finding.pattern, id);
        expect(
          scoped.map((f) => f.id),
          `${finding.pattern} asked about ${id}`,
        ).toContain(finding.id);
      }
    }
  });

  it('gives the same ids on every run', async () => {
    const again = await service.findings({});
    expect(again.findings.map((f) => f.id)).toEqual(all.findings.map((f) => f.id));
  });
});

describe('adding a pattern', () => {
  it('takes only a .cypher file with the documented header', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'interlock-patterns-'));
    const original = await readFile(join(CYPHER_DIR, 'patterns', 'board-interlock.cypher'), 'utf8');
    await writeFile(join(folder, 'shared-seat.cypher'), original.replace('@name Board interlock', '@name Shared seat'));
    const custom = new ConflictService(driver, database, loadPatterns(folder));
    expect(custom.list()).toEqual([expect.objectContaining({ id: 'shared-seat', name: 'Shared seat', severity: 'medium' })]);
    const result = await custom.findings({ entity: 'person:vincent-line' });
    expect(result.findings.map((f) => f.pattern)).toEqual(['shared-seat']);
  });
});

describe('the conflicts API', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists the patterns with their descriptions', async () => {
    const body = (await app.inject('/api/patterns')).json<{ patterns: { id: string; description: string }[] }>();
    expect(body.patterns).toHaveLength(8);
  });

  it('filters findings by pattern and entity, and returns their evidence subgraph', async () => {
    const body = await currentFindings(app, '/api/conflicts?pattern=vendor-board-seat&entity=person:vincent-line');
    expect(body.findings.length).toBeGreaterThan(0);
    for (const f of body.findings) {
      expect(f.pattern).toBe('vendor-board-seat');
      expect(f.nodeIds).toContain('person:vincent-line');
      for (const id of f.nodeIds) expect(body.nodes.map((n) => n.id)).toContain(id);
    }
  });

  it('keeps only findings that held on the as-of date', async () => {
    const before = await currentFindings(app, '/api/conflicts?pattern=vendor-board-seat&asOf=2019');
    expect(before.findings.map((f) => f.nodeIds)).not.toContainEqual(
      expect.arrayContaining(['contract:denver-lexisnexis-data-services-2020']),
    );
    const after = await currentFindings(app, '/api/conflicts?pattern=vendor-board-seat&asOf=2021-01-01');
    expect(after.findings.length).toBeGreaterThan(0);
  });

  it('reports money flows for an entity', async () => {
    const body = (await app.inject('/api/money-flows?entity=public-body:city-of-denver')).json<MoneyFlowsResponse>();
    expect(body.rows).toEqual([
      {
        payer: { id: 'public-body:city-of-denver', name: 'City and County of Denver' },
        payee: { id: 'org:lexisnexis', name: 'LexisNexis' },
        totals: [{ currency: 'USD', amount: 750000 }],
        total: 750000,
        currency: 'USD',
        count: 1,
        unknownCount: 0,
        undisclosed: 0,
        sharedCount: 0,
        from: '2020',
        to: '2020',
        contractIds: ['contract:denver-lexisnexis-data-services-2020'],
        paymentIds: [],
      },
    ]);
    expect(body.totals).toEqual([{ currency: 'USD', amount: 750000 }]);
  });

  it('rejects an unknown pattern with 404 and a bad date with 400', async () => {
    expect((await app.inject('/api/conflicts?pattern=no-such-pattern')).statusCode).toBe(404);
    const bad = await app.inject('/api/conflicts?asOf=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'asOf' } });
  });
});

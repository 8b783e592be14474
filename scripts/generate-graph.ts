/**
 * A realistic synthetic graph in the Interlock import format, for benchmarks and scale tests:
 * people, organisations with subsidiaries, public bodies in hierarchies, contracts with amounts and
 * dates, board seats and positions with dates (some former), payments and donations, memberships,
 * ownership stakes, family ties, lobbying and representation, data systems and laws, all cited.
 * Degrees are heavy-tailed where they are in life: a few broker hubs win most contracts and data flows,
 * and a few large agencies employ and buy the most; boards stay board-sized (seats are spread evenly).
 * Deterministic for a given seed.
 *
 *   npm run bench:generate -- --relationships 100000 --seed 1 [--out file.json]
 */
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { nameMaker } from './generated-names.js';
import { seededRandom as random } from './random.js';
import type { InterlockFile } from '../schemas/index.js';

export function generateGraph(relationships: number, seed: number): InterlockFile {
  const rand = random(seed);
  const names = nameMaker(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  /** Heavy-tailed: low indexes (the hubs) are picked far more often. */
  const skewed = (n: number) => Math.min(n - 1, Math.floor(n * rand() ** 3));
  const year = () => 1995 + pick(30);

  const docs = Math.max(1, Math.round(relationships / 5000));
  const people = Math.max(4, Math.round(relationships / 8));
  const orgs = Math.max(4, Math.round(relationships / 25));
  const bodies = Math.max(4, Math.round(relationships / 80));
  const systems = Math.max(2, Math.round(relationships / 1000));
  const laws = Math.max(2, Math.round(relationships / 2000));

  const entities: InterlockFile['entities'] = [];
  const rels: InterlockFile['relationships'] = [];
  const cite = (n: number) => [
    { documentId: `document:gen-${n % docs}`, locator: `line ${1 + (n % 400)}`, quote: `generated fact ${n}` },
  ];

  for (let i = 0; i < docs; i++) {
    const title = names.document(i);
    entities.push({
      id: `document:gen-${i}`,
      kind: 'Document',
      name: title,
      title,
      aliases: [],
      status: 'reported',
      citations: [],
    });
  }
  for (let i = 0; i < people; i++)
    entities.push({
      id: `person:gen-${i}`,
      kind: 'Person',
      name: names.person(i),
      aliases: [],
      status: 'reported',
      citations: cite(i),
    });
  for (let i = 0; i < orgs; i++)
    entities.push({
      id: `org:gen-${i}`,
      kind: 'Organization',
      name: names.organization(i),
      aliases: [],
      status: 'reported',
      citations: cite(i),
    });
  for (let i = 0; i < bodies; i++)
    entities.push({
      id: `public-body:gen-${i}`,
      kind: 'PublicBody',
      name: names.publicBody(i),
      aliases: [],
      status: 'reported',
      citations: cite(i),
    });
  for (let i = 0; i < systems; i++)
    entities.push({
      id: `system:gen-${i}`,
      kind: 'DataSystem',
      name: names.system(i),
      aliases: [],
      status: 'reported',
      citations: cite(i),
    });
  for (let i = 0; i < laws; i++) {
    const enacted = year();
    entities.push({
      id: `law:gen-${i}`,
      kind: 'Law',
      name: names.law(i, enacted),
      aliases: [],
      status: 'reported',
      citations: cite(i),
      enactedOn: String(enacted),
    });
  }

  let n = 0;
  type Rel = InterlockFile['relationships'][number];
  const add = (rel: Pick<Rel, 'type' | 'source' | 'target'> & Record<string, unknown>) => {
    rels.push({ ...rel, id: `rel:gen-${n}`, status: 'reported', citations: cite(n) } as Rel);
    n++;
  };
  const dated = () => {
    const start = year();
    return rand() < 0.3
      ? { start: String(start), end: String(start + 1 + pick(8)), current: false }
      : { start: String(start), current: true };
  };

  // Structure first: company groups and government hierarchies.
  for (let i = 5; i < orgs && rels.length < relationships * 0.05; i++)
    if (rand() < 0.3) add({ type: 'SUBSIDIARY_OF', source: `org:gen-${i}`, target: `org:gen-${skewed(Math.min(i, 50))}` });
  for (let i = 1; i < bodies && rels.length < relationships * 0.08; i++)
    if (rand() < 0.6) add({ type: 'PART_OF', source: `public-body:gen-${i}`, target: `public-body:gen-${pick(i)}` });
  for (let i = 0; i < systems; i++) {
    add({ type: 'OPERATES', source: `public-body:gen-${pick(bodies)}`, target: `system:gen-${i}` });
    add({ type: 'SUPPLIES_DATA_TO', source: `system:gen-${i}`, target: `org:gen-${skewed(orgs)}`, data: 'records' });
  }
  for (let i = 0; i < laws; i++) {
    for (let k = 0; k < 3; k++)
      add({
        type: 'RESTRICTS',
        source: `law:gen-${i}`,
        target: `public-body:gen-${pick(bodies)}`,
        counterpartyIds: [`public-body:gen-${pick(bodies)}`],
        summary: 'no sharing',
      });
  }
  // Then the bulk, in proportions close to LittleSis and USAspending's: positions, seats, contracts, money
  // paid (mostly donations, to people and to party-like organisations), memberships, ownership stakes,
  // family ties, lobbying, representation and other associations, and data flows.
  let contract = 0;
  const person = () => `person:gen-${pick(people)}`;
  /** A second person, never the first: nobody is their own relative or partner. */
  const otherThan = (a: string) => {
    const b = person();
    return b === a ? `person:gen-${(Number(a.slice('person:gen-'.length)) + 1) % people}` : b;
  };
  const party = () => (rand() < 0.6 ? person() : rand() < 0.5 ? `org:gen-${skewed(orgs)}` : `public-body:gen-${skewed(bodies)}`);
  while (rels.length < relationships) {
    const r = rand();
    if (r < 0.27)
      add({
        type: 'HOLDS_POSITION',
        source: person(),
        target: rand() < 0.5 ? `public-body:gen-${skewed(bodies)}` : `org:gen-${pick(orgs)}`,
        role: 'Officer',
        ...dated(),
      });
    else if (r < 0.47) add({ type: 'SITS_ON_BOARD', source: person(), target: `org:gen-${pick(orgs)}`, ...dated() });
    else if (r < 0.8) {
      const id = `contract:gen-${contract++}`;
      const signed = year();
      entities.push({
        id,
        kind: 'Contract',
        name: names.contract(contract, signed),
        aliases: [],
        status: 'reported',
        citations: cite(contract),
        amount: Math.round(10_000 * (1 + rand() * 1000)),
        currency: 'USD',
        signedOn: String(signed),
        start: String(signed),
      });
      add({ type: 'BUYER_OF', source: `public-body:gen-${skewed(bodies)}`, target: id });
      add({ type: 'AWARDED_TO', source: id, target: `org:gen-${skewed(orgs)}` });
    } else if (r < 0.87) {
      // Donations go to people (candidates, officials) and to a few party-like organisations (hubs).
      const donation = rand() < 0.7;
      add({
        type: 'PAID',
        source: rand() < 0.7 ? person() : `org:gen-${skewed(orgs)}`,
        target: rand() < 0.6 ? person() : `org:gen-${skewed(Math.max(1, Math.round(orgs / 20)))}`,
        amount: Math.round(donation ? 100 + rand() * 5_000 : 10_000 + rand() * 500_000),
        currency: 'USD',
        paymentKind: donation ? 'donation' : 'payment',
        start: String(year()),
      });
    } else if (r < 0.9)
      add({
        type: 'MEMBER_OF',
        source: rand() < 0.8 ? person() : `org:gen-${pick(orgs)}`,
        target: rand() < 0.5 ? `org:gen-${skewed(orgs)}` : `public-body:gen-${skewed(bodies)}`,
        ...dated(),
      });
    else if (r < 0.92)
      add({
        type: 'OWNS',
        source: rand() < 0.5 ? person() : `org:gen-${skewed(orgs)}`,
        target: `org:gen-${pick(orgs)}`,
        percentage: Math.round(1 + rand() * 99),
        ownershipType: 'shareholder',
      });
    else if (r < 0.935) {
      const relative = person();
      add({ type: 'FAMILY_OF', source: relative, target: otherThan(relative), relation: rand() < 0.5 ? 'spouse' : 'sibling' });
    } else if (r < 0.945)
      add({
        type: 'LOBBIES',
        source: rand() < 0.5 ? person() : `org:gen-${skewed(orgs)}`,
        target: `public-body:gen-${skewed(bodies)}`,
        onBehalfOf: [`org:gen-${skewed(orgs)}`],
        issue: 'procurement',
        start: String(year()),
      });
    else if (r < 0.95) {
      const agent = person();
      const client = party();
      add({ type: 'REPRESENTS', source: agent, target: client === agent ? otherThan(agent) : client, role: 'counsel' });
    } else if (r < 0.955) {
      const partner = person();
      add({ type: 'ASSOCIATE_OF', source: partner, target: otherThan(partner), relation: 'business partner' });
    } else
      add({
        type: 'SUPPLIES_DATA_TO',
        source: `org:gen-${skewed(orgs)}`,
        target: `public-body:gen-${pick(bodies)}`,
        data: 'records',
        start: String(year()),
      });
  }
  return {
    format: 'interlock/1',
    title: `Generated graph (${relationships} relationships, seed ${seed})`,
    entities,
    relationships: rels.slice(0, relationships),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = new Command('generate-graph')
    .requiredOption('--relationships <n>', 'how many relationships', (v) => Number.parseInt(v, 10))
    .option('--seed <n>', 'random seed', (v) => Number.parseInt(v, 10), 1)
    .option('--out <file>', 'output file (default: stdout)')
    .parse()
    .opts<{ relationships: number; seed: number; out?: string }>();
  const text = JSON.stringify(generateGraph(options.relationships, options.seed));
  if (options.out) await writeFile(options.out, text);
  else process.stdout.write(text);
}

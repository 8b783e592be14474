/**
 * A synthetic FollowTheMoney file (JSON lines, as OpenSanctions and Aleph export them), for the
 * large-import test and the import benchmark: people (some with Arabic or accented names), companies
 * with parents, public bodies, directorships, memberships, employments, ownerships, payments and
 * contracts with awards. Deterministic for a given seed; every id starts with `prefix` so a test can
 * find and remove what it imported.
 *
 *   npx tsx scripts/generate-ftm.ts --entities 1000 --seed 1 [--prefix gen] [--out file.ftm.json]
 */
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { seededRandom as random } from './random.js';

const GIVEN = ['Layla', 'María José', 'Omar', 'Zoë', 'Jürgen', 'سارة', 'محمد', 'François', 'Ana', 'Kwame'];
const FAMILY = ['Haddad', 'Ordóñez', 'Al-Mansouri', 'Müller', 'المنصوري', 'Nguyễn', 'Dubois', 'Mensah', 'Silva', 'Øster'];

export interface GeneratedFtm {
  text: string;
  /** How many thing entities (people, companies, public bodies, contracts) and relationship records. */
  things: number;
  links: number;
}

/** `entities` thing entities (at least 10), and about 1.5 relationship records per thing. */
export function generateFtm(entities: number, seed = 1, prefix = 'gen'): GeneratedFtm {
  const rand = random(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const year = () => 2005 + pick(18);
  const people = Math.max(4, Math.round(entities * 0.55));
  const companies = Math.max(3, Math.round(entities * 0.3));
  const bodies = Math.max(2, Math.round(entities * 0.1));
  const contracts = Math.max(1, entities - people - companies - bodies);
  const lines: object[] = [];
  const line = (id: string, schema: string, properties: Record<string, string[]>, caption?: string) =>
    lines.push({ id: `${prefix}-${id}`, schema, ...(caption ? { caption } : {}), properties });
  const ref = (id: string) => [`${prefix}-${id}`];

  for (let i = 0; i < people; i++) {
    const name = `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 7) % FAMILY.length]} ${i}`;
    line(`p-${i}`, 'Person', { name: [name], ...(i % 5 === 0 ? { alias: [`${name} (alias)`] } : {}) }, name);
  }
  for (let i = 0; i < companies; i++) {
    const name = `Compañía ${i} Data GmbH`;
    line(
      `c-${i}`,
      'Company',
      { name: [name], jurisdiction: ['de'], ...(i > 10 && i % 4 === 0 ? { parent: ref(`c-${pick(10)}`) } : {}) },
      name,
    );
  }
  for (let i = 0; i < bodies; i++) {
    const name = `هيئة ${i} Agency`;
    line(`b-${i}`, 'PublicBody', { name: [name], ...(i > 0 && i % 3 === 0 ? { parent: ref('b-0') } : {}) }, name);
  }
  for (let i = 0; i < contracts; i++) {
    const name = `Contract ${i}`;
    line(
      `k-${i}`,
      'Contract',
      {
        title: [name],
        authority: ref(`b-${pick(bodies)}`),
        amount: [String(10_000 * (1 + pick(100)))],
        currency: ['EUR'],
        contractDate: [`${year()}-0${1 + pick(9)}-1${pick(10)}`],
      },
      name,
    );
  }
  let links = 0;
  for (let i = 0; i < Math.round(entities * 0.4); i++, links++)
    line(`d-${i}`, 'Directorship', {
      director: ref(`p-${pick(people)}`),
      organization: ref(`c-${pick(companies)}`),
      role: ['Director'],
      startDate: [String(year())],
    });
  for (let i = 0; i < Math.round(entities * 0.3); i++, links++)
    line(`e-${i}`, 'Employment', {
      employee: ref(`p-${pick(people)}`),
      employer: ref(`b-${pick(bodies)}`),
      role: ['Analyst'],
      startDate: [String(year())],
    });
  for (let i = 0; i < Math.round(entities * 0.2); i++, links++)
    line(`m-${i}`, 'Membership', {
      member: ref(`p-${pick(people)}`),
      organization: ref(`c-${pick(companies)}`),
      role: ['Member'],
    });
  for (let i = 0; i < Math.round(entities * 0.1); i++, links++)
    line(`o-${i}`, 'Ownership', {
      owner: ref(`c-${pick(10)}`),
      asset: ref(`c-${10 + pick(companies - 10)}`),
      percentage: [String(1 + pick(99))],
    });
  for (let i = 0; i < Math.round(entities * 0.3); i++, links++)
    line(`pay-${i}`, 'Payment', {
      payer: ref(`b-${pick(bodies)}`),
      beneficiary: ref(`c-${pick(companies)}`),
      amount: [String(1000 * (1 + pick(500)))],
      currency: ['USD'],
      date: [`${year()}-05-01`],
    });
  for (let i = 0; i < contracts; i++, links++)
    line(`a-${i}`, 'ContractAward', { contract: ref(`k-${i}`), supplier: ref(`c-${pick(companies)}`) });
  return { text: lines.map((l) => JSON.stringify(l)).join('\n') + '\n', things: people + companies + bodies + contracts, links };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = new Command('generate-ftm')
    .requiredOption('--entities <n>', 'how many people, companies, public bodies and contracts', (v) => Number.parseInt(v, 10))
    .option('--seed <n>', 'random seed', (v) => Number.parseInt(v, 10), 1)
    .option('--prefix <text>', 'prefix of every FtM id', 'gen')
    .option('--out <file>', 'output file (default: stdout)')
    .parse()
    .opts<{ entities: number; seed: number; prefix: string; out?: string }>();
  const { text } = generateFtm(options.entities, options.seed, options.prefix);
  if (options.out) await writeFile(options.out, text);
  else process.stdout.write(text);
}

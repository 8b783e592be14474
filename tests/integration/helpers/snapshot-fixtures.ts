/** A small graph of our own for snapshot tests (unique ids), imported through the API, and its cleanup. */
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { INTERLOCK_FORMAT, type InterlockFile } from '../../../schemas/index.js';

export const MALICIOUS_NAME = '<img src=x onerror=alert(1)>';
export const FORMULA_NAME = '=HYPERLINK("http://evil.example","click")';

export interface SnapshotGraph {
  readonly marker: string;
  readonly ids: {
    readonly doc: string;
    readonly person: string;
    readonly org: string;
    readonly formula: string;
    readonly contract: string;
    readonly seat: string;
    readonly award: string;
    readonly buyer: string;
  };
  readonly file: InterlockFile;
}

export function snapshotGraph(marker: string): SnapshotGraph {
  const ids = {
    doc: `document:${marker}-filing`,
    person: `person:${marker}-ines`,
    org: `org:${marker}-evil`,
    formula: `org:${marker}-formula`,
    contract: `contract:${marker}-deal`,
    seat: `rel:${marker}-seat`,
    award: `rel:${marker}-award`,
    buyer: `rel:${marker}-buyer`,
  };
  const cite = (quote: string) => [{ documentId: ids.doc, locator: 'p. 2', quote }];
  const file: InterlockFile = {
    format: INTERLOCK_FORMAT,
    entities: [
      {
        id: ids.doc,
        kind: 'Document',
        name: 'Board filing',
        title: 'Board filing “2021” <annual>',
        url: 'https://example.org/filing',
        aliases: [],
        status: 'reported',
        citations: [],
      },
      {
        id: ids.person,
        kind: 'Person',
        name: 'Inés Ordóñez',
        aliases: ['إيناس'],
        status: 'reported',
        citations: cite('Inés sits on the board'),
      },
      {
        id: ids.org,
        kind: 'Organization',
        name: MALICIOUS_NAME,
        aliases: [],
        status: 'confirmed',
        citations: cite('the company <b>itself</b>'),
      },
      {
        id: ids.formula,
        kind: 'Organization',
        name: FORMULA_NAME,
        aliases: [],
        status: 'reported',
        citations: cite('-1+2 said the filing'),
      },
      {
        id: ids.contract,
        kind: 'Contract',
        name: 'Data deal',
        aliases: [],
        amount: 1250.5,
        currency: 'USD',
        signedOn: '2021-03',
        status: 'reported',
        citations: cite('a deal of $1,250.50'),
      },
    ],
    relationships: [
      {
        id: ids.seat,
        type: 'SITS_ON_BOARD',
        source: ids.person,
        target: ids.org,
        seat: "Chair 'interim'",
        start: '2021',
        current: true,
        status: 'reported',
        citations: cite('Inés chairs the board | since 2021'),
      },
      {
        id: ids.buyer,
        type: 'BUYER_OF',
        source: ids.formula,
        target: ids.contract,
        status: 'reported',
        citations: cite('bought it'),
      },
      {
        id: ids.award,
        type: 'AWARDED_TO',
        source: ids.contract,
        target: ids.org,
        status: 'alleged',
        citations: cite('awarded to them'),
      },
    ],
  };
  return { marker, ids, file };
}

/** Imports as the signed-in test actor (see tests/setup/tokens.ts), so its audit entries carry that name. */
export async function importGraph(app: FastifyInstance, file: InterlockFile, signedIn: { authorization: string }): Promise<void> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/import',
    headers: { 'content-type': 'application/json', ...signedIn },
    payload: JSON.stringify(file),
  });
  if (response.statusCode !== 200) throw new Error(`import failed: ${response.body}`);
}

/** Removes the test's entities, its snapshots and the audit entries of its actor. */
export async function removeSnapshotGraph(driver: Driver, database: string, marker: string, actor: string): Promise<void> {
  await driver.executeQuery('MATCH (n:Entity) WHERE n.id CONTAINS $marker DETACH DELETE n', { marker }, { database });
  await driver.executeQuery('MATCH (s:Snapshot) WHERE s.createdBy = $actor DELETE s', { actor }, { database });
  await driver.executeQuery('MATCH (a:AuditEntry {actor: $actor}) DELETE a', { actor }, { database });
}

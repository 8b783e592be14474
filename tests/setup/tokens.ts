/**
 * A token of the test's own, named after the test's actor: the audit trail records the name of the
 * token that made a change, so a test that checks "who" signs in as someone it can recognise.
 */
import type { Role } from '../../schemas/index.js';
import { createToken } from '../../server/security/tokens.js';
import { testConnection, testDriver } from './connection.js';

export interface TestSignIn {
  /** The token itself, e.g. for the page's localStorage. */
  readonly token: string;
  /** `Authorization: Bearer …` for `app.inject` or `fetch`. */
  readonly headers: { authorization: string };
  /** Deletes the token (call it in afterAll). */
  remove(): Promise<void>;
}

export async function signInAs(name: string, role: Role = 'editor'): Promise<TestSignIn> {
  const { database } = testConnection();
  const driver = testDriver();
  try {
    const created = await createToken(driver, database, { name, role, createdBy: 'test' });
    return {
      token: created.token,
      headers: { authorization: `Bearer ${created.token}` },
      async remove() {
        const cleanup = testDriver();
        try {
          await cleanup.executeQuery('MATCH (t:ApiToken {id: $id}) DELETE t', { id: created.id }, { database });
        } finally {
          await cleanup.close();
        }
      },
    };
  } finally {
    await driver.close();
  }
}

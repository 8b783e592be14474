/**
 * First start of a fresh install: with no INTERLOCK_ADMIN_TOKEN and no token in the database, create
 * one admin token and hand it to the person at the terminal, with a page address that carries it (in
 * the fragment, which browsers never send to the server), so that opening the address signs them in.
 */
import type { Driver } from 'neo4j-driver';
import { countLiveTokens, createToken } from './tokens.js';

export async function firstAdminToken(
  driver: Driver,
  database: string,
  options: { adminTokenSet: boolean },
): Promise<string | null> {
  if (options.adminTokenSet) return null;
  if ((await countLiveTokens(driver, database)) > 0) return null;
  const created = await createToken(driver, database, { name: 'first admin', role: 'admin', createdBy: 'system:first-start' });
  return created.token;
}

/** The page address that signs its opener in (web/src/components/access reads and clears it). */
export function signInUrl(pageUrl: string, token: string): string {
  return `${pageUrl}#token=${encodeURIComponent(token)}`;
}

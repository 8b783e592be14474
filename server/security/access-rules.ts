/**
 * Which role a request needs, decided in one place so that a route nobody told us about is protected
 * too. A route may say `config: { access: 'admin' }`; otherwise the method decides: reading needs a
 * reader, anything else an editor. Outside `/api` only the page, its files and the API docs live, and
 * reading them needs nothing (the page must load for a person to sign in).
 */
import type { AccessLevel, Role } from '../../schemas/index.js';
import { roleAllows } from '../../schemas/index.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isReadMethod(method: string): boolean {
  return READ_METHODS.has(method.toUpperCase());
}

export function requiredAccess(method: string, url: string, declared?: AccessLevel): AccessLevel {
  if (declared) return declared;
  if (method.toUpperCase() === 'OPTIONS') return 'public';
  const read = isReadMethod(method);
  if (!url.startsWith('/api/') && url !== '/api') return read ? 'public' : 'editor';
  return read ? 'reader' : 'editor';
}

export type Verdict = { allowed: true } | { allowed: false; status: 401 | 403; code: string; message: string };

export interface Caller {
  role: Role | null;
}

export interface Mode {
  publicReadonly: boolean;
  readsOpen: boolean;
}

/** The decision for one request, as a pure function of the caller, the mode and what the route needs. */
export function decide(method: string, needed: AccessLevel, caller: Caller, mode: Mode): Verdict {
  if (mode.publicReadonly && !isReadMethod(method)) {
    return {
      allowed: false,
      status: 403,
      code: 'read_only',
      message: 'This server is a public read-only copy: nothing can be changed through it, whatever the token.',
    };
  }
  if (needed === 'public') return { allowed: true };
  if (needed === 'reader' && mode.readsOpen) return { allowed: true };
  if (caller.role === null) {
    return {
      allowed: false,
      status: 401,
      code: 'unauthorized',
      message: `This needs a token with the ${needed} role or higher: send it as "Authorization: Bearer <token>".`,
    };
  }
  if (!roleAllows(caller.role, needed)) {
    return {
      allowed: false,
      status: 403,
      code: 'forbidden',
      message: `Your token has the ${caller.role} role; this needs ${needed}.`,
    };
  }
  return { allowed: true };
}

/** `Authorization: Bearer <token>` -> the token; undefined without the header; null when malformed. */
export function bearerToken(header: string | undefined): string | null | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Checks on the request itself, before any token is looked at: is it addressed to one of our host
 * names (a web page that rebinds its own DNS name to 127.0.0.1 sends its own name as Host), and could a
 * write come from another site's page (a form post, or a script of another origin)?
 */

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** The host name of a Host header, lower-case, without the port (`[::1]:8080` -> `[::1]`). */
export function hostNameOf(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

export function checkHost(hostHeader: string | undefined, allowed: readonly string[] | null): Refusal | null {
  if (allowed === null) return null;
  const name = hostHeader ? hostNameOf(hostHeader) : '';
  if (name !== '' && allowed.includes(name)) return null;
  return {
    status: 421,
    code: 'unknown_host',
    message: `This server does not answer to the host name "${name}". Its administrator can add it to INTERLOCK_HOSTNAMES.`,
  };
}

/** Content types an HTML form can send without a script: never accepted on a write. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

export interface WriteRequest {
  contentType: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  host: string | undefined;
  /** How the request reached us: `http` or `https` (behind a proxy, from X-Forwarded-Proto when trusted). */
  scheme: string;
}

/**
 * A write is refused when its body is of a type a plain HTML form can send, or when the browser says
 * it comes from another site (Origin of another host, or Sec-Fetch-Site cross-site/same-site), unless
 * that origin is in the CORS allowlist. Clients that are not browsers send neither header and pass.
 */
export function checkWriteOrigin(request: WriteRequest, corsOrigins: readonly string[]): Refusal | null {
  const type = request.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type && FORM_TYPES.has(type)) {
    return {
      status: 415,
      code: 'unsupported_media_type',
      message: `Writes do not accept ${type} (what a web form sends); send JSON or the file's own type.`,
    };
  }
  const allowlisted = request.origin !== undefined && corsOrigins.includes(request.origin);
  if (allowlisted) return null;
  if (request.origin !== undefined && !sameOrigin(request.origin, request.host, request.scheme)) {
    return crossSite(`from ${request.origin}`);
  }
  const site = request.secFetchSite?.toLowerCase();
  if (site === 'cross-site' || site === 'same-site') return crossSite(`from another site (${site})`);
  return null;
}

/** Same scheme, host and port: `https://127.0.0.1:8080` is another origin than our `http://127.0.0.1:8080`. */
function sameOrigin(origin: string, host: string | undefined, scheme: string): boolean {
  if (origin === 'null' || !host) return false;
  try {
    // Through URL on both sides, so that `localhost:80` and `http://localhost` compare equal.
    const from = new URL(origin);
    const ours = new URL(`${scheme}://${host.trim()}`);
    return from.protocol === ours.protocol && from.host === ours.host;
  } catch {
    return false;
  }
}

function crossSite(what: string): Refusal {
  return {
    status: 403,
    code: 'cross_site_write',
    message: `Writes ${what} are refused: change data from the Interlock page itself or with a token from a script.`,
  };
}

/**
 * Our ids as FollowTheMoney ids and back. FtM ids are letters, digits, dots and hyphens, starting and
 * ending with a letter or digit; ours are `kind:slug` in lower case. An export writes
 * `person:vincent-line` as `person.vincent-line` (a slug with characters FtM refuses as `person.X<hex>`),
 * and an import reads such an id back as ours, so our own export comes back under the same ids. No
 * publisher's id looks like this: a known kind prefix, then a dot. Pure.
 */
import { EntityId } from '../../../schemas/index.js';
import { KIND_PREFIX } from '../imports/ids.js';

/** What FtM accepts as an entity id (its `entity` type). */
export const FTM_ID = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;

const PREFIXES = new Set([...Object.values(KIND_PREFIX), 'rel']);
const PLAIN_SLUG = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;

export function toFtmId(id: string): string {
  const at = id.indexOf(':');
  const prefix = id.slice(0, at);
  const slug = id.slice(at + 1);
  return PLAIN_SLUG.test(slug) ? `${prefix}.${slug}` : `${prefix}.X${Buffer.from(slug, 'utf8').toString('hex')}`;
}

/** Our id, when the FtM id is one of ours written by `toFtmId`. */
export function fromFtmId(ftmId: string): string | undefined {
  const match = /^([a-z][a-z-]*)\.(.+)$/.exec(ftmId);
  if (!match || !PREFIXES.has(match[1] ?? '')) return undefined;
  const rest = match[2] ?? '';
  const slug = /^X([0-9a-f]{2})+$/.test(rest) ? Buffer.from(rest.slice(1), 'hex').toString('utf8') : rest;
  const id = `${match[1]}:${slug}`;
  return EntityId.safeParse(id).success ? id : undefined;
}

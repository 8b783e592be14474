/**
 * Who may put a page of ours in a frame. Only a published snapshot's share page (`/s/<id>`, also with
 * `?embed=1`) may be framed, by the origins of INTERLOCK_EMBED_ORIGINS (any origin by default); the
 * explorer, drafts, the API docs and everything else keep `frame-ancestors 'none'`, so no other site
 * can overlay them (clickjacking).
 */

/** `*` (any origin), an origin such as `https://news.example.org`, or `https://*.example.org`. */
export const EMBED_ORIGIN = /^(\*|https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?)$/;

/**
 * The frame-ancestors sources for published share pages from the configured list: `none` (alone)
 * forbids framing them too, `*` allows any origin; unset means any origin.
 */
export function embedOriginsFrom(configured: readonly string[] | undefined): readonly string[] {
  if (configured === undefined) return ['*'];
  const lower = configured.map((o) => o.toLowerCase().replace(/\/$/, ''));
  return lower.includes('none') ? [] : lower;
}

/** The page's content-security policy with another frame-ancestors directive. */
export function withFrameAncestors(policy: string, sources: readonly string[]): string {
  const directive = `frame-ancestors ${sources.length > 0 ? sources.join(' ') : "'none'"}`;
  const others = policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !/^frame-ancestors\b/i.test(d));
  return [...others, directive].join(';');
}

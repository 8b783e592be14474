/** What the access menu says a role allows. */
import { describe, expect, it } from 'vitest';
import type { AccessResponse } from '../../schemas/index.js';
import { allowances } from '../../web/src/features/access/allowances.js';

const base: AccessResponse = {
  role: null,
  name: null,
  publicReadonly: false,
  readsOpen: true,
  canRead: true,
  canWrite: false,
  canManageTokens: false,
};
const keys = (access: AccessResponse) => allowances(access).map((a) => `${a.allowed ? '+' : '-'}${a.key}`);

describe('allowances', () => {
  it('tells a visitor they can read but need an editor token to change anything', () => {
    expect(keys(base)).toEqual(['+read', '-unpublished', '-writeNeedsEditor']);
    expect(keys({ ...base, readsOpen: false, canRead: false })).toEqual(['-readNeedsToken', '-unpublished', '-writeNeedsEditor']);
  });

  it('grows with the role', () => {
    expect(keys({ ...base, role: 'reader', name: 'r' })).toEqual(['+read', '+unpublished', '-writeNeedsEditor']);
    expect(keys({ ...base, role: 'editor', name: 'e', canWrite: true })).toEqual(['+read', '+unpublished', '+write']);
    expect(keys({ ...base, role: 'admin', name: 'a', canWrite: true, canManageTokens: true })).toEqual([
      '+read',
      '+unpublished',
      '+write',
      '+tokens',
    ]);
  });

  it('mentions no writing at all on a public read-only copy', () => {
    expect(keys({ ...base, role: 'admin', publicReadonly: true })).toEqual(['+read', '+unpublished']);
  });
});

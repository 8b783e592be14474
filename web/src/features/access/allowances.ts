/** What the signed-in role allows on this server, as lines for the access menu. Pure; unit-tested. */
import type { AccessResponse } from '../../../../schemas/index.js';

export type Allowance = { key: string; allowed: boolean };

/** Keys are under `access.can` in web/src/i18n/access.ts. */
export function allowances(access: AccessResponse): Allowance[] {
  const lines: Allowance[] = [
    access.canRead ? { key: 'read', allowed: true } : { key: 'readNeedsToken', allowed: false },
    { key: 'unpublished', allowed: access.role !== null },
  ];
  if (!access.publicReadonly) {
    lines.push(access.canWrite ? { key: 'write', allowed: true } : { key: 'writeNeedsEditor', allowed: false });
    if (access.role === 'admin') lines.push({ key: 'tokens', allowed: access.canManageTokens });
  }
  return lines;
}

/** Access: roles, API tokens and what the caller may do. Shared by the server, the CLI and the page. */
import { z } from 'zod';

/** Roles in increasing order of power: each may do everything the one before it may. */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** What a route needs: `public` routes need nothing at all (health, the page, the docs). */
export const ACCESS_LEVELS = ['public', ...ROLES] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** True when `role` is at least `needed`. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const TokenId = z.string().regex(/^tok_[a-f0-9]{16}$/, 'must be a token id such as tok_0123456789abcdef');

export const CreateToken = z.object({
  name: z.string().trim().min(1).max(100).describe('who or what holds the token; becomes the actor of the audit trail'),
  role: Role,
});
export type CreateToken = z.infer<typeof CreateToken>;

export const TokenInfo = z.object({
  id: TokenId,
  name: z.string(),
  role: Role,
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

/** The answer to a creation: the only time the secret is shown. */
export const CreatedToken = TokenInfo.extend({
  token: z.string().describe('the secret, shown this once; send it as `Authorization: Bearer <token>`'),
});
export type CreatedToken = z.infer<typeof CreatedToken>;

export const TokenList = z.object({ tokens: z.array(TokenInfo) });
export const TokenParams = z.object({ id: TokenId });

/** GET /api/access: who the caller is and what the server lets them do. */
export const AccessResponse = z.object({
  role: Role.nullable().describe('the role of the token sent, null without one'),
  name: z.string().nullable(),
  publicReadonly: z.boolean(),
  readsOpen: z.boolean(),
  canRead: z.boolean(),
  canWrite: z.boolean(),
  canManageTokens: z.boolean(),
});
export type AccessResponse = z.infer<typeof AccessResponse>;

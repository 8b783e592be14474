/**
 * `npm run cli -- token create|list|revoke`: API tokens from the terminal. Whoever can run the CLI
 * against the database is its administrator, so these commands need no token themselves.
 */
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { Role, TokenId } from '../schemas/index.js';
import type { Database } from './db/connection.js';
import { applySchema } from './services/schema-migration.js';
import { createToken, listTokens, revokeToken } from './security/tokens.js';

type WithDatabase = (work: (db: Database) => Promise<void>) => Promise<void>;

export function addTokenCommands(program: Command, withDatabase: WithDatabase, log: (message: string) => void): void {
  const token = program.command('token').description('create, list and revoke API tokens (roles: reader, editor, admin)');

  token
    .command('create')
    .description('create a token and print its secret (shown this once)')
    .requiredOption('--name <name>', 'who holds it; recorded as the actor of their changes')
    .requiredOption('--role <role>', 'reader, editor or admin')
    .action((options: { name: string; role: string }) =>
      withDatabase(async (db) => {
        const role = Role.safeParse(options.role);
        if (!role.success) throw new Error(`--role: must be reader, editor or admin (got "${options.role}")`);
        const name = options.name.trim();
        if (name === '') throw new Error('--name: give the holder a name');
        await applySchema(db.driver, db.database);
        const created = await createToken(db.driver, db.database, {
          name,
          role: role.data,
          createdBy: `cli:${userInfo().username}`,
        });
        log(`Created ${created.role} token ${created.id} for ${created.name}. Keep the secret now: it is not shown again.`);
        console.log(created.token);
      }),
    );

  token
    .command('list')
    .description('list tokens (never their secrets)')
    .option('--json', 'print JSON instead of a table')
    .action((options: { json?: boolean }) =>
      withDatabase(async (db) => {
        const tokens = await listTokens(db.driver, db.database);
        if (options.json) console.log(JSON.stringify(tokens, null, 2));
        else if (tokens.length === 0) log('No tokens yet: `npm run cli -- token create --name <who> --role <role>`.');
        else console.table(tokens.map((t) => ({ ...t, revokedAt: t.revokedAt ?? '' })));
      }),
    );

  token
    .command('revoke')
    .description('revoke a token: it stops working (within 10 s on a running server)')
    .argument('<id>', 'the token id, e.g. tok_0123456789abcdef')
    .action((id: string) =>
      withDatabase(async (db) => {
        if (!TokenId.safeParse(id).success)
          throw new Error(`"${id}" is not a token id (tok_ and 16 hex digits; see \`token list\`).`);
        const revoked = await revokeToken(db.driver, db.database, id);
        if (!revoked) throw new Error(`No token with id ${id}.`);
        log(`Revoked ${revoked.id} (${revoked.name}, ${revoked.role}) at ${revoked.revokedAt}.`);
      }),
    );
}

import type { Command } from 'commander';
import { readConfig } from '../config.ts';
import { NotFoundError } from '../errors.ts';
import { withDatabase } from './with-database.ts';

/** `em-agent token create|list|revoke`: REST API tokens, stored hashed; a new token is shown once. */
export function registerTokenCommands(program: Command, fail: (error: unknown) => never): void {
  const token = program
    .command('token')
    .description('create, list or revoke REST API tokens (Bearer) for a tenant');

  token
    .command('create')
    .description('create a token and print it once (only its hash is stored)')
    .requiredOption('--tenant <id>', 'the tenant: Slack team id, Teams tenant id, or demo')
    .requiredOption('--name <label>', 'what the token is for, e.g. "ci" or "grafana"')
    .action(async (options: { tenant: string; name: string }) => {
      try {
        const issued = await withDatabase(readConfig(), 'token', (models) =>
          models.ApiToken.issue(options.tenant, options.name),
        );
        console.log(issued.token);
        console.error(
          `token ${issued.id} ("${issued.name}") for tenant ${issued.tenantId}: store it now, it is not shown again`,
        );
      } catch (error) {
        fail(error);
      }
    });

  token
    .command('list')
    .description("list a tenant's tokens (id, name, created, revoked), never the tokens themselves")
    .requiredOption('--tenant <id>', 'the tenant')
    .action(async (options: { tenant: string }) => {
      try {
        const tokens = await withDatabase(readConfig(), 'token', (models) =>
          models.ApiToken.find({ tenantId: options.tenant }, { tokenHash: 0 }).sort({ createdAt: 1 }).lean(),
        );
        for (const entry of tokens) {
          const state = entry.revokedAt ? `revoked ${entry.revokedAt.toISOString()}` : 'active';
          console.log(`${entry._id}\t${entry.name}\t${entry.createdAt.toISOString()}\t${state}`);
        }
      } catch (error) {
        fail(error);
      }
    });

  token
    .command('revoke')
    .description('revoke a token by its id; requests with it get 401 from then on')
    .requiredOption('--tenant <id>', 'the tenant')
    .requiredOption('--id <token-id>', 'the id shown by `token create` or `token list`')
    .action(async (options: { tenant: string; id: string }) => {
      try {
        const revoked = await withDatabase(readConfig(), 'token', (models) =>
          models.ApiToken.revoke(options.tenant, options.id),
        );
        if (!revoked) throw new NotFoundError(`no active token ${options.id} for tenant ${options.tenant}`);
        console.log(`revoked ${options.id}`);
      } catch (error) {
        fail(error);
      }
    });
}

import type { Command } from 'commander';
import { createIdentityDirectory } from '../../data/identity/mongo-identity-directory.ts';
import type { AccountRef } from '../../handlers/identity/types.ts';
import { readConfig } from '../config.ts';
import { BadRequestError } from '../errors.ts';
import { withDatabase } from './with-database.ts';

const TOOLS = ['slack', 'teams', 'github', 'jira', 'pagerduty'];

function parseAccount(text: string): AccountRef {
  const [tool = '', ...rest] = text.split(':');
  const handle = rest.join(':');
  if (!TOOLS.includes(tool) || !handle) {
    throw new BadRequestError(
      `expected <tool>:<handle> with tool one of ${TOOLS.join(', ')} (got "${text}")`,
    );
  }
  return { tool: tool as AccountRef['tool'], handle };
}

/** `em-agent people list|link|unlink`: see and fix who is who across Slack, Teams, GitHub, Jira and PagerDuty. */
export function registerPeopleCommands(program: Command, fail: (error: unknown) => never): void {
  const people = program.command('people').description('list and fix identity links across tools');

  people
    .command('list')
    .description('every known account, grouped by person (tab-separated: person, tool, handle, name, how)')
    .requiredOption('--tenant <id>', 'the tenant')
    .action(async (options: { tenant: string }) => {
      try {
        const accounts = await withDatabase(readConfig(), 'people', (models) =>
          models.Person.find({ tenantId: options.tenant }).sort({ personId: 1, tool: 1, handle: 1 }).lean(),
        );
        for (const a of accounts) {
          console.log(
            [a.personId, a.tool, a.handle, a.displayName ?? '', a.linkedBy ?? 'unlinked'].join('\t'),
          );
        }
      } catch (error) {
        fail(error);
      }
    });

  people
    .command('link')
    .description(
      'make <account> the same person as <person-account>, e.g. --to slack:U0ANA --account github:ana',
    )
    .requiredOption('--tenant <id>', 'the tenant')
    .requiredOption('--to <tool:handle>', 'an account of the person')
    .requiredOption('--account <tool:handle>', 'the account to link to them')
    .action(async (options: { tenant: string; to: string; account: string }) => {
      try {
        const owner = parseAccount(options.to);
        const account = parseAccount(options.account);
        await withDatabase(readConfig(), 'people', async (models) => {
          const identity = createIdentityDirectory(models.Person);
          await identity.unlink(options.tenant, account); // an admin may move an account linked to someone else
          await identity.link(options.tenant, owner, account, 'manual');
        });
        console.log(`linked ${options.account} to ${options.to}`);
      } catch (error) {
        fail(error);
      }
    });

  people
    .command('unlink')
    .description('make <account> a person of its own again')
    .requiredOption('--tenant <id>', 'the tenant')
    .requiredOption('--account <tool:handle>', 'the account to unlink')
    .action(async (options: { tenant: string; account: string }) => {
      try {
        const account = parseAccount(options.account);
        await withDatabase(readConfig(), 'people', (models) =>
          createIdentityDirectory(models.Person).unlink(options.tenant, account),
        );
        console.log(`unlinked ${options.account}`);
      } catch (error) {
        fail(error);
      }
    });
}

import type { Command } from 'commander';
import { linkByEmail } from '../../data/identity/link-by-email.ts';
import { createIdentityDirectory } from '../../data/identity/mongo-identity-directory.ts';
import { fetchPagerDutyEmails } from '../../data/identity/fetch-pagerduty-emails.ts';
import { fetchSlackEmails } from '../../data/identity/fetch-slack-emails.ts';
import type { PersonFields } from '../../data/models/person.ts';
import type { AccountRef } from '../../handlers/identity/types.ts';
import { readConfig, type Config } from '../config.ts';
import { BadRequestError, NotConfiguredError } from '../errors.ts';
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

const accounts = (count: number) => `${count} account${count === 1 ? '' : 's'}`;

/** Records each user's email on their account of `tool`, then links every account sharing one of them. */
function recordAndLink(
  config: Config,
  tenantId: string,
  tool: AccountRef['tool'],
  users: { id: string; email: string; name?: string }[],
): Promise<number> {
  return withDatabase(config, 'people', async (models) => {
    const identity = createIdentityDirectory(models.Person);
    for (const user of users)
      await identity.recordEmail(tenantId, { tool, handle: user.id }, user.email, user.name);
    return linkByEmail(
      models.Person,
      tenantId,
      users.map((user) => user.email),
    );
  });
}

/**
 * How an account joined its person: `email` (same verified email), `manual` (linked by hand), `anchor` (the
 * account its person is named after), `kept-apart` (unlinked by hand: email linking leaves it alone), `unlinked`.
 */
function howLinked(account: PersonFields, groupSize: number): string {
  const own = account.personId === `${account.tool}:${account.handle}`;
  if (!own) return account.linkedBy ?? 'manual';
  if (groupSize > 1) return 'anchor';
  return account.linkedBy === 'manual' ? 'kept-apart' : 'unlinked';
}

/** `em-agent people list|link|unlink|sync-slack|sync-pagerduty`: see and fix who is who across Slack, Teams, GitHub, Jira and PagerDuty. */
export function registerPeopleCommands(program: Command, fail: (error: unknown) => never): void {
  const people = program.command('people').description('list and fix identity links across tools');

  people
    .command('list')
    .description(
      'every known account, grouped by person (tab-separated: person, tool, handle, name, how linked, verified email)',
    )
    .requiredOption('--tenant <id>', 'the tenant')
    .action(async (options: { tenant: string }) => {
      try {
        const accounts = await withDatabase(readConfig(), 'people', (models) =>
          models.Person.find({ tenantId: options.tenant }).sort({ personId: 1, tool: 1, handle: 1 }).lean(),
        );
        const sizes = new Map<string, number>();
        for (const a of accounts) sizes.set(a.personId, (sizes.get(a.personId) ?? 0) + 1);
        for (const a of accounts) {
          const how = howLinked(a, sizes.get(a.personId)!);
          console.log(
            [a.personId, a.tool, a.handle, a.displayName ?? '', how, a.verifiedEmail ?? ''].join('\t'),
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

  people
    .command('sync-slack')
    .description(
      "record the Slack workspace's verified emails (users.list; needs the users:read.email scope) and link by email",
    )
    .requiredOption('--tenant <id>', 'the tenant (the Slack team id)')
    .action(async (options: { tenant: string }) => {
      try {
        const config = readConfig();
        if (!config.slack) throw new NotConfiguredError('sync-slack reads Slack: set SLACK_BOT_TOKEN');
        const users = await fetchSlackEmails({ token: config.slack.botToken, apiUrl: config.slack.apiUrl });
        const moved = await recordAndLink(config, options.tenant, 'slack', users);
        console.log(
          `${users.length} Slack users with a verified email recorded; ${accounts(moved)} linked by email`,
        );
      } catch (error) {
        fail(error);
      }
    });

  people
    .command('sync-pagerduty')
    .description("record the PagerDuty account's user emails (GET /users) and link by email")
    .requiredOption('--tenant <id>', 'the tenant')
    .action(async (options: { tenant: string }) => {
      try {
        const config = readConfig();
        const access = config.sources.pagerduty;
        if (!access) throw new NotConfiguredError('sync-pagerduty reads PagerDuty: set PAGERDUTY_TOKEN');
        const users = await fetchPagerDutyEmails(access);
        const moved = await recordAndLink(config, options.tenant, 'pagerduty', users);
        console.log(
          `${users.length} PagerDuty users with an email recorded; ${accounts(moved)} linked by email`,
        );
      } catch (error) {
        fail(error);
      }
    });
}

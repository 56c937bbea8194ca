import type { Command } from 'commander';
import { SOURCE_NAMES, isSourceName, type SourceName } from '../../data/sources/types.ts';
import {
  UnknownTenantError,
  describeWebhookSecrets,
  generateWebhookSecret,
  rotateWebhookSecret,
  setWebhookSecret,
} from '../../data/sources/webhook-secrets.ts';
import { readConfig } from '../config.ts';
import { BadRequestError, NotFoundError } from '../errors.ts';
import { withDatabase } from './with-database.ts';

const MIN_SECRET_LENGTH = 16;

function sourceOf(text: string): SourceName {
  if (!isSourceName(text))
    throw new BadRequestError(`source must be one of ${SOURCE_NAMES.join(', ')} (got "${text}")`);
  return text;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const secret = Buffer.concat(chunks).toString('utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new BadRequestError(
      `the secret on standard input must be at least ${MIN_SECRET_LENGTH} characters`,
    );
  }
  return secret;
}

/**
 * The new secret: from standard input with --stdin (PagerDuty and Jira Connect generate theirs), else a random one
 * that the caller prints once. Never logged.
 */
async function newSecret(
  source: SourceName,
  fromStdin: boolean,
): Promise<{ secret: string; generated: boolean }> {
  if (fromStdin) return { secret: await readStdin(), generated: false };
  if (source === 'pagerduty') {
    throw new BadRequestError(
      'PagerDuty generates the signing secret: pipe the one it shows in with --stdin',
    );
  }
  return { secret: generateWebhookSecret(), generated: true };
}

const urlOf = (baseUrl: string, source: SourceName, tenantId: string) =>
  `${baseUrl.replace(/\/+$/, '')}/webhooks/${source}/${encodeURIComponent(tenantId)}`;

function asCliError(error: unknown): unknown {
  return error instanceof UnknownTenantError ? new NotFoundError(error.message) : error;
}

/** Prints a generated secret alone on stdout (for piping) and what to do with it on stderr. */
function announce(source: SourceName, generated: { secret: string; generated: boolean }) {
  if (generated.generated) {
    console.log(generated.secret);
    console.error(`paste this ${source} webhook secret into ${source} now: it is not shown again`);
  }
}

/** `em-agent webhooks set-secret|rotate-secret|list`: per-tenant webhook secrets for `/webhooks/<source>/<tenant>`. */
export function registerWebhookCommands(program: Command, fail: (error: unknown) => never): void {
  const webhooks = program
    .command('webhooks')
    .description('set, rotate or list the per-tenant webhook secrets (multi-tenant installs)');

  webhooks
    .command('set-secret')
    .description(
      'set the secret of <github|jira|pagerduty> for a tenant (generated and printed once, or --stdin)',
    )
    .argument('<source>', 'github, jira or pagerduty')
    .requiredOption('--tenant <id>', 'the tenant')
    .option('--stdin', 'read the secret from standard input instead of generating one')
    .option('--client-key <key>', 'jira: the Connect installation client key its JWTs carry as iss')
    .option(
      '--base-url <url>',
      'the public URL of this server, to print the webhook URL',
      'https://YOUR-HOST',
    )
    .action(
      async (
        sourceText: string,
        options: { tenant: string; stdin?: boolean; clientKey?: string; baseUrl: string },
      ) => {
        try {
          const source = sourceOf(sourceText);
          const chosen = await newSecret(source, Boolean(options.stdin));
          await withDatabase(readConfig(), 'webhooks', (models) =>
            setWebhookSecret(models.Tenant, options.tenant, source, chosen.secret, options.clientKey),
          );
          announce(source, chosen);
          console.error(
            `${source} webhook secret set for tenant ${options.tenant}; URL ${urlOf(options.baseUrl, source, options.tenant)}`,
          );
        } catch (error) {
          fail(asCliError(error));
        }
      },
    );

  webhooks
    .command('rotate-secret')
    .description('replace the secret, accepting the old one too for a grace period')
    .argument('<source>', 'github, jira or pagerduty')
    .requiredOption('--tenant <id>', 'the tenant')
    .option('--stdin', 'read the new secret from standard input instead of generating one')
    .option('--grace-hours <hours>', 'how long the old secret stays valid', '24')
    .action(async (sourceText: string, options: { tenant: string; stdin?: boolean; graceHours: string }) => {
      try {
        const source = sourceOf(sourceText);
        const hours = Number(options.graceHours);
        if (!Number.isFinite(hours) || hours < 0 || hours > 24 * 30) {
          throw new BadRequestError('--grace-hours must be a number of hours from 0 to 720');
        }
        const chosen = await newSecret(source, Boolean(options.stdin));
        const until = new Date(Date.now() + hours * 3_600_000);
        await withDatabase(readConfig(), 'webhooks', (models) =>
          rotateWebhookSecret(models.Tenant, options.tenant, source, chosen.secret, until),
        );
        announce(source, chosen);
        console.error(
          `${source} webhook secret rotated for tenant ${options.tenant}; the old one is accepted until ${until.toISOString()}`,
        );
      } catch (error) {
        fail(asCliError(error));
      }
    });

  webhooks
    .command('list')
    .description('which sources have a secret, per tenant, and the URL to configure (never the secrets)')
    .option('--tenant <id>', 'one tenant (default: every tenant)')
    .option('--base-url <url>', 'the public URL of this server', 'https://YOUR-HOST')
    .action(async (options: { tenant?: string; baseUrl: string }) => {
      try {
        const statuses = await withDatabase(readConfig(), 'webhooks', (models) =>
          describeWebhookSecrets(models.Tenant, SOURCE_NAMES, options.tenant),
        );
        for (const status of statuses) {
          const state = !status.configured
            ? 'no secret'
            : status.previousUntil
              ? `secret set (old one accepted until ${status.previousUntil.toISOString()})`
              : 'secret set';
          const clientKey = status.jiraClientKey ? `\tclient key ${status.jiraClientKey}` : '';
          console.log(
            `${status.tenantId}\t${status.source}\t${state}\t${urlOf(options.baseUrl, status.source, status.tenantId)}${clientKey}`,
          );
        }
      } catch (error) {
        fail(asCliError(error));
      }
    });
}

import type { Command } from 'commander';
import { runBackfill, type BackfillSummary } from '../../data/sources/backfill/run-backfill.ts';
import { isSourceName, type SourceName } from '../../data/sources/types.ts';
import { readConfig, type Config } from '../config.ts';
import { BadRequestError } from '../errors.ts';
import { createProgressBar } from './progress-bar.ts';
import { withDatabase } from './with-database.ts';

const DEMO_TENANT_ID = 'demo';
const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

interface BackfillOptions {
  source: string;
  since: string;
  until?: string;
  tenant?: string;
  repo: string[];
}

function parseDate(flag: string, text: string): Date {
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new BadRequestError(
      `${flag}: expected a date such as 2026-09-01 or 2026-09-01T12:00:00Z (got "${text}")`,
    );
  }
  return date;
}

/**
 * The tenant the environment's webhooks land in. With Slack that is the workspace's team id, which only Slack
 * knows (the server asks it at start-up), so it must be named.
 */
function envTenantOf(config: Config): string {
  if (config.slack) {
    throw new BadRequestError(
      '--tenant: name the tenant to backfill (with Slack, your workspace team id, T...)',
    );
  }
  return config.teams?.appTenantId ?? DEMO_TENANT_ID;
}

/** One line per stream that did something or failed, then the totals. */
function describeSummary(tenantId: string, summary: BackfillSummary): string[] {
  const lines = summary.streams
    .filter((stream) => stream.error || stream.tally.pages > 0)
    .map(({ stream, tally, error }) =>
      error
        ? `${stream}: FAILED after ${tally.pages} pages: ${error}`
        : `${stream}: ${tally.items} listed on ${tally.pages} pages (${tally.notModified} unchanged)`,
    );
  lines.push(...summary.skipped.map((note) => `skipped ${note}`));
  const total = (field: 'items' | 'pages' | 'notModified') =>
    summary.streams.reduce((sum, stream) => sum + stream.tally[field], 0);
  const failed = summary.streams.filter((stream) => stream.error).length;
  lines.push(
    `tenant ${tenantId}: backfilled ${summary.sources.join(', ')}` +
      (summary.repos.length > 0 ? ` (${summary.repos.join(', ')})` : '') +
      `: ${total('items')} listed on ${total('pages')} pages, ${total('notModified')} unchanged (304), ` +
      `${failed} failed stream${failed === 1 ? '' : 's'}` +
      (failed > 0 ? ': fix what failed and run the same command again: it resumes where it stopped' : ''),
  );
  return lines;
}

/** `em-agent backfill`: pull a date range of history from GitHub, Jira and PagerDuty into a tenant's facts. */
export function registerBackfillCommands(program: Command, fail: (error: unknown) => never): void {
  program
    .command('backfill')
    .description(
      'backfill GitHub, Jira and PagerDuty history for a date range into the normalized facts (resumable; reads MONGODB_URI)',
    )
    .option('--source <source>', 'github, jira, pagerduty or all (every configured source)', 'all')
    .requiredOption('--since <date>', 'the start of the range, e.g. 2026-09-01')
    .option('--until <date>', 'the end of the range, a date alone meaning the end of that day (default: now)')
    .option('--tenant <id>', "the tenant (default: the environment's own, the one its webhooks land in)")
    .option(
      '--repo <owner/name>',
      'a GitHub repository, repeatable (default: the repositories the tenant already knows)',
      (value: string, all: string[]) => [...all, value],
      [] as string[],
    )
    .action(async (options: BackfillOptions) => {
      try {
        const config = readConfig();
        if (options.source !== 'all' && !isSourceName(options.source)) {
          throw new BadRequestError(
            `--source: expected github, jira, pagerduty or all (got "${options.source}")`,
          );
        }
        const invalid = options.repo.find((repo) => !REPO.test(repo));
        if (invalid) throw new BadRequestError(`--repo: expected owner/name (got "${invalid}")`);
        const since = parseDate('--since', options.since);
        // A date alone ends the range at the end of that day, so `--until 2026-09-30` includes the 30th.
        const until = options.until
          ? new Date(
              parseDate('--until', options.until).getTime() +
                (/^\d{4}-\d{2}-\d{2}$/.test(options.until) ? 86_400_000 - 1 : 0),
            )
          : undefined;
        if (until && until <= since) throw new BadRequestError('--until must be after --since');
        const tenantId = options.tenant ?? envTenantOf(config);
        const bar = createProgressBar();
        const summary = await withDatabase(config, 'backfill', (models) =>
          runBackfill(
            config.sources,
            models,
            { tenantId, source: options.source as SourceName | 'all', since, until, repos: options.repo },
            { progress: bar.update },
          ),
        );
        for (const line of describeSummary(tenantId, summary)) console.log(line);
        if (summary.streams.some((stream) => stream.error)) process.exitCode = 1;
      } catch (error) {
        fail(error);
      }
    });
}

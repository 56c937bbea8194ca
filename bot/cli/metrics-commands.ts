import type { Command } from 'commander';
import { tenantCollection } from '../../data/db/tenant-collection.ts';
import { createMetricsRollupUpdates } from '../../data/metrics/metrics-rollup-updates.ts';
import { createMetricsSettingsStore } from '../../data/metrics/mongo-metrics-settings.ts';
import { createCompareGapFiller, createCompareOctokit } from '../../data/metrics/fill-compare-gaps.ts';
import { findEarliestFact, rebuildRollups } from '../../data/metrics/recompute-rollups.ts';
import { factModelsOf } from '../../data/models/ingest-models.ts';
import type { Models } from '../../data/models/index.ts';
import { readConfig } from '../config.ts';
import { BadRequestError } from '../errors.ts';
import { createProgressBar } from './progress-bar.ts';
import { withDatabase } from './with-database.ts';

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
/** Compare calls a rebuild makes per tenant before recomputing (a backfilled range is all gaps). */
const REBUILD_COMPARE_CALLS = 500;

function parseSince(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const at = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()))
    throw new BadRequestError(`--since: expected a date as YYYY-MM-DD (got "${text}")`);
  return at;
}

/** The tenants with delivery facts: a system-level read of tenant ids only. */
async function tenantsWithFacts(models: Models): Promise<string[]> {
  const lists = await Promise.all(
    [models.Deployment, models.PullRequest, models.Incident].map((model) =>
      tenantCollection(model as never).tenantIds({}),
    ),
  );
  return [...new Set(lists.flat())].sort();
}

/**
 * `em-agent metrics rebuild [--tenant T] [--since D]`: recompute the stored delivery-metrics rollups after a
 * backfill or a definition change; `em-agent services map <service> <owner/repo...>`: which repositories an
 * incident of a PagerDuty service (id or name) can be blamed on.
 */
export function registerMetricsCommands(program: Command, fail: (error: unknown) => never): void {
  const metrics = program.command('metrics').description('delivery metrics (DORA) rollups');
  metrics
    .command('rebuild')
    .description(
      'recompute the daily rollups from the facts, a tenant or every tenant, from a day or from the first fact',
    )
    .option('--tenant <id>', 'only this tenant')
    .option('--since <YYYY-MM-DD>', 'from this UTC day on (default: the earliest fact)')
    .action(async (options: { tenant?: string; since?: string }) => {
      try {
        const since = parseSince(options.since);
        const config = readConfig();
        await withDatabase(config, 'metrics', async (models) => {
          const deps = {
            facts: factModelsOf(models),
            MetricRollup: models.MetricRollup,
            MetricRollupVersion: models.MetricRollupVersion,
            settings: createMetricsSettingsStore(models.MetricSettings),
          };
          const tenants = options.tenant ? [options.tenant] : await tenantsWithFacts(models);
          if (tenants.length === 0) console.log('No tenant has delivery facts yet: nothing to rebuild.');
          // With a GitHub token, the push chain's gaps are compared first, so the rebuild links across them.
          const gaps = config.sources.github
            ? createCompareGapFiller({
                ...deps,
                MetricDirtyMark: models.MetricDirtyMark,
                octokit: createCompareOctokit(config.sources.github),
              })
            : undefined;
          const bar = createProgressBar();
          for (const tenantId of tenants) {
            const started = Date.now();
            const from = since ?? (await findEarliestFact(deps.facts, tenantId));
            if (gaps && from) {
              const filled = await gaps.fillTenant(tenantId, {
                since: from,
                maxCalls: REBUILD_COMPARE_CALLS,
              });
              console.log(
                `${tenantId}: ${filled.gaps} push-chain gaps, ${filled.filled} filled by GitHub compare, ${filled.failed} failed${filled.stopped ? ` (stopped: ${filled.stopped}; the metrics-compare-gaps job goes on)` : ''}`,
              );
            }
            const result = await rebuildRollups(deps, tenantId, {
              ...(since ? { since } : {}),
              onProgress: (done, total) => bar.update({ source: tenantId, done, total }),
            });
            console.log(
              `${tenantId}: ${result.days} days recomputed, ${result.changed} changed, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
            );
          }
        });
      } catch (error) {
        fail(error);
      }
    });

  const services = program
    .command('services')
    .description('PagerDuty services and the repositories they run');
  services
    .command('map')
    .description(
      'map a service (PagerDuty id or name) to its repositories; no repository removes the mapping',
    )
    .argument('<service>', 'the PagerDuty service id (P1ABCDE) or name')
    .argument('[repos...]', 'owner/repo, one or more')
    .requiredOption('--tenant <id>', 'the tenant')
    .action(async (service: string, repos: string[], options: { tenant: string }) => {
      try {
        const bad = repos.find((repo) => !REPO.test(repo));
        if (bad) throw new BadRequestError(`expected owner/repo (got "${bad}")`);
        if (!service.trim()) throw new BadRequestError('name the service');
        const marked = await withDatabase(readConfig(), 'services', async (models) => {
          const settings = createMetricsSettingsStore(models.MetricSettings);
          await settings.mapService(options.tenant, service.trim(), repos);
          // As in chat: every day is marked for the metrics-rollups job, which re-attributes past incidents.
          return createMetricsRollupUpdates({
            facts: factModelsOf(models),
            MetricRollup: models.MetricRollup,
            MetricRollupVersion: models.MetricRollupVersion,
            MetricDirtyMark: models.MetricDirtyMark,
            settings,
          }).markAll(options.tenant);
        });
        const mapped =
          repos.length > 0
            ? `${service} → ${repos.join(', ')}.`
            : `${service} is no longer mapped (incidents match repositories by name again).`;
        console.log(
          marked
            ? `${mapped} The running bot's metrics-rollups job re-attributes past incidents within a few minutes (or run \`em-agent metrics rebuild --tenant ${options.tenant}\` now).`
            : mapped,
        );
      } catch (error) {
        fail(error);
      }
    });
}

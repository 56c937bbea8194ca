import type { Command } from 'commander';
import { buildStaleDigests } from '../../data/knowledge/build-stale-digests.ts';
import { createKnowledge } from '../../data/knowledge/create-knowledge.ts';
import { createMongoPolicyStore } from '../../data/policy/mongo-policy-store.ts';
import { createPolicyProvider } from '../../handlers/policy/policy-provider.ts';
import { buildQualityReport, describeQualityReport } from '../../handlers/ask/quality-report.ts';
import { readConfig } from '../config.ts';
import { BadRequestError } from '../errors.ts';
import { readPolicyFile } from '../load-policy-file.ts';
import { createLogger } from '../logger.ts';
import { createProgressBar } from './progress-bar.ts';
import { withDatabase } from './with-database.ts';

const DEMO_TENANT_ID = 'demo';

function parseDays(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 3650) {
    throw new BadRequestError(`--days: expected a whole number of days from 1 to 3650 (got "${text}")`);
  }
  return Number(text);
}

/** `em-agent docs index|report|stale`: the doc-answer index, its quality and its stale sources. */
export function registerDocsCommands(program: Command, fail: (error: unknown) => never): void {
  const docs = program
    .command('docs')
    .description('index the docs em-agent answers from, and report on answer quality (reads MONGODB_URI)');

  docs
    .command('index')
    .description(
      're-index DOCS_DIR, DOCS_GITHUB_REPOS and the Confluence space: only what changed, deletions too',
    )
    .option('--tenant <id>', 'the tenant the docs belong to (default: DOCS_TENANT_ID, else demo)')
    .action(async (options: { tenant?: string }) => {
      try {
        const config = readConfig();
        const tenantId = options.tenant ?? config.knowledge.tenantId ?? DEMO_TENANT_ID;
        const log = createLogger('warn', process.stderr);
        const policyFileYaml = config.policyFile ? await readPolicyFile(config.policyFile) : undefined;
        const summary = await withDatabase(config, 'docs', async (models) => {
          // The tenant's policy, as the server reads it: its redaction level and cost cap meter the embeddings.
          const policies = createPolicyProvider(createMongoPolicyStore(models.TenantPolicy), policyFileYaml);
          const knowledge = createKnowledge(config, models, log, () => tenantId, policies);
          try {
            if (knowledge.sources.length === 0) {
              throw new BadRequestError(
                'no docs configured: set DOCS_DIR, DOCS_GITHUB_REPOS or CONFLUENCE_*',
              );
            }
            return await knowledge.index(tenantId, createProgressBar().update);
          } finally {
            await knowledge.close();
          }
        });
        console.log(
          `tenant ${tenantId}: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
            `${summary.removed} removed, ${summary.chunks} chunks embedded`,
        );
        for (const failed of summary.failedSources)
          console.error(`could not read ${failed.source}: ${failed.error}`);
        if (summary.failedSources.length > 0) process.exitCode = 1;
      } catch (error) {
        fail(error);
      }
    });

  docs
    .command('report')
    .description(
      'answers given, helpful / not helpful votes, the sources behind unhelpful answers, and docs holding secrets',
    )
    .option('--tenant <id>', 'the tenant (default: DOCS_TENANT_ID, else demo)')
    .option('--days <n>', 'how far back to look', '30')
    .action(async (options: { tenant?: string; days: string }) => {
      try {
        const config = readConfig();
        const tenantId = options.tenant ?? config.knowledge.tenantId ?? DEMO_TENANT_ID;
        const days = parseDays(options.days);
        const since = new Date(Date.now() - days * 86_400_000);
        const report = await withDatabase(config, 'docs', async (models) =>
          buildQualityReport({
            answers: await models.AnswerRecord.find(
              { tenantId, createdAt: { $gte: since } },
              { mode: 1 },
            ).lean(),
            votes: await models.AnswerFeedback.find(
              { tenantId, createdAt: { $gte: since } },
              { helpful: 1, sources: 1 },
            ).lean(),
            documents: await models.KnowledgeDocument.find(
              { tenantId },
              { source: 1, path: 1, secrets: 1 },
            ).lean(),
          }),
        );
        for (const line of describeQualityReport(report, days)) console.log(line);
      } catch (error) {
        fail(error);
      }
    });

  docs
    .command('stale')
    .description("record this week's stale-docs digests (as the weekly job does) and print every digest")
    .option('--tenant <id>', 'the tenant (default: DOCS_TENANT_ID, else demo)')
    .action(async (options: { tenant?: string }) => {
      try {
        const config = readConfig();
        const tenantId = options.tenant ?? config.knowledge.tenantId ?? DEMO_TENANT_ID;
        const digests = await withDatabase(config, 'docs', async (models) => {
          await buildStaleDigests(models, tenantId);
          return models.StaleDocsDigest.find({ tenantId }).sort({ createdAt: -1 }).limit(50).lean();
        });
        if (digests.length === 0) console.log('no stale or unhelpful docs reported');
        for (const digest of digests) {
          const delivery = digest.delivery
            ? `${digest.delivery.status}${digest.delivery.to ? ` to ${digest.delivery.to}` : ''}${digest.delivery.reason ? `: ${digest.delivery.reason}` : ''}`
            : 'not sent yet';
          console.log(`${digest.key.split(':')[0]} for ${digest.owner} (${delivery}):`);
          for (const item of digest.items) console.log(`  ${item.path}: ${item.reason} (${item.url})`);
        }
      } catch (error) {
        fail(error);
      }
    });
}

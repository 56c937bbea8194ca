import type { SourcesConfig } from '../../../bot/config.ts';
import { BadRequestError, NotConfiguredError } from '../../../bot/errors.ts';
import { factModelsOf } from '../../models/ingest-models.ts';
import type { Models } from '../../models/index.ts';
import { backfillGithub } from '../github/backfill.ts';
import { backfillJira } from '../jira/backfill.ts';
import { backfillPagerDuty } from '../pagerduty/backfill.ts';
import { SOURCE_NAMES, type SourceName } from '../types.ts';
import type { BackfillContext, StreamResult } from './backfill-context.ts';
import { createCursorStore } from './cursor-store.ts';
import { DEFAULT_WAITS, type Waits } from './retry-policy.ts';

export interface BackfillRequest {
  tenantId: string;
  /** The sources asked for; `all` means every configured one. */
  source: SourceName | 'all';
  since: Date;
  until?: Date;
  /** `owner/name`; none: the repositories the tenant's facts already know (from webhooks or an earlier run). */
  repos: string[];
}

export interface BackfillSummary {
  sources: SourceName[];
  repos: string[];
  /** Sources left out, and why. */
  skipped: string[];
  streams: StreamResult[];
}

/** What each source needs, in words a person can act on (never the values). */
const NEEDS: Record<SourceName, string> = {
  github:
    'GITHUB_TOKEN (a token that can read the repositories: fine-grained with Contents, Pull requests, Deployments, Actions read; or classic `repo`)',
  jira: 'JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN (an API token of a user who can browse the projects and boards)',
  pagerduty: 'PAGERDUTY_TOKEN (a read-only REST API key)',
};

function sourcesOf(request: BackfillRequest, config: SourcesConfig): SourceName[] {
  const configured = SOURCE_NAMES.filter((source) => config[source]);
  if (request.source !== 'all') {
    if (!config[request.source]) {
      throw new NotConfiguredError(`backfilling ${request.source} needs ${NEEDS[request.source]}`);
    }
    return [request.source];
  }
  if (configured.length === 0) {
    throw new NotConfiguredError(`no source is configured: set ${Object.values(NEEDS).join('; or ')}`);
  }
  return configured;
}

async function reposOf(request: BackfillRequest, models: Models): Promise<string[]> {
  if (request.repos.length > 0) return request.repos;
  const known = await models.Repository.find({ tenantId: request.tenantId }, { repo: 1 }).lean();
  return known.map((repository) => repository.repo).sort();
}

const NO_REPOS = 'no repository named (--repo owner/name) and none known to the tenant yet';

/** Backfills a tenant from each source asked for, one after the other; failures are per stream, in the result. */
export async function runBackfill(
  config: SourcesConfig,
  models: Models,
  request: BackfillRequest,
  options: { waits?: Waits; progress?: BackfillContext['progress'] } = {},
): Promise<BackfillSummary> {
  let sources = sourcesOf(request, config);
  const repos = sources.includes('github') ? await reposOf(request, models) : [];
  const skipped: string[] = [];
  if (sources.includes('github') && repos.length === 0) {
    // GitHub alone: an error. Beside other sources (GITHUB_TOKEN may be set for docs only): a note.
    if (sources.length === 1) throw new BadRequestError(`cannot backfill github: ${NO_REPOS}`);
    sources = sources.filter((source) => source !== 'github');
    skipped.push(`github: ${NO_REPOS}`);
  }
  const context: BackfillContext = {
    tenantId: request.tenantId,
    facts: factModelsOf(models),
    cursors: createCursorStore(models.BackfillCursor, request.tenantId),
    since: request.since,
    until: request.until,
    waits: options.waits ?? DEFAULT_WAITS,
    progress: options.progress,
  };
  const streams: StreamResult[] = [];
  if (config.github && sources.includes('github')) {
    streams.push(
      ...(await backfillGithub({ token: config.github.token, apiUrl: config.github.apiUrl, repos }, context)),
    );
  }
  if (config.jira && sources.includes('jira')) {
    streams.push(...(await backfillJira(config.jira, context)));
  }
  if (config.pagerduty && sources.includes('pagerduty')) {
    streams.push(
      ...(await backfillPagerDuty(
        { token: config.pagerduty.token, apiUrl: config.pagerduty.apiUrl },
        context,
      )),
    );
  }
  return { sources, repos, skipped, streams };
}

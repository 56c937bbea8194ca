import type { Octokit } from '@octokit/rest';
import { cacheCalendarsOfLogins } from '../data/triage/cached-calendars-of-logins.ts';
import { createCalendarsOfLogins } from '../data/triage/calendars-of-logins.ts';
import { createGithubCodeOwners } from '../data/triage/github-code-owners.ts';
import { loadReviewHistory } from '../data/triage/mongo-review-history.ts';
import { createTriageSettingsStore } from '../data/triage/mongo-triage-settings.ts';
import { createIndexedTriageSource } from '../data/triage/indexed-triage-source.ts';
import { createOpenPullIndex, type OpenPullIndex } from '../data/triage/open-pull-index.ts';
import type { Models } from '../data/models/index.ts';
import type { CalendarSource } from '../handlers/availability/types.ts';
import { loadTriageQueue, type LoadTriageQueueDeps } from '../handlers/triage/load-triage-queue.ts';
import { createReviewerSuggester } from '../handlers/triage/suggest-reviewers.ts';
import type { TriagePorts } from '../handlers/triage/triage-ports.ts';
import type { ReviewerSuggester } from '../handlers/triage/types.ts';

/** How long a tenant's reviewer suggester is reused: a new merged PR counts within a minute. */
export const SUGGESTER_TTL_MS = 60_000;
/** Past its minute a suggester still answers, for up to this long, while its successor is built behind it. */
export const SUGGESTER_STALE_MS = 10 * 60_000;

export interface TriageQueueOptions {
  models: Models;
  calendars: CalendarSource;
  /** With a GitHub token: CODEOWNERS of the PRs' base branches. */
  octokit?: Octokit;
  /** The clock the suggester and calendar caches expire by (tests move it). */
  clock?: () => number;
  /** The tenants' open PRs in memory; one of its own by default (data/triage/open-pull-index.ts). */
  pullIndex?: OpenPullIndex;
}

/** What judging PRs needs besides the PRs: the settings and everyone's working calendars (the App Home's too). */
export function createTriageJudge(options: Pick<TriageQueueOptions, 'models' | 'calendars'>) {
  return {
    calendarsOfLogins: createCalendarsOfLogins(options.models.Person, options.calendars),
    settings: createTriageSettingsStore(options.models.TriageSettings),
  };
}

/**
 * The /triage queue from the facts (loadTriageQueue), its open PRs from an in-memory index kept current from
 * the pull request change log, so a command reads no PR by anything but `_id`, and the calendars of its logins
 * kept a minute (data/triage/cached-calendars-of-logins.ts). The reviewer suggester learns from the tenant's recently
 * merged PRs (180 days, at most 2,000); building it costs about a second at that size, so it is built once per
 * tenant and reused for SUGGESTER_TTL_MS, then rebuilt in the background while the old one still answers (up to
 * SUGGESTER_STALE_MS more), so no command but a tenant's first waits for a build; concurrent commands share it.
 */
export function createTriageQueue(options: TriageQueueOptions): TriagePorts['queue'] {
  const { models, octokit, clock = Date.now } = options;
  const deps: Omit<LoadTriageQueueDeps, 'suggester'> = {
    pulls: createIndexedTriageSource(models, options.pullIndex ?? createOpenPullIndex(models)),
    calendarsOfLogins: cacheCalendarsOfLogins(createCalendarsOfLogins(models.Person, options.calendars), {
      clock,
    }),
    settings: createTriageSettingsStore(models.TriageSettings),
    ...(octokit
      ? { codeOwners: createGithubCodeOwners({ CodeOwnersFile: models.CodeOwnersFile, octokit }) }
      : {}),
  };
  const built = new Map<string, { builtAt: number; suggester: ReviewerSuggester }>();
  const building = new Map<string, Promise<ReviewerSuggester>>();
  function build(tenantId: string, now: Date): Promise<ReviewerSuggester> {
    const running = building.get(tenantId);
    if (running) return running;
    const startedAt = clock();
    // Recency is weighed at each command's time (the queue passes it in the reviewer context).
    const next = loadReviewHistory(models, tenantId, now)
      .then((history) => {
        const suggester = createReviewerSuggester(history, { now: () => now });
        built.set(tenantId, { builtAt: startedAt, suggester });
        return suggester;
      })
      // A failed read is not kept: the next command tries again.
      .finally(() => building.delete(tenantId));
    building.set(tenantId, next);
    return next;
  }
  async function suggesterOf(tenantId: string, now: Date): Promise<ReviewerSuggester> {
    const cached = built.get(tenantId);
    const age = cached ? clock() - cached.builtAt : Infinity;
    if (cached && age < SUGGESTER_TTL_MS) return cached.suggester;
    if (cached && age < SUGGESTER_TTL_MS + SUGGESTER_STALE_MS) {
      build(tenantId, now).catch(() => undefined);
      return cached.suggester;
    }
    return build(tenantId, now);
  }
  return async (tenantId, scope, now) =>
    loadTriageQueue({ ...deps, suggester: await suggesterOf(tenantId, now) }, tenantId, scope, now);
}

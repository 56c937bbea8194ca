import type { Octokit } from '@octokit/rest';
import { createCalendarsOfLogins } from '../data/triage/calendars-of-logins.ts';
import { createGithubCodeOwners } from '../data/triage/github-code-owners.ts';
import { loadReviewHistory } from '../data/triage/mongo-review-history.ts';
import { createTriageSettingsStore } from '../data/triage/mongo-triage-settings.ts';
import { createMongoTriageSource } from '../data/triage/mongo-triage-source.ts';
import type { Models } from '../data/models/index.ts';
import type { CalendarSource } from '../handlers/availability/types.ts';
import { loadTriageQueue, type LoadTriageQueueDeps } from '../handlers/triage/load-triage-queue.ts';
import { createReviewerSuggester } from '../handlers/triage/suggest-reviewers.ts';
import type { TriagePorts } from '../handlers/triage/triage-ports.ts';
import type { ReviewerSuggester } from '../handlers/triage/types.ts';

/** How long a tenant's reviewer suggester is reused: a new merged PR counts within a minute. */
export const SUGGESTER_TTL_MS = 60_000;

export interface TriageQueueOptions {
  models: Models;
  calendars: CalendarSource;
  /** With a GitHub token: CODEOWNERS of the PRs' base branches. */
  octokit?: Octokit;
  /** The clock the suggester cache expires by (tests move it). */
  clock?: () => number;
}

/** What judging PRs needs besides the PRs: the settings and everyone's working calendars (the App Home's too). */
export function createTriageJudge(options: Pick<TriageQueueOptions, 'models' | 'calendars'>) {
  return {
    calendarsOfLogins: createCalendarsOfLogins(options.models.Person, options.calendars),
    settings: createTriageSettingsStore(options.models.TriageSettings),
  };
}

/**
 * The /triage queue from the facts (loadTriageQueue). The reviewer suggester learns from the tenant's recently
 * merged PRs (180 days, at most 2,000); building it costs about a second at that size, so it is built once per
 * tenant and reused for SUGGESTER_TTL_MS, and concurrent commands share the one being built.
 */
export function createTriageQueue(options: TriageQueueOptions): TriagePorts['queue'] {
  const { models, octokit, clock = Date.now } = options;
  const deps: Omit<LoadTriageQueueDeps, 'suggester'> = {
    pulls: createMongoTriageSource(models),
    ...createTriageJudge(options),
    ...(octokit
      ? { codeOwners: createGithubCodeOwners({ CodeOwnersFile: models.CodeOwnersFile, octokit }) }
      : {}),
  };
  type Cached = { builtAt: number; now: Date; suggester: Promise<ReviewerSuggester> };
  const suggesters = new Map<string, Cached>();
  function suggesterOf(tenantId: string, now: Date): Promise<ReviewerSuggester> {
    const cached = suggesters.get(tenantId);
    if (cached && clock() - cached.builtAt < SUGGESTER_TTL_MS) {
      // Recency is weighed at the command's time, not the build's.
      cached.now = now;
      return cached.suggester;
    }
    const entry: Cached = { builtAt: clock(), now, suggester: Promise.resolve(undefined as never) };
    const suggester = loadReviewHistory(models, tenantId, now).then((history) =>
      createReviewerSuggester(history, { now: () => entry.now }),
    );
    entry.suggester = suggester;
    suggesters.set(tenantId, entry);
    // A failed read is not kept: the next command tries again.
    suggester.catch(() => suggesters.delete(tenantId));
    return suggester;
  }
  return async (tenantId, scope, now) =>
    loadTriageQueue({ ...deps, suggester: await suggesterOf(tenantId, now) }, tenantId, scope, now);
}

import { isBotAuthor } from './bot-authors.ts';
import { buildTriageQueue } from './build-queue.ts';
import { mergeTriageThresholds } from './thresholds.ts';
import type {
  CalendarsOfLogins,
  CodeOwnersRules,
  CodeOwnersSource,
  ReviewerSuggester,
  TriagePullSource,
  TriageQueue,
  TriageScope,
  TriageSettingsStore,
} from './types.ts';

export interface LoadTriageQueueDeps {
  pulls: TriagePullSource;
  calendarsOfLogins: CalendarsOfLogins;
  settings: TriageSettingsStore;
  suggester?: ReviewerSuggester;
  /** Read only with a suggester, for the branches of PRs that may get one. */
  codeOwners?: CodeOwnersSource;
}

/**
 * The triage queue of a scope at `now`: the team's settings (a team scope's own over the tenant's), the
 * scope's open PRs, the calendars of everyone they involve, CODEOWNERS of their base branches when a suggester
 * will use them, then buildTriageQueue. A CODEOWNERS file GitHub cannot give counts as none, so a GitHub outage
 * never empties the queue.
 */
export async function loadTriageQueue(
  deps: LoadTriageQueueDeps,
  tenantId: string,
  scope: TriageScope,
  now: Date,
): Promise<TriageQueue> {
  // The settings and the PRs in parallel: the team's bot logins mark the PRs after (as openPulls would).
  const [settings, scoped] = await Promise.all([
    deps.settings.settingsOf(tenantId, scope.kind === 'team' ? scope.team : undefined),
    deps.pulls.openPulls(tenantId, scope),
  ]);
  const { openReviews } = scoped;
  const pulls = scoped.pulls.map((pull) =>
    pull.authorIsBot || !isBotAuthor(pull.author, settings.botLogins) ? pull : { ...pull, authorIsBot: true },
  );
  const logins = new Set<string>(openReviews.keys());
  for (const pull of pulls) {
    logins.add(pull.author);
    for (const login of pull.requestedReviewers) logins.add(login);
    for (const review of pull.reviews) logins.add(review.reviewer);
  }
  const branchKey = (repo: string, ref: string | undefined) => `${repo}\n${ref ?? ''}`;
  const rules = new Map<string, CodeOwnersRules | undefined>();
  const codeOwners = deps.suggester ? deps.codeOwners : undefined;
  const branches = codeOwners
    ? [
        ...new Map(
          pulls
            .filter((pull) => !pull.draft && !pull.authorIsBot)
            .map((pull) => [branchKey(pull.repo, pull.baseRef), pull] as const),
        ).values(),
      ]
    : [];
  const [calendars] = await Promise.all([
    deps.calendarsOfLogins(tenantId, [...logins]),
    ...branches.map(async (pull) => {
      const found = await codeOwners!.codeOwnersOf(tenantId, pull.repo, pull.baseRef).catch(() => undefined);
      rules.set(branchKey(pull.repo, pull.baseRef), found);
    }),
  ]);
  return buildTriageQueue(pulls, {
    now,
    calendars,
    thresholds: mergeTriageThresholds(settings.thresholds),
    botLogins: settings.botLogins,
    scope,
    openReviews,
    ...(deps.suggester ? { suggester: deps.suggester } : {}),
    ...(codeOwners ? { codeOwners: (repo, ref) => rules.get(branchKey(repo, ref)) } : {}),
  });
}

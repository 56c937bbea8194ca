import type { DigestItem, TriageDigestView } from './notify-types.ts';
import type { TriageQueue } from './types.ts';

/** The most PRs one digest lists: a message people read in one glance (and within Slack's 50 blocks). */
export const DIGEST_MAX_ITEMS = 15;

/** The queue's items as the digest lists them: the most urgent signal of each, who it waits on, who could review. */
export function digestItemsOf(queue: TriageQueue): DigestItem[] {
  return queue.items
    .filter((item) => item.signals.length > 0)
    .slice(0, DIGEST_MAX_ITEMS)
    .map((item) => {
      const signal = item.signals[0]!;
      return {
        repo: item.pull.repo,
        number: item.pull.number,
        title: item.pull.title,
        url: item.pull.url,
        signal: signal.kind,
        ageHours: signal.ageHours,
        waitingOn: signal.waitingOn,
        ...(item.suggestion ? { suggested: item.suggestion.first.login } : {}),
      };
    });
}

const keyOf = (item: Pick<DigestItem, 'repo' | 'number'>) => `${item.repo}#${item.number}`;

/**
 * The day's digest as it stands: the morning's PRs still in the queue (as they are now, in its order) and those
 * resolved since. PRs that turned actionable after the morning wait for tomorrow's digest, so the message
 * people saw only ever shrinks.
 */
export function buildDigestView(
  team: string,
  date: string,
  morning: readonly DigestItem[],
  now: readonly DigestItem[],
): TriageDigestView {
  const listed = new Set(morning.map(keyOf));
  const current = new Set(now.map(keyOf));
  return {
    kind: 'triage-digest',
    team,
    date,
    open: now.filter((item) => listed.has(keyOf(item))),
    resolved: morning.filter((item) => !current.has(keyOf(item))),
  };
}

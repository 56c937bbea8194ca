import type { SignalKind, TriageItem, TriageQueue, TriageScope } from '../triage/types.ts';
import type { HomePull, PersonPulls, PersonPullSource } from './types.ts';

/** What a signal means to someone reading their home. */
const SIGNAL_WORDS: Readonly<Record<SignalKind, string>> = {
  'waiting-for-review': 'waiting for a first review',
  'changes-requested': 'changes requested',
  'approved-not-merged': 'approved, not merged',
  'failing-ci': 'CI failing',
  'merge-conflict': 'merge conflict',
  stale: 'no activity',
  'very-large': 'very large',
  'long-draft': 'a draft for long',
};

/** Triage's queue for a scope at an instant (handlers/triage/load-triage-queue.ts, wired by bot/main.ts). */
export type LoadQueue = (tenantId: string, scope: TriageScope, now: Date) => Promise<TriageQueue>;

const keyOf = (pull: { repo: string; number: number }) => `${pull.repo}#${pull.number}`;

function pullOf(item: TriageItem): HomePull {
  const [top] = item.signals;
  return {
    repo: item.pull.repo,
    number: item.pull.number,
    title: item.pull.title || keyOf(item.pull),
    url: item.pull.url,
    author: item.pull.author,
    waitingOn: top?.waitingOn ?? [],
    reason: top ? SIGNAL_WORDS[top.kind] : 'open',
    ...(top ? { ageHours: top.ageHours } : {}),
  };
}

/**
 * The home's PR lists with triage's judgement: every open PR of the person from the facts (`all`), and for
 * those over a triage threshold, its most urgent signal (whom it waits on, why, for how many working hours),
 * which also decides the list: my PR whose signal waits on me is waiting on me. Triage's own long drafts of
 * the person are added. When triage fails, the lists still show, without its signals.
 */
export function createTriagePersonPulls(all: PersonPullSource, loadQueue: LoadQueue): PersonPullSource {
  return {
    async pullsOf(tenantId, logins, now) {
      const mine = new Set(logins);
      const [lists, queue] = await Promise.all([
        all.pullsOf(tenantId, logins, now),
        loadQueue(tenantId, { kind: 'person', logins: [...logins] }, now).catch(() => undefined),
      ]);
      if (!queue) return lists;
      const judged = new Map(queue.items.map((item) => [keyOf(item.pull), item]));
      const result: PersonPulls = { waitingOnOthers: [], waitingOnMe: [] };
      const placed = new Set<string>();
      const place = (pull: HomePull) => {
        placed.add(keyOf(pull));
        const onMe = !mine.has(pull.author) || pull.waitingOn.some((login) => mine.has(login));
        (onMe ? result.waitingOnMe : result.waitingOnOthers).push(pull);
      };
      // Triage's order first (most urgent), then the PRs under every threshold as the facts list them.
      for (const item of queue.items) place(pullOf(item));
      for (const pull of [...lists.waitingOnMe, ...lists.waitingOnOthers]) {
        if (placed.has(keyOf(pull))) continue;
        if (judged.has(keyOf(pull))) continue;
        placed.add(keyOf(pull));
        (lists.waitingOnMe.includes(pull) ? result.waitingOnMe : result.waitingOnOthers).push(pull);
      }
      return result;
    },
  };
}

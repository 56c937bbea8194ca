import type { StandupStore } from '../standup/types.ts';
import type { Actor, NoticeView } from '../types.ts';
import { TRIAGE_ITEMS_LISTED, type TriageQueueItemView, type TriageQueueView } from './queue-view.ts';
import { resolveTriageScope } from './resolve-scope.ts';
import type { TriagePorts, TriageSnooze } from './triage-ports.ts';
import { describeReviewerReasons } from './suggest-reviewers.ts';
import type { TriageItem, TriagePull } from './types.ts';

/** Who a snooze, a claim or a nudge is recorded for: `slack:U…` or `teams:<id>`. */
export const viewerOf = (actor: Actor) => `${actor.surface}:${actor.userId}`;

/** What "the next commit" is measured against: the head sha, else the newest commit's time. */
export const headMarkOf = (pull: TriagePull) => pull.headSha ?? pull.lastCommitAt?.toISOString() ?? '';

/** A snooze hides its PR until its time passes, or until a commit moves the head it was set at. */
export function isSnoozed(snooze: TriageSnooze, pull: TriagePull, now: Date): boolean {
  if (snooze.repo !== pull.repo || snooze.number !== pull.number) return false;
  if (snooze.until) return snooze.until > now;
  return snooze.head !== undefined && snooze.head === headMarkOf(pull);
}

function itemViewOf(item: TriageItem, listed: boolean, takenBy?: string): TriageQueueItemView {
  const [first, ...rest] = item.signals;
  const { pull } = item;
  // Read only for the items a surface lists: each is computed when first read (buildTriageQueue).
  const suggestion = listed ? item.suggestion : undefined;
  return {
    repo: pull.repo,
    number: pull.number,
    title: pull.title,
    url: pull.url,
    author: pull.author,
    signal: first?.kind ?? 'stale',
    otherSignals: rest.map((signal) => signal.kind),
    ageHours: first?.ageHours ?? 0,
    waitingOn: first?.waitingOn ?? [],
    ...(suggestion
      ? {
          suggested: {
            login: suggestion.first.login,
            why: describeReviewerReasons(suggestion.first.reasons),
          },
        }
      : {}),
    ...((takenBy ?? item.claimedBy) ? { takenBy: takenBy ?? item.claimedBy } : {}),
  };
}

export type QueueViewResult =
  { ok: true; view: TriageQueueView; items: TriageItem[] } | { ok: false; notice: NoticeView };

/**
 * The viewer's queue for a scope as typed: loaded ranked, without what they snoozed (filtered here, after
 * loading, so the queue itself stays everyone's), with "… is on it" from the claims, and the suggested reviewer
 * of the first TRIAGE_ITEMS_LISTED items (the rest are only counted).
 */
export async function buildTriageQueueView(
  actor: Actor,
  scopeArgs: string,
  ports: TriagePorts,
  standups: StandupStore | undefined,
): Promise<QueueViewResult> {
  const resolved = await resolveTriageScope(actor, scopeArgs, ports, standups);
  if (!resolved.ok) return resolved;
  const now = ports.now();
  const [queue, snoozes] = await Promise.all([
    ports.queue(actor.tenantId, resolved.scope, now),
    ports.marks.snoozesOf(actor.tenantId, viewerOf(actor)),
  ]);
  const shown = queue.items.filter((item) => !snoozes.some((snooze) => isSnoozed(snooze, item.pull, now)));
  const taken = await ports.marks.takenOf(
    actor.tenantId,
    shown.map((item) => item.pull),
  );
  const takenBy = (pull: TriagePull) =>
    taken.find((mark) => mark.repo === pull.repo && mark.number === pull.number)?.by;
  return {
    ok: true,
    items: shown,
    view: {
      kind: 'triage-queue',
      scopeLabel: resolved.label,
      scopeArgs: scopeArgs.trim(),
      items: shown.map((item, index) => itemViewOf(item, index < TRIAGE_ITEMS_LISTED, takenBy(item.pull))),
      botLane: {
        count: queue.botLane.length,
        repos: new Set(queue.botLane.map((pull) => pull.repo)).size,
      },
      draftsLeftOut: queue.draftsLeftOut,
      snoozed: queue.items.length - shown.length,
    },
  };
}

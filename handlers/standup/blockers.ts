/** Recording a member's blockers from their answer, and reading the open ones back for the next draft. */

import type { BlockerDeps, NewBlocker, StandupBlocker } from './blocker-types.ts';
import { itemKey, linkRefs, unblockersOf } from './link-blocker.ts';
import { parseBlockerRefs, type MentionedAccount } from './parse-blocker-refs.ts';
import type { ChatAccount, Standup, StandupAnswer } from './types.ts';

/** One blocker per line; list markers go, a lone "-" stays (it means none). */
function blockerLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/^(?:[-*•]|\d+[.)])\s+/, ''))
    .filter((line) => line !== '');
}

const normalized = (text: string | null) => (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/** The same blocker again: the same words, or a link to an item an earlier open blocker is linked to. */
function continues(blocker: NewBlocker, earlier: readonly StandupBlocker[]): boolean {
  const keys = new Set(blocker.items.filter((item) => item.kind !== 'person').map(itemKey));
  return earlier.some(
    (open) =>
      normalized(open.text) === normalized(blocker.text) ||
      open.items.some((item) => item.kind !== 'person' && keys.has(itemKey(item))),
  );
}

/**
 * Stores the blockers of a saved answer (the answers to the standup's blockers questions), replacing that day's
 * blockers of the member when the answer was edited, and counts the change on the day's rollup. "None" closes
 * the member's open blockers of earlier days; a blocker written again (same words or same item) stays the
 * earlier one. `mentioned` are the accounts of Teams `<at>` mentions in the answer.
 */
export async function recordBlockers(
  deps: Pick<BlockerDeps, 'blockers' | 'work' | 'jiraBaseUrl'>,
  standup: Standup,
  answer: StandupAnswer,
  now: Date,
  mentioned: readonly MentionedAccount[] = [],
): Promise<{ opened: number; closed: number }> {
  const { tenantId, member, date } = answer;
  const questions = standup.questions.filter((question) => question.blockers);
  if (questions.length === 0) return { opened: 0, closed: 0 };
  const lines = questions.flatMap((question) => blockerLines(answer.answers[question.id] ?? ''));
  let repos: Promise<string[]> | undefined;
  const defaultRepos = () => (repos ??= deps.work.reposOf(tenantId, member));
  const earlier = (await deps.blockers.openOf(tenantId, standup.id, member)).filter(
    (open) => open.date < date,
  );

  const fresh: NewBlocker[] = [];
  for (const line of lines) {
    const parsed = parseBlockerRefs(line, { mentioned });
    if (parsed.none) continue;
    const items = await linkRefs(deps, tenantId, parsed.refs, defaultRepos);
    const blocker: NewBlocker = {
      tenantId,
      standupId: standup.id,
      member,
      ...(answer.displayName ? { memberName: answer.displayName } : {}),
      owner: standup.owner,
      date,
      openedAt: now,
      text: line,
      items,
      unblockers: await unblockersOf(deps, tenantId, items, member),
    };
    if (!continues(blocker, earlier) && !fresh.some((other) => normalized(other.text) === normalized(line))) {
      fresh.push(blocker);
    }
  }

  let closed = 0;
  if (lines.every((line) => parseBlockerRefs(line).none)) {
    for (const open of earlier) {
      if (await deps.blockers.close(tenantId, open.id, 'member', now)) closed += 1;
    }
  }
  const { added, removed } = await deps.blockers.replaceDay(tenantId, standup.id, member, date, fresh);
  await deps.blockers.countDay(tenantId, standup.id, date, {
    blockersOpened: added - removed,
    blockersClosed: closed,
  });
  return { opened: added - removed, closed };
}

/**
 * Texts of the member's open blockers, for the draft's "Still blocked on …?". With `forDate` (the standup day
 * the draft is for), only those from earlier days, each counted as carried into that day once.
 */
export async function openBlockersOf(
  deps: Pick<BlockerDeps, 'blockers'>,
  tenantId: string,
  standupId: string,
  member: ChatAccount,
  forDate?: string,
): Promise<string[]> {
  return carryOpenBlockers(
    deps,
    tenantId,
    standupId,
    await deps.blockers.openOf(tenantId, standupId, member),
    forDate,
  );
}

/** `openBlockersOf` from the member's open blockers already read (oldest first), as a fan-out's batch reads them. */
export async function carryOpenBlockers(
  deps: Pick<BlockerDeps, 'blockers'>,
  tenantId: string,
  standupId: string,
  open: readonly StandupBlocker[],
  forDate?: string,
): Promise<string[]> {
  const carried = forDate ? open.filter((blocker) => blocker.date < forDate) : open;
  if (forDate) {
    for (const blocker of carried) {
      if (!(await deps.blockers.claim(tenantId, blocker.id, `carry:${forDate}`, new Date()))) continue;
      await deps.blockers.recordCarry(tenantId, blocker.id);
      await deps.blockers.countDay(tenantId, standupId, forDate, { blockersCarried: 1 });
    }
  }
  return carried.flatMap((blocker) => (blocker.text === null ? [] : [blocker.text]));
}

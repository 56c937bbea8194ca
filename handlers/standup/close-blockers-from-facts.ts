import { calendarOf, localDateOf } from './blocker-calendar.ts';
import type { BlockerClosedBy, BlockerDeps, LinkedItem } from './blocker-types.ts';

type CloseDeps = Pick<BlockerDeps, 'blockers' | 'work' | 'calendars'>;

/** How a linked item says it is done: merged, or moved to a status in Jira's done category; undefined while not. */
async function doneBy(
  deps: CloseDeps,
  tenantId: string,
  item: LinkedItem,
): Promise<BlockerClosedBy | undefined> {
  if (item.kind === 'pr') {
    const pull = await deps.work.pullRequest(tenantId, [item.repo], item.number);
    return pull?.state === 'merged' ? 'fact:pr-merged' : undefined;
  }
  if (item.kind === 'jira') {
    const issue = await deps.work.jiraIssue(tenantId, item.key);
    return issue?.statusCategory === 'done' ? 'fact:issue-done' : undefined;
  }
  return undefined;
}

/**
 * Closes the open blockers whose every linked pull request is merged and Jira issue done (people named do not
 * keep a blocker open; a blocker linked to no item stays for its member to close), counted as closed on the
 * member's local date. Returns how many closed.
 */
export async function closeBlockersFromFacts(deps: CloseDeps, tenantId: string, now: Date): Promise<number> {
  const linked = (await deps.blockers.openIn(tenantId)).filter((blocker) =>
    blocker.items.some((item) => item.kind !== 'person'),
  );
  if (linked.length === 0) return 0;
  const calendars = await deps.calendars.calendarsOf(
    tenantId,
    linked.map((blocker) => blocker.member),
  );
  let closed = 0;
  for (const blocker of linked) {
    const items = blocker.items.filter((item) => item.kind !== 'person');
    const reasons = await Promise.all(items.map((item) => doneBy(deps, tenantId, item)));
    if (reasons.some((reason) => reason === undefined)) continue;
    const by = reasons.includes('fact:pr-merged') ? 'fact:pr-merged' : 'fact:issue-done';
    if (!(await deps.blockers.close(tenantId, blocker.id, by, now))) continue;
    const date = localDateOf(calendarOf(calendars, blocker.member), now);
    await deps.blockers.countDay(tenantId, blocker.standupId, date, { blockersClosed: 1 });
    closed += 1;
  }
  return closed;
}

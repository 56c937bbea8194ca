import type { WorkingCalendar } from '../availability/types.ts';
import type { Delivery } from '../delivery/types.ts';
import type { NoticeView, View } from '../types.ts';
import { buildPromptView, buildPromptViews } from './build-prompt.ts';
import { candidateDates, planMemberDay } from './plan-standup-day.ts';
import { publishReport, reportKey } from './publish-report.ts';
import { DEFAULT_CALENDAR, type StandupDeps } from './standup-deps.ts';
import {
  accountKey,
  type ChatAccount,
  type DeliveryClaim,
  type MemberDay,
  type Standup,
  type StandupAnswer,
} from './types.ts';

export interface TickResult {
  prompted: number;
  reminded: number;
  refused: number;
  reported: string[];
}

/** Most names listed in the owner's note about people the bot could not reach. */
const REFUSED_NAMES_SHOWN = 20;

/** Runs `work` over items with at most `limit` in flight: the poster paces sends, this keeps it busy. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await work(item as T);
    }
  });
  await Promise.all(workers);
}

/**
 * Sends one direct message at most once under `key`: claimed first, the outcome recorded (a refusal too, for
 * the owner). A claim taken over from a sender that died mid-send (attempt 2 on) first asks the chat platform
 * whether that send landed (the key travels with the message): if it did, it is recorded, not sent again.
 */
async function sendOnce(
  deps: StandupDeps,
  standup: Standup,
  key: string,
  now: Date,
  to: ChatAccount,
  view: () => Promise<View>,
): Promise<'sent' | 'refused' | 'skipped'> {
  const claim = await deps.deliveries.claim(standup.tenantId, key, now);
  if (!claim) return 'skipped';
  let sent: Delivery;
  try {
    const landed = claim.attempt > 1 ? await deps.poster.findSent?.(standup.tenantId, to, key) : undefined;
    sent = landed
      ? { ok: true, ref: landed }
      : await deps.poster.sendDirect(standup.tenantId, to, await view(), { key });
  } catch (error) {
    // Not Slack's or Teams' answer but our own failure (say, the database while drafting): a later tick retries.
    await deps.deliveries.release(claim);
    throw error;
  }
  await deps.deliveries.finish(claim, sent.ok ? { ref: sent.ref } : { error: sent.error }, now);
  return sent.ok ? 'sent' : 'refused';
}

/**
 * Prompts drafted together. A batch's reads cost about the same whatever its size (on FerretDB each `$in` read
 * scans the collection), so batches are large: 500 take about 10 s to send at Slack's 50/s, far longer than
 * they take to draft. The first is smaller, so the first prompts go sooner.
 */
const PROMPT_BATCH = 500;
const FIRST_PROMPT_BATCH = 100;

interface ClaimedPrompt {
  plan: MemberDay;
  claim: DeliveryClaim;
}

/**
 * The day's due prompts, each sent at most once: in batches (PROMPT_BATCH), each member's prompt claimed first,
 * then the claimed ones drafted together (`buildPromptViews`), then sent. The next batch is claimed and drafted
 * while this one is sent, so the poster never waits for the database. A failure of our own (the database while
 * drafting) releases the batch's claims, as `sendOnce` does, for a later tick to retry.
 */
async function promptInBatches(
  deps: StandupDeps,
  standup: Standup,
  date: string,
  now: Date,
  plans: readonly MemberDay[],
  calendarOf: (member: ChatAccount) => WorkingCalendar,
): Promise<{ sent: number; refused: number }> {
  const { tenantId } = standup;
  const concurrency = deps.concurrency ?? 32;
  const counts = { sent: 0, refused: 0 };
  const keyOf = (plan: MemberDay) => `${standup.id}|${date}|prompt|${accountKey(plan.member)}`;
  const releaseAll = (claimed: readonly ClaimedPrompt[]) =>
    Promise.all(claimed.map(({ claim }) => deps.deliveries.release(claim)));

  async function prepare(batch: readonly MemberDay[]) {
    const claimed: ClaimedPrompt[] = [];
    await forEachConcurrently(batch, concurrency, async (plan) => {
      const claim = await deps.deliveries.claim(tenantId, keyOf(plan), now);
      if (claim) claimed.push({ plan, claim });
    });
    try {
      const views = await buildPromptViews(
        deps,
        standup,
        claimed.map(({ plan }) => ({ member: plan.member, calendar: calendarOf(plan.member) })),
        date,
        now,
      );
      return claimed.map((prompt) => ({ ...prompt, view: views.get(accountKey(prompt.plan.member))! }));
    } catch (error) {
      await releaseAll(claimed);
      throw error;
    }
  }

  const batches: MemberDay[][] = [];
  for (let start = 0; start < plans.length;) {
    const size = batches.length === 0 ? FIRST_PROMPT_BATCH : PROMPT_BATCH;
    batches.push(plans.slice(start, start + size));
    start += size;
  }
  let next = batches.length > 0 ? prepare(batches[0]!) : undefined;
  for (let index = 0; next; index += 1) {
    const current = await next;
    next = index + 1 < batches.length ? prepare(batches[index + 1]!) : undefined;
    // Not awaited until its turn; a failure then is thrown there (and not reported as unhandled meanwhile).
    next?.catch(() => {});
    let failure: { error: unknown } | undefined;
    let batchSent = 0;
    await forEachConcurrently(current, concurrency, async ({ plan, claim, view }) => {
      let sent: Delivery;
      try {
        // A claim taken over from a sender that died mid-send first asks whether that send landed.
        const landed =
          claim.attempt > 1 ? await deps.poster.findSent?.(tenantId, plan.member, keyOf(plan)) : undefined;
        sent = landed
          ? { ok: true, ref: landed }
          : await deps.poster.sendDirect(tenantId, plan.member, view, { key: keyOf(plan) });
      } catch (error) {
        // Not Slack's or Teams' answer but our own failure: this one goes back for a later tick, as in sendOnce.
        await deps.deliveries.release(claim);
        failure ??= { error };
        return;
      }
      await deps.deliveries.finish(claim, sent.ok ? { ref: sent.ref } : { error: sent.error }, now);
      if (sent.ok) batchSent += 1;
      else counts.refused += 1;
    });
    // The day's counter once a batch, not once a prompt: one write where there were 500 on one document.
    counts.sent += batchSent;
    if (batchSent > 0) await deps.countDay?.(tenantId, standup.id, date, { prompted: batchSent });
    if (failure) {
      // The next batch, claimed and drafted meanwhile, goes back too.
      const following = await next?.catch(() => undefined);
      if (following) await releaseAll(following);
      throw failure.error;
    }
  }
  return counts;
}

const within = (now: Date, from?: string, until?: string) =>
  from !== undefined &&
  until !== undefined &&
  Date.parse(from) <= now.getTime() &&
  now.getTime() < Date.parse(until);

/** Tells the owner, once per day, whom the bot could not reach, so a refused DM is never silently lost. */
async function tellOwnerOfRefusals(deps: StandupDeps, standup: Standup, date: string, now: Date) {
  const refused = await deps.deliveries.refused(standup.tenantId, `${standup.id}|${date}|prompt|`);
  if (refused.length === 0) return;
  const accounts: ChatAccount[] = refused.map((entry) => {
    const [tool, ...handle] = (entry.key.split('|')[3] ?? '').split(':');
    return { tool: tool as ChatAccount['tool'], handle: handle.join(':') };
  });
  const names = await deps.namesOf(standup.tenantId, accounts);
  const listed = refused.slice(0, REFUSED_NAMES_SHOWN).map((entry, index) => {
    const account = accounts[index] as ChatAccount;
    return `${names.get(accountKey(account)) ?? account.handle} (${entry.error})`;
  });
  const more = refused.length - listed.length;
  const note: NoticeView = {
    kind: 'notice',
    tone: 'warning',
    title: `${standup.name}: ${refused.length} ${refused.length === 1 ? 'person was' : 'people were'} not prompted`,
    body: `Their chat platform refused the message: ${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
  };
  await sendOnce(deps, standup, `${standup.id}|${date}|refusals`, now, standup.owner, async () => note);
}

/**
 * One pass of a standup's schedule at `now`: prompts the members whose prompt time has come (each at most once
 * a day, never on their holidays or time off), reminds those who have not answered, and posts each day's
 * report once every member answered or the last deadline passed. Safe to run from any number of processes.
 */
export async function runStandupTick(deps: StandupDeps, standup: Standup, now: Date): Promise<TickResult> {
  const result: TickResult = { prompted: 0, reminded: 0, refused: 0, reported: [] };
  if (standup.paused) return result;
  const { tenantId } = standup;
  const calendars = await deps.calendars.calendarsOf(tenantId, standup.members);
  const calendarOf = (member: ChatAccount): WorkingCalendar =>
    calendars.get(accountKey(member)) ?? DEFAULT_CALENDAR;
  const dates = candidateDates(
    standup.members.map((member) => calendarOf(member)),
    now,
  );

  for (const date of dates) {
    const plans = standup.members.map((member) => planMemberDay(standup, member, calendarOf(member), date));
    const working = plans.filter((plan) => plan.status.kind === 'working');
    const lastDeadline = Math.max(...working.map((plan) => Date.parse(plan.deadlineAt ?? '')));
    // Everyone away, or a day that was over before the standup existed: nothing to prompt or report.
    if (working.length === 0 || lastDeadline <= Date.parse(standup.createdAt)) continue;
    const answers = await deps.store.answersOf(tenantId, standup.id, date);
    const answered = new Set(answers.map((answer: StandupAnswer) => accountKey(answer.member)));

    const due = (plan: MemberDay, from?: string) =>
      !answered.has(accountKey(plan.member)) && within(now, from, plan.deadlineAt);
    const prompted = await promptInBatches(
      deps,
      standup,
      date,
      now,
      working.filter((plan) => due(plan, plan.promptAt)),
      calendarOf,
    );
    result.prompted += prompted.sent;
    result.refused += prompted.refused;
    await forEachConcurrently(
      working.filter((plan) => due(plan, plan.reminderAt)),
      deps.concurrency ?? 32,
      async (plan) => {
        const prompt = await deps.deliveries.find(
          tenantId,
          `${standup.id}|${date}|prompt|${accountKey(plan.member)}`,
        );
        if (!prompt?.ref) return;
        const key = `${standup.id}|${date}|reminder|${accountKey(plan.member)}`;
        const outcome = await sendOnce(deps, standup, key, now, plan.member, () =>
          buildPromptView(deps, standup, plan.member, calendarOf(plan.member), date, now, {
            reminder: true,
          }),
        );
        if (outcome === 'sent') result.reminded += 1;
      },
    );

    const firstPrompt = Math.min(...working.map((plan) => Date.parse(plan.promptAt ?? '')));
    const everyoneAnswered = working.every((plan) => answered.has(accountKey(plan.member)));
    const reportDue = now.getTime() >= lastDeadline || (everyoneAnswered && now.getTime() >= firstPrompt);
    if (!reportDue || (await deps.deliveries.find(tenantId, reportKey(standup, date)))) continue;
    if (await publishReport(deps, standup, date, plans, now)) {
      result.reported.push(date);
      await tellOwnerOfRefusals(deps, standup, date, now);
    }
  }
  return result;
}

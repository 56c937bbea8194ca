import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../availability/types.ts';
import { prefillAnswers } from './activity.ts';
import { carryOpenBlockers, openBlockersOf } from './blockers.ts';
import type { StandupDeps } from './standup-deps.ts';
import {
  accountKey,
  type ChatAccount,
  type Standup,
  type StandupAnswer,
  type StandupDraft,
  type StandupPromptView,
} from './types.ts';

/** Without an earlier answer, the draft looks back this far: a long weekend's work still shows on Tuesday. */
const FIRST_DRAFT_LOOKBACK_MS = 4 * 24 * 3_600_000;

export function labelDate(date: string): string {
  return Temporal.PlainDate.from(date).toLocaleString('en-US', {
    weekday: 'long',
    month: 'short',
    day: 'numeric',
  });
}

/** The deadline as the member reads it: "by 11:00" on that day, in their own zone. */
function labelDeadline(standup: Standup, date: string, today: string): string {
  return date === today ? `by ${standup.deadlineTime}` : `by ${standup.deadlineTime} on ${labelDate(date)}`;
}

/** What a member's prompt is made of, read for one member or for a batch of them. */
interface PromptParts {
  /** The answer they already gave that day, to edit. */
  existing: StandupAnswer | undefined;
  draft: StandupDraft;
}

function promptViewOf(
  standup: Standup,
  calendar: WorkingCalendar,
  date: string,
  now: Date,
  { existing, draft }: PromptParts,
  options: { reminder?: boolean },
): StandupPromptView {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(calendar.timeZone)
    .toPlainDate()
    .toString();
  return {
    kind: 'standup-prompt',
    standupId: standup.id,
    standupName: standup.name,
    date,
    dateLabel: labelDate(date),
    deadlineLabel: labelDeadline(standup, date, today),
    questions: standup.questions,
    draft,
    prefill: existing ? { ...existing.answers } : prefillAnswers(standup.questions, draft),
    answered: existing !== undefined,
    reminder: options.reminder === true,
  };
}

const sinceOf = (submittedAt: string | undefined, now: Date) =>
  submittedAt ? new Date(submittedAt) : new Date(now.getTime() - FIRST_DRAFT_LOOKBACK_MS);

const isMember = (member: ChatAccount) => (other: { tool: string; handle: string }) =>
  other.tool === member.tool && other.handle === member.handle;

/**
 * The prompt (or the answer form) for a member's day: the questions, pre-filled with what they did since their
 * last answer and what waits for them, or with the answer they already gave when they come back to edit it.
 */
export async function buildPromptView(
  deps: StandupDeps,
  standup: Standup,
  member: ChatAccount,
  calendar: WorkingCalendar,
  date: string,
  now: Date,
  options: { reminder?: boolean } = {},
): Promise<StandupPromptView> {
  const { tenantId } = standup;
  const existing = (await deps.store.answersOf(tenantId, standup.id, date)).find((answer) =>
    isMember(member)(answer.member),
  );
  const previous = await deps.store.lastAnswerBefore(tenantId, standup.id, member, date);
  const since = sinceOf(previous?.submittedAt, now);
  const activity = deps.activity
    ? await deps.activity.draftFor(tenantId, member, since, now)
    : { done: [], today: [] };
  const openBlockers = deps.blockers
    ? await openBlockersOf(deps.blockers, tenantId, standup.id, member, date)
    : [];
  return promptViewOf(
    standup,
    calendar,
    date,
    now,
    { existing, draft: { ...activity, openBlockers } },
    options,
  );
}

/**
 * `buildPromptView` of many members at once (a fan-out's batch), keyed `tool:handle`: the day's answers read
 * once, the last answers, drafts and open blockers of all of them together where the store and the activity
 * source can (`lastSubmittedBefore`, `draftsFor`), each member's own otherwise. The same views, in a handful of
 * reads instead of a dozen per member.
 */
export async function buildPromptViews(
  deps: StandupDeps,
  standup: Standup,
  members: readonly { member: ChatAccount; calendar: WorkingCalendar }[],
  date: string,
  now: Date,
): Promise<Map<string, StandupPromptView>> {
  const views = new Map<string, StandupPromptView>();
  if (members.length === 0) return views;
  const { tenantId } = standup;
  const accounts = members.map(({ member }) => member);
  const [answers, lastSubmitted] = await Promise.all([
    deps.store.answersOf(tenantId, standup.id, date),
    deps.store.lastSubmittedBefore
      ? deps.store.lastSubmittedBefore(tenantId, standup.id, accounts, date)
      : Promise.all(
          accounts.map(async (member) => {
            const previous = await deps.store.lastAnswerBefore(tenantId, standup.id, member, date);
            return [accountKey(member), previous?.submittedAt] as const;
          }),
        ).then((entries) => new Map(entries.flatMap(([key, at]) => (at ? [[key, at] as const] : [])))),
  ]);
  const requests = accounts.map((member) => ({
    member,
    since: sinceOf(lastSubmitted.get(accountKey(member)), now),
  }));
  const { activity, blockers } = deps;
  const [drafts, open] = await Promise.all([
    activity?.draftsFor
      ? activity.draftsFor(tenantId, requests, now)
      : Promise.all(
          requests.map(async ({ member, since }) => {
            const draft = activity ? await activity.draftFor(tenantId, member, since, now) : undefined;
            return [accountKey(member), draft ?? { done: [], today: [] }] as const;
          }),
        ).then((entries) => new Map(entries)),
    blockers ? blockers.blockers.openIn(tenantId) : Promise.resolve([]),
  ]);
  await Promise.all(
    members.map(async ({ member, calendar }) => {
      const key = accountKey(member);
      const openBlockers = blockers
        ? await carryOpenBlockers(
            blockers,
            tenantId,
            standup.id,
            open.filter((blocker) => blocker.standupId === standup.id && isMember(member)(blocker.member)),
            date,
          )
        : [];
      const existing = answers.find((answer) => isMember(member)(answer.member));
      const draft = { ...(drafts.get(key) ?? { done: [], today: [] }), openBlockers };
      views.set(key, promptViewOf(standup, calendar, date, now, { existing, draft }, {}));
    }),
  );
  return views;
}

import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../availability/types.ts';
import { prefillAnswers } from './activity.ts';
import { openBlockersOf } from './blockers.ts';
import type { StandupDeps } from './standup-deps.ts';
import type { ChatAccount, Standup, StandupDraft, StandupPromptView } from './types.ts';

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
  const existing = (await deps.store.answersOf(tenantId, standup.id, date)).find(
    (answer) => answer.member.tool === member.tool && answer.member.handle === member.handle,
  );
  const previous = await deps.store.lastAnswerBefore(tenantId, standup.id, member, date);
  const since = previous ? new Date(previous.submittedAt) : new Date(now.getTime() - FIRST_DRAFT_LOOKBACK_MS);
  const activity = deps.activity
    ? await deps.activity.draftFor(tenantId, member, since, now)
    : { done: [], today: [] };
  const openBlockers = deps.blockers
    ? await openBlockersOf(deps.blockers, tenantId, standup.id, member, date)
    : [];
  const draft: StandupDraft = { ...activity, openBlockers };
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

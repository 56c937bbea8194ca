import { buildPromptView } from './build-prompt.ts';
import { answerDateFor } from './plan-standup-day.ts';
import { DEFAULT_CALENDAR, type StandupDeps } from './standup-deps.ts';
import { accountKey, type ChatAccount, type StandupPromptView } from './types.ts';

export interface OpenAnswerFormInput {
  tenantId: string;
  standupId: string;
  member: ChatAccount;
  /** A day from the prompt's button, or the member's next standup day ("answer for tomorrow"). */
  day: { date: string } | 'next';
}

/** The answer form for a member's day: pre-filled with their draft, or with what they answered when editing. */
export async function openAnswerForm(
  deps: StandupDeps,
  input: OpenAnswerFormInput,
  now: Date,
): Promise<{ ok: true; view: StandupPromptView } | { ok: false; problem: string }> {
  const standup = await deps.store.get(input.tenantId, input.standupId);
  if (!standup) return { ok: false, problem: 'That standup no longer exists.' };
  if (!standup.members.some((member) => accountKey(member) === accountKey(input.member))) {
    return { ok: false, problem: `You are not a member of ${standup.name}; its owner can add you.` };
  }
  const calendar =
    (await deps.calendars.calendarsOf(input.tenantId, [input.member])).get(accountKey(input.member)) ??
    DEFAULT_CALENDAR;
  const date =
    input.day === 'next' ? answerDateFor(standup, input.member, calendar, now, 'next') : input.day.date;
  if (!date) return { ok: false, problem: `${standup.name} has no day for you in the next month.` };
  return { ok: true, view: await buildPromptView(deps, standup, input.member, calendar, date, now) };
}

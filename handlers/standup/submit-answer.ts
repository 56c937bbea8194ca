import { Temporal } from 'temporal-polyfill';
import { recordBlockers } from './blockers.ts';
import { localDateOf, planMemberDay } from './plan-standup-day.ts';
import { publishReport, reportKey } from './publish-report.ts';
import { DEFAULT_CALENDAR, type StandupDeps } from './standup-deps.ts';
import { accountKey, type ChatAccount, type StandupAnswer } from './types.ts';

/** Slack's plain_text_input holds at most 3,000 characters; Teams gets the same cap. */
export const MAX_ANSWER_LENGTH = 3_000;

/** How far ahead someone may answer: "answer for tomorrow" over a long weekend. */
const MAX_DAYS_AHEAD = 7;

export interface SubmitAnswerInput {
  tenantId: string;
  standupId: string;
  date: string;
  member: ChatAccount;
  displayName?: string;
  answers: Record<string, string>;
}

export type SubmitAnswerResult =
  | {
      ok: true;
      edited: boolean;
      late: boolean;
      /** Puts the answer in the report's thread (or updates it there), or posts the report it completed. */
      publish(): Promise<boolean>;
    }
  | { ok: false; problem: string };

/**
 * Stores a member's answer for a day (an edit replaces it) and records its blockers. Its `publish`, called once
 * the person has been answered (Slack wants a modal acked within 3 seconds), puts the answer in the report's
 * thread or updates it there and the report's counts, or posts the report when this was the last answer.
 */
export async function submitStandupAnswer(
  deps: StandupDeps,
  input: SubmitAnswerInput,
  now: Date,
): Promise<SubmitAnswerResult> {
  const standup = await deps.store.get(input.tenantId, input.standupId);
  if (!standup) return { ok: false, problem: 'That standup no longer exists.' };
  const key = accountKey(input.member);
  if (!standup.members.some((member) => accountKey(member) === key)) {
    return { ok: false, problem: `You are not a member of ${standup.name}; its owner can add you.` };
  }
  const calendars = await deps.calendars.calendarsOf(input.tenantId, standup.members);
  const calendarOf = (member: ChatAccount) => calendars.get(accountKey(member)) ?? DEFAULT_CALENDAR;
  const today = Temporal.PlainDate.from(localDateOf(calendarOf(input.member), now));
  const day = Temporal.PlainDate.from(input.date);
  const ahead = today.until(day).days;
  if (ahead > MAX_DAYS_AHEAD || ahead < -MAX_DAYS_AHEAD) {
    return { ok: false, problem: `You can answer for the week around today, not for ${input.date}.` };
  }
  const answers: Record<string, string> = {};
  for (const question of standup.questions) {
    const text = (input.answers[question.id] ?? '').trim();
    if (text.length > MAX_ANSWER_LENGTH) {
      return {
        ok: false,
        problem: `"${question.text}" is too long: keep it under ${MAX_ANSWER_LENGTH} characters.`,
      };
    }
    if (question.kind === 'choice' && text !== '' && !question.choices?.includes(text)) {
      return { ok: false, problem: `"${question.text}" takes one of: ${question.choices?.join(', ')}.` };
    }
    if (text !== '') answers[question.id] = text;
  }
  if (Object.keys(answers).length === 0)
    return { ok: false, problem: 'Write an answer to at least one question.' };

  const plans = standup.members.map((member) =>
    planMemberDay(standup, member, calendarOf(member), input.date),
  );
  const own = plans.find((plan) => accountKey(plan.member) === key);
  const dayAnswers = await deps.store.answersOf(input.tenantId, standup.id, input.date);
  const earlier = dayAnswers.find((answer) => accountKey(answer.member) === key);
  // An edit keeps when the answer first came, and so whether it was late.
  const answer: StandupAnswer = {
    tenantId: input.tenantId,
    standupId: standup.id,
    date: input.date,
    member: input.member,
    ...(input.displayName ? { displayName: input.displayName } : {}),
    answers,
    submittedAt: earlier?.submittedAt ?? now.toISOString(),
    ...(earlier ? { editedAt: now.toISOString() } : {}),
    late: earlier?.late ?? (own?.deadlineAt !== undefined && now.getTime() > Date.parse(own.deadlineAt)),
  };
  const { created } = await deps.store.saveAnswer(answer);
  if (created) await deps.countDay?.(input.tenantId, standup.id, input.date, { answered: 1 });
  if (deps.blockers) await recordBlockers(deps.blockers, standup, answer, now);

  const reported = (await deps.deliveries.find(input.tenantId, reportKey(standup, input.date))) !== undefined;
  const working = plans.filter((plan) => plan.status.kind === 'working');
  const everyone = new Set([...dayAnswers.map((entry) => accountKey(entry.member)), key]);
  const firstPrompt = Math.min(...working.map((plan) => Date.parse(plan.promptAt ?? '')));
  const allIn = working.length > 0 && working.every((plan) => everyone.has(accountKey(plan.member)));
  const due = reported || (allIn && now.getTime() >= firstPrompt);
  return {
    ok: true,
    edited: !created,
    late: answer.late,
    async publish() {
      return (
        due && (await publishReport(deps, standup, input.date, plans, now, created ? undefined : answer))
      );
    },
  };
}

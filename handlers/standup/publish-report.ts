import type { MessageRef } from '../delivery/types.ts';
import { labelDate } from './build-prompt.ts';
import { parseBlockerRefs } from './parse-blocker-refs.ts';
import { describeAbsence } from './plan-standup-day.ts';
import type { StandupDeps } from './standup-deps.ts';
import {
  accountKey,
  type MemberDay,
  type Standup,
  type StandupAnswer,
  type StandupAnswerView,
  type StandupReportView,
} from './types.ts';

export const reportKey = (standup: Standup, date: string) => `${standup.id}|${date}|report`;
const threadKey = (standup: Standup, answer: StandupAnswer) =>
  `${standup.id}|${answer.date}|answer|${accountKey(answer.member)}`;

export function blockersIn(standup: Standup, answer: StandupAnswer): string[] {
  return standup.questions
    .filter((question) => question.blockers)
    .map((question) => answer.answers[question.id]?.trim() ?? '')
    .filter((text) => text !== '' && !parseBlockerRefs(text).none);
}

export function answerViewOf(
  standup: Standup,
  answer: StandupAnswer,
  displayName: string,
): StandupAnswerView {
  return {
    kind: 'standup-answer',
    standupName: standup.name,
    date: answer.date,
    member: answer.member,
    displayName,
    items: standup.questions
      .map((question) => ({
        question: question.text,
        answer: answer.answers[question.id]?.trim() ?? '',
        blockers: question.blockers === true,
      }))
      .filter((item) => item.answer !== ''),
    late: answer.late,
    edited: answer.editedAt !== undefined,
  };
}

/** The report of a day from its plans and answers: who answered, who is still to, who is away and why. */
export async function buildReportView(
  deps: StandupDeps,
  standup: Standup,
  date: string,
  plans: readonly MemberDay[],
  answers: readonly StandupAnswer[],
  now: Date,
): Promise<StandupReportView> {
  const names = await deps.namesOf(standup.tenantId, standup.members);
  const nameOf = (plan: { member: MemberDay['member'] }) => ({
    member: plan.member,
    displayName: names.get(accountKey(plan.member)) ?? plan.member.handle,
  });
  const answeredKeys = new Set(answers.map((answer) => accountKey(answer.member)));
  const working = plans.filter((plan) => plan.status.kind === 'working');
  const prompts = working.map((plan) => Date.parse(plan.promptAt ?? '')).filter(Number.isFinite);
  const since = new Date(Math.min(now.getTime(), ...prompts) - 24 * 3_600_000);
  const shipped = deps.activity
    ? await deps.activity.shippedBy(standup.tenantId, standup.members, since, now, 5)
    : [];
  const report: Omit<StandupReportView, 'summary'> = {
    kind: 'standup-report',
    standupId: standup.id,
    standupName: standup.name,
    date,
    dateLabel: labelDate(date),
    answered: plans.filter((plan) => answeredKeys.has(accountKey(plan.member))).map(nameOf),
    waiting: working.filter((plan) => !answeredKeys.has(accountKey(plan.member))).map(nameOf),
    away: plans
      .filter((plan) => plan.status.kind !== 'working' && !answeredKeys.has(accountKey(plan.member)))
      .map((plan) => ({ ...nameOf(plan), label: describeAbsence(plan.status, date) })),
    shipped,
    blockers: answers.reduce((count, answer) => count + blockersIn(standup, answer).length, 0),
    complete: working.every((plan) => answeredKeys.has(accountKey(plan.member))),
  };
  return { ...report, summary: await deps.summarize(standup.tenantId, report) };
}

/** Puts one answer in the report's thread once; an edit (`replace`) updates that message in place. */
async function syncAnswer(
  deps: StandupDeps,
  standup: Standup,
  parent: MessageRef,
  answer: StandupAnswer,
  displayName: string,
  now: Date,
  replace: boolean,
): Promise<void> {
  const key = threadKey(standup, answer);
  const view = answerViewOf(standup, answer, displayName);
  const posted = await deps.deliveries.find(standup.tenantId, key);
  if (posted?.ref) {
    if (replace) await deps.poster.update(standup.tenantId, posted.ref, view);
    return;
  }
  if (posted) return;
  const claim = await deps.deliveries.claim(standup.tenantId, key, now);
  if (!claim) return;
  const sent = await deps.poster.post(
    standup.tenantId,
    { surface: standup.surface, id: standup.reportChannel },
    view,
    { thread: parent },
  );
  await deps.deliveries.finish(claim, sent.ok ? { ref: sent.ref } : { error: sent.error }, now);
}

/**
 * Posts the day's report once (the parent message) with every answer in its thread, or, once posted, brings
 * it up to date: the parent's counts updated in place, answers not yet in the thread added, an edited one
 * (`edited`) replaced. Returns false when the report is not out (another process is posting it, or it was refused).
 */
export async function publishReport(
  deps: StandupDeps,
  standup: Standup,
  date: string,
  plans: readonly MemberDay[],
  now: Date,
  edited?: StandupAnswer,
): Promise<boolean> {
  const { tenantId } = standup;
  const key = reportKey(standup, date);
  const answers = await deps.store.answersOf(tenantId, standup.id, date);
  const view = await buildReportView(deps, standup, date, plans, answers, now);
  let parent = (await deps.deliveries.find(tenantId, key))?.ref;
  if (parent) {
    await deps.poster.update(tenantId, parent, view);
  } else {
    if (deps.reportGate && !(await deps.reportGate.mayPost(standup))) return false;
    const claim = await deps.deliveries.claim(tenantId, key, now);
    if (!claim) return false;
    const sent = await deps.poster.post(
      tenantId,
      { surface: standup.surface, id: standup.reportChannel },
      view,
    );
    await deps.deliveries.finish(claim, sent.ok ? { ref: sent.ref } : { error: sent.error }, now);
    if (!sent.ok) return false;
    parent = sent.ref;
    await deps.countDay?.(tenantId, standup.id, date, { away: view.away.length });
  }
  const names = new Map(view.answered.map((entry) => [accountKey(entry.member), entry.displayName]));
  for (const answer of answers) {
    const replace = edited !== undefined && accountKey(edited.member) === accountKey(answer.member);
    const name = names.get(accountKey(answer.member)) ?? answer.member.handle;
    await syncAnswer(deps, standup, parent, answer, name, now, replace);
  }
  return true;
}

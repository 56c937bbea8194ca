import type { ActivityItem, ChatAccount, StandupDraft, StandupQuestion } from './types.ts';

export interface ActivitySource {
  /** What the member did in [since, until), and their "today" candidates (open PRs awaiting review, Jira issues in progress). */
  draftFor(
    tenantId: string,
    member: ChatAccount,
    since: Date,
    until: Date,
  ): Promise<Omit<StandupDraft, 'openBlockers'>>;
  /** The team's notable shipped work in [since, until), newest first, capped. */
  shippedBy(
    tenantId: string,
    members: readonly ChatAccount[],
    since: Date,
    until: Date,
    limit?: number,
  ): Promise<ActivityItem[]>;
}

const bullets = (lines: string[]) => lines.map((line) => `• ${line}`).join('\n');

/** Pre-fills the first two text questions with the done and today items, the blockers question with open ones. */
export function prefillAnswers(questions: StandupQuestion[], draft: StandupDraft): Record<string, string> {
  const texts = questions.filter((question) => question.kind === 'text' && !question.blockers);
  const prefill: Record<string, string> = {};
  for (const question of questions) {
    if (question.blockers) {
      prefill[question.id] = bullets(draft.openBlockers.map((text) => `Still blocked on ${text}?`));
    } else if (question === texts[0]) {
      prefill[question.id] = bullets(draft.done.map((item) => item.text));
    } else if (question === texts[1]) {
      prefill[question.id] = bullets(draft.today.map((item) => item.text));
    } else prefill[question.id] = '';
  }
  return prefill;
}

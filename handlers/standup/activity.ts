/** Where a standup draft comes from (the port) and how it pre-fills the prompt's answers (pure). */

import type { ActivityItem, ChatAccount, StandupDraft, StandupQuestion } from './types.ts';

export interface ActivitySource {
  /** What the member did in [since, until), and their "today" candidates (open PRs awaiting review, Jira issues in progress). */
  draftFor(
    tenantId: string,
    member: ChatAccount,
    since: Date,
    until: Date,
  ): Promise<Omit<StandupDraft, 'openBlockers'>>;
  /**
   * `draftFor` of many members at once, each over its own window up to `until`, keyed `tool:handle`: a standup's
   * fan-out drafts a batch of prompts in a few reads instead of a dozen per member. Optional: without it each
   * member is drafted alone.
   */
  draftsFor?(
    tenantId: string,
    requests: readonly { member: ChatAccount; since: Date }[],
    until: Date,
  ): Promise<Map<string, Omit<StandupDraft, 'openBlockers'>>>;
  /** The team's notable shipped work in [since, until): merged PRs, issues moved to done, successful production deploys; newest first, capped. */
  shippedBy(
    tenantId: string,
    members: readonly ChatAccount[],
    since: Date,
    until: Date,
    limit?: number,
  ): Promise<ActivityItem[]>;
}

/** Slack's plain_text_input takes 3000 characters; a pre-fill well under it leaves room to write. */
export const PREFILL_MAX_CHARS = 2000;
/** Past this many lines a pre-fill is a log, not a standup answer. */
export const PREFILL_MAX_LINES = 15;
/** One item's line is cut here, so a long PR title cannot crowd out the rest. */
const LINE_MAX_CHARS = 200;

const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

const moreLine = (omitted: number): string => `… and ${omitted} more`;

/**
 * Joins lines into one answer of at most PREFILL_MAX_CHARS and PREFILL_MAX_LINES, ending in "… and N more"
 * when some did not fit.
 */
function capLines(lines: readonly string[]): string {
  const lineBudget = lines.length <= PREFILL_MAX_LINES ? lines.length : PREFILL_MAX_LINES - 1;
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.slice(0, lineBudget).entries()) {
    const after = lines.length - index - 1;
    // Room for the closing "… and N more" unless nothing follows this line.
    const reserve = after === 0 ? 0 : moreLine(after).length + 1;
    const added = (kept.length > 0 ? 1 : 0) + line.length;
    if (length + added + reserve > PREFILL_MAX_CHARS) break;
    kept.push(line);
    length += added;
  }
  const omitted = lines.length - kept.length;
  return omitted === 0 ? kept.join('\n') : [...kept, moreLine(omitted)].join('\n');
}

/** "• Merged acme/api#42 Fix retries": references, not URLs, since the answer is plain text (the view links). */
const bulletsOf = (items: readonly ActivityItem[]): string[] =>
  items.map((item) => `• ${truncate(item.text, LINE_MAX_CHARS)}`);

const blockerLinesOf = (blockers: readonly string[]): string[] =>
  blockers.map(
    (text) => `• Still blocked on ${truncate(text.trim().replace(/[.?!…]+$/, ''), LINE_MAX_CHARS)}?`,
  );

/**
 * The text each question's input starts with. Among text questions that are not about blockers the first is
 * "since your last standup" (the done items) and the second "today" (the candidates); the blockers question
 * asks about the blockers still open. Every other question starts empty.
 */
export function prefillAnswers(questions: StandupQuestion[], draft: StandupDraft): Record<string, string> {
  const prefill: Record<string, string> = {};
  const plain = questions.filter((question) => question.kind === 'text' && !question.blockers);
  const blockers = questions.find((question) => question.kind === 'text' && question.blockers);
  for (const question of questions) prefill[question.id] = '';
  if (plain[0]) prefill[plain[0].id] = capLines(bulletsOf(draft.done));
  if (plain[1]) prefill[plain[1].id] = capLines(bulletsOf(draft.today));
  if (blockers) prefill[blockers.id] = capLines(blockerLinesOf(draft.openBlockers));
  return prefill;
}

import { redactPii } from '../policy/redact-pii.ts';
import type { Actor, NoticeView } from '../types.ts';
import type { AnswerActionPayload } from './answer-actions.ts';
import type { AnswerView, ChatReach, SuggestedPerson } from './types.ts';

/** Where answers and votes are kept, for the buttons under an answer. */
export interface AnswerStore {
  find(tenantId: string, answerId: string): Promise<AnswerView | undefined>;
  saveFeedback(tenantId: string, answerId: string, userId: string, helpful: boolean): Promise<void>;
  /** Claims the one "ask this person" message of an answer (false: already sent); `release` gives it back. */
  claimQuestion(tenantId: string, answerId: string, person: string): Promise<boolean>;
  releaseQuestion(tenantId: string, answerId: string, person: string): Promise<void>;
}

/** What the buttons under an answer work with; `reach` is absent where no chat can be reached (some tests). */
export interface AnswerActionDeps {
  store: AnswerStore;
  reach?: ChatReach;
}

export type AnswerActionResult =
  /** Post this view to the conversation, for everyone. */
  | { kind: 'post'; view: AnswerView }
  /** Tell only the person who clicked. */
  | { kind: 'private'; view: NoticeView };

const gone: AnswerActionResult = {
  kind: 'private',
  view: {
    kind: 'notice',
    tone: 'warning',
    title: 'That answer is no longer available',
    body: 'Ask the question again to get a fresh answer.',
  },
};

/**
 * The question as the bot repeats it to others (a share, an "ask this person" message): the asker's contact
 * details (and any secret, already masked when asked) stay in the asker's own private reply.
 */
function questionForOthers(question: string): string {
  return redactPii(question, 'standard');
}

/** "Share with channel": the same answer, posted for everyone, without a share button. */
export async function shareAnswer(
  actor: Actor,
  payload: AnswerActionPayload,
  { store }: AnswerActionDeps,
): Promise<AnswerActionResult> {
  const view = await store.find(actor.tenantId, payload.answerId);
  return view
    ? { kind: 'post', view: { ...view, question: questionForOthers(view.question), shared: true } }
    : gone;
}

export async function recordFeedback(
  actor: Actor,
  payload: AnswerActionPayload,
  helpful: boolean,
  { store }: AnswerActionDeps,
): Promise<AnswerActionResult> {
  const view = await store.find(actor.tenantId, payload.answerId);
  if (!view) return gone;
  await store.saveFeedback(actor.tenantId, payload.answerId, actor.userId, helpful);
  return {
    kind: 'private',
    view: {
      kind: 'notice',
      tone: 'info',
      title: 'Thanks for the feedback',
      body: helpful
        ? 'Noted as helpful.'
        : 'Noted as not helpful. The owners of the cited docs will see it in their next stale-docs digest.',
    },
  };
}

/**
 * "Ask <person>": a direct message to that person, found through the identities people linked
 * (`/em link github <login>`), with the question, who asked it and the closest sources; the asker is told
 * privately that it went, or why it could not (not linked to chat, or not reachable there). The asker's own
 * surface is tried first.
 */
export async function askPerson(
  actor: Actor,
  payload: AnswerActionPayload,
  deps: AnswerActionDeps,
): Promise<AnswerActionResult> {
  const view = await deps.store.find(actor.tenantId, payload.answerId);
  const person = view?.people.find((candidate) => candidate.name === payload.person);
  if (!view || !person) return gone;
  const accounts = deps.reach ? await deps.reach.chatAccountsOf(actor.tenantId, person.name) : [];
  accounts.sort((a, b) => Number(b.tool === actor.surface) - Number(a.tool === actor.surface));
  const sent: AnswerActionResult = {
    kind: 'private',
    view: {
      kind: 'notice',
      tone: 'info',
      title: `Sent to ${person.name}`,
      body: `${person.name} got your question and the closest sources in a direct message, and will reply to you.`,
    },
  };
  // One message per answer and person, whoever clicks and however often (double clicks, Slack retries).
  if (accounts.length > 0 && !(await deps.store.claimQuestion(actor.tenantId, view.answerId, person.name)))
    return sent;
  const message = questionFor(actor, view, person);
  for (const account of accounts) {
    if (await deps.reach!.sendDirect(actor.tenantId, account, message)) return sent;
  }
  if (accounts.length > 0) await deps.store.releaseQuestion(actor.tenantId, view.answerId, person.name);
  return {
    kind: 'private',
    view: {
      kind: 'notice',
      tone: 'warning',
      title: `I could not reach ${person.name}`,
      body:
        accounts.length === 0
          ? `${person.name} has no chat account linked to em-agent, so I cannot message them. Ask them directly, ` +
            `or ask them to link theirs (\`/em link github <login>\` in Slack, \`link github <login>\` in Teams).`
          : `${person.name} did not accept a direct message from me (in Teams, the bot can only write to people ` +
            'who have talked to it). Ask them directly.',
    },
  };
}

/** The direct message: the question, who asked, why this person, and what the docs came closest to. */
function questionFor(actor: Actor, view: AnswerView, person: SuggestedPerson): NoticeView {
  const asker = actor.displayName ?? 'Someone';
  const sources = view.citations.map(
    (citation) => `• ${citation.title} (${citation.location}): ${citation.url}`,
  );
  return {
    kind: 'notice',
    tone: 'info',
    title: `${asker} has a question for you`,
    body: [
      `"${questionForOthers(view.question)}"`,
      `The docs did not answer it; you were suggested as ${person.reason}. Please reply to ${asker} directly.`,
      ...(sources.length > 0 ? ['Closest sources:', ...sources] : []),
    ].join('\n'),
  };
}

import type { Actor, NoticeView } from '../types.ts';
import type { AnswerActionPayload } from './answer-actions.ts';
import type { AnswerView } from './types.ts';

/** Where answers and votes are kept, for the buttons under an answer. */
export interface AnswerStore {
  find(tenantId: string, answerId: string): Promise<AnswerView | undefined>;
  saveFeedback(tenantId: string, answerId: string, userId: string, helpful: boolean): Promise<void>;
}

export type AnswerActionResult =
  /** Post this view to the conversation, for everyone. */
  | { kind: 'post'; view: AnswerView }
  /** Post this text to the conversation, for everyone. */
  | { kind: 'post-text'; text: string }
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

/** "Share with channel": the same answer, posted for everyone, without a share button. */
export async function shareAnswer(
  actor: Actor,
  payload: AnswerActionPayload,
  store: AnswerStore,
): Promise<AnswerActionResult> {
  const view = await store.find(actor.tenantId, payload.answerId);
  return view ? { kind: 'post', view: { ...view, shared: true } } : gone;
}

export async function recordFeedback(
  actor: Actor,
  payload: AnswerActionPayload,
  helpful: boolean,
  store: AnswerStore,
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
 * "Ask <person>": a message in the conversation naming the person, the question and the sources already
 * checked, so whoever knows them can bring them in. People are named as the docs name them (a GitHub
 * login or team); em-agent does not guess their chat account.
 */
export async function askPerson(
  actor: Actor,
  payload: AnswerActionPayload,
  store: AnswerStore,
): Promise<AnswerActionResult> {
  const view = await store.find(actor.tenantId, payload.answerId);
  if (!view || !payload.person || !view.people.some((person) => person.name === payload.person)) return gone;
  const person = view.people.find((candidate) => candidate.name === payload.person)!;
  const asker = actor.displayName ?? 'Someone';
  const checked = view.citations.map((citation) => citation.location).join(', ');
  return {
    kind: 'post-text',
    text:
      `${asker} has a question for ${person.name} (${person.reason}): "${view.question}". ` +
      `The docs did not answer it${checked ? `; closest sources: ${checked}` : ''}.`,
  };
}

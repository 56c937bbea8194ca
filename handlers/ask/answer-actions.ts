/** The buttons on an answer, shared by the renderers (which put them on cards) and the listeners (which handle them). */
export const ANSWER_ACTIONS = {
  share: 'answer_share',
  helpful: 'answer_helpful',
  notHelpful: 'answer_not_helpful',
  askPerson: 'answer_ask_person',
} as const;

export type AnswerActionName = (typeof ANSWER_ACTIONS)[keyof typeof ANSWER_ACTIONS];

/** What a button carries: the answer it belongs to and, for "ask", the person. Kept small (Slack: 2,000 chars). */
export interface AnswerActionPayload {
  answerId: string;
  person?: string;
}

export function encodeAnswerAction(payload: AnswerActionPayload): string {
  return JSON.stringify(payload);
}

/** Parses a button value; anything malformed (an old or forged button) gives undefined, never a throw. */
export function decodeAnswerAction(value: unknown): AnswerActionPayload | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<AnswerActionPayload>;
    if (typeof parsed.answerId !== 'string' || !/^[0-9a-f-]{36}$/.test(parsed.answerId)) return undefined;
    if (parsed.person !== undefined && (typeof parsed.person !== 'string' || parsed.person.length > 200))
      return undefined;
    return { answerId: parsed.answerId, ...(parsed.person ? { person: parsed.person } : {}) };
  } catch {
    return undefined;
  }
}

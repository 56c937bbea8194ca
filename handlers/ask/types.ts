/** Doc answers (`ask`): the passages, ports and views of the feature. Nothing here knows Chroma or OpenAI. */

import type { AccountRef } from '../identity/types.ts';
import type { NoticeView, Surface } from '../types.ts';

export interface Passage {
  id: string;
  source: string;
  path: string;
  title: string;
  headingPath: string[];
  body: string;
  startLine: number;
  endLine: number;
  /** Links to exactly these lines (GitHub `#L10-L25`). */
  url: string;
  updatedAt: Date;
}

export interface SearchFilter {
  /** One source, e.g. `github:acme/api`. */
  source?: string;
  pathPrefix?: string;
  /** Only passages changed at the source since then. */
  updatedSince?: Date;
}

export type RetrievalMode = 'hybrid' | 'dense' | 'lexical';

export interface KnowledgeSearch {
  search(
    tenantId: string,
    query: string,
    options: {
      limit: number;
      filter?: SearchFilter;
      mode?: RetrievalMode;
      /** Told when the search had to do with less (e.g. keywords only at the LLM cost cap); can be shown. */
      onNote?: (note: string) => void;
    },
  ): Promise<Passage[]>;
}

export interface SuggestedPerson {
  /** As the source names them: a GitHub `@login` or team, or an author's name. */
  name: string;
  /** Why: "code owner of docs/deploy.md", "wrote most of runbooks/db.md". */
  reason: string;
}

export interface PeopleFinder {
  suggest(tenantId: string, passages: Passage[]): Promise<SuggestedPerson[]>;
}

export type WrittenAnswer =
  | { kind: 'answer'; text: string }
  /** The model found no answer in the passages. */
  | { kind: 'unknown' }
  /** Not sent: the monthly cost cap, or the model is unavailable; `reason` can be shown to people. */
  | { kind: 'refused'; reason: string };

/** The LLM gateway: writes an answer strictly from the numbered passages (redaction and cost caps inside). */
export interface AnswerWriter {
  write(tenantId: string, question: string, passages: Passage[]): Promise<WrittenAnswer>;
}

export interface AnswerLog {
  record(
    tenantId: string,
    userId: string,
    conversationId: string | undefined,
    view: AnswerView,
  ): Promise<void>;
}

export interface AskPorts {
  knowledge: KnowledgeSearch;
  people: PeopleFinder;
  answers: AnswerLog;
  /** Absent without OPENAI_API_KEY: answers are then extractive quotes. */
  llm?: AnswerWriter;
}

export interface Citation {
  number: number;
  title: string;
  /** `docs/deploy.md lines 10–25` */
  location: string;
  url: string;
}

export interface AnswerView {
  kind: 'answer';
  answerId: string;
  question: string;
  /** `llm` and `extractive` answered; `unknown` did not and lists the closest sources and people instead. */
  mode: 'llm' | 'extractive' | 'unknown';
  /** The answer with `[n]` markers, or the extractive quotes; plain text, the renderers escape it. */
  text: string;
  citations: Citation[];
  people: SuggestedPerson[];
  /** A remark such as "the AI spending cap is reached, so these are quotes". */
  note?: string;
  /** Posted to the channel by "share": no share button, feedback still welcome. */
  shared: boolean;
}

/** A conversation on one surface: a Slack channel id, a Teams conversation id. */
export interface ConversationRef {
  surface: Surface;
  id: string;
}

/**
 * Reaching people in chat from the doc-answer feature: who someone the docs name (`@alice`, a GitHub login)
 * is in chat, through the identities people linked (`/em link github <login>`), and a direct message or a
 * post. Sends answer false when the person or conversation cannot be reached; they never throw.
 */
export interface ChatReach {
  /** Slack and Teams accounts linked to that GitHub login; none for a team (`@org/team`) or a plain name. */
  chatAccountsOf(tenantId: string, name: string): Promise<AccountRef[]>;
  sendDirect(tenantId: string, account: AccountRef, message: NoticeView): Promise<boolean>;
  post(tenantId: string, conversation: ConversationRef, message: NoticeView): Promise<boolean>;
}

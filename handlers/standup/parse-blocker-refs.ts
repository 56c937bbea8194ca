/** Reads what a blocker answer names: pull requests, Jira issues and people. Pure. */

import type { ChatAccount } from './types.ts';

/**
 * An item a blocker names. A bare `#123` names a number in one of several repositories (`repos`, in order of
 * likelihood; empty when none is known), resolved against the facts later.
 */
export type BlockerRef =
  | { kind: 'pr'; repos: string[]; number: number; url?: string }
  | { kind: 'jira'; key: string; url?: string }
  | { kind: 'person'; account: ChatAccount };

/** A Teams mention: the `<at>…</at>` text and the account the activity's entities say it is. */
export interface MentionedAccount {
  name: string;
  account: ChatAccount;
}

export interface ParsedBlocker {
  /** The answer says there is no blocker ("none", "no", "-", "nothing"…). */
  none: boolean;
  refs: BlockerRef[];
}

const NO_BLOCKER =
  /^(?:none|no|nope|nothing|nil|n\/?a|-+|–|—|no blockers?|not blocked|nothing blocking(?: me)?|all good|none today|no blockers? today|nothing today)[.!]*$/;

const GITHUB_PULL = /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+\/[\w.-]+)\/pull\/(\d+)(?:[/?#]\S*)?$/i;
const JIRA_BROWSE = /^https?:\/\/[^/\s]+\/browse\/([A-Z][A-Z0-9]{1,9}-[1-9]\d*)(?:[/?#]\S*)?$/;
/** A URL as typed, or as Slack sends it (`<https://…|label>`). */
const URL_TOKEN = /<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>|https?:\/\/[^\s<>]+/g;
const SLACK_MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;
const TEAMS_MENTION = /<at>([^<]*)<\/at>/g;
const REPO_PR = /(?<![\w./-])([\w.-]+\/[\w.-]+)#([1-9]\d*)\b/g;
const BARE_PR = /(?<![\w/#&])#([1-9]\d*)\b/g;
/** A project key is 2–10 uppercase letters or digits starting with a letter; the issue number has no leading 0. */
const JIRA_KEY = /(?<![\w-])([A-Z][A-Z0-9]{1,9})-([1-9]\d*)(?![\w-]|\.\d)/g;
/** Uppercase words followed by a number that are names of standards, not projects. */
const NOT_PROJECTS = new Set([
  'AES', 'CVE', 'ES', 'GPT', 'HTTP', 'ISO', 'IPV', 'MD', 'PEP', 'RFC', 'RSA', 'SHA', 'SSL', 'TLS', 'UTF', 'WIN',
]); // prettier-ignore

function identityOf(ref: BlockerRef): string {
  switch (ref.kind) {
    case 'pr':
      return `pr:${ref.repos.join(',')}#${ref.number}`;
    case 'jira':
      return `jira:${ref.key}`;
    case 'person':
      return `person:${ref.account.tool}:${ref.account.handle}`;
  }
}

function pushUnique(refs: BlockerRef[], ref: BlockerRef): void {
  if (!refs.some((other) => identityOf(other) === identityOf(ref))) refs.push(ref);
}

/**
 * The refs an answer to a blockers question names, each once (links first, then mentions, then the rest). `defaultRepos` are the repositories a
 * bare `#123` may be in (the member's); `mentioned` the accounts of the Teams mentions in the message.
 * URLs other than GitHub pull requests and Jira issues are skipped whole, so `#123` or `ABC-1` inside one is not read.
 */
export function parseBlockerRefs(
  text: string,
  context: { defaultRepos?: readonly string[]; mentioned?: readonly MentionedAccount[] } = {},
): ParsedBlocker {
  const trimmed = text.trim();
  if (trimmed === '' || NO_BLOCKER.test(trimmed.toLowerCase().replace(/\s+/g, ' '))) {
    return { none: true, refs: [] };
  }
  const refs: BlockerRef[] = [];
  // Tokens are replaced by a space once read, so later patterns never see them.
  let rest = trimmed.replace(URL_TOKEN, (match, bracketed: string | undefined) => {
    const url = bracketed ?? match.replace(/[).,;:!?]+$/, '');
    const pull = GITHUB_PULL.exec(url);
    const jira = JIRA_BROWSE.exec(url);
    if (pull) pushUnique(refs, { kind: 'pr', repos: [pull[1]!], number: Number(pull[2]), url });
    else if (jira) pushUnique(refs, { kind: 'jira', key: jira[1]!, url });
    return ' ';
  });
  rest = rest.replace(SLACK_MENTION, (_match, handle: string) => {
    pushUnique(refs, { kind: 'person', account: { tool: 'slack', handle } });
    return ' ';
  });
  rest = rest.replace(TEAMS_MENTION, (_match, name: string) => {
    const mention = context.mentioned?.find((candidate) => candidate.name.trim() === name.trim());
    if (mention) pushUnique(refs, { kind: 'person', account: mention.account });
    return ' ';
  });
  rest = rest.replace(REPO_PR, (_match, repo: string, number: string) => {
    pushUnique(refs, { kind: 'pr', repos: [repo], number: Number(number) });
    return ' ';
  });
  rest = rest.replace(BARE_PR, (_match, number: string) => {
    pushUnique(refs, { kind: 'pr', repos: [...(context.defaultRepos ?? [])], number: Number(number) });
    return ' ';
  });
  for (const match of rest.matchAll(JIRA_KEY)) {
    if (!NOT_PROJECTS.has(match[1]!)) pushUnique(refs, { kind: 'jira', key: `${match[1]}-${match[2]}` });
  }
  return { none: false, refs };
}

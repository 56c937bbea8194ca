/**
 * Removes what must not reach a third-party model, at the policy's `limits.pii_redaction` level. Replaced by a
 * labelled placeholder, so the text still reads sensibly. Deliberately greedy: a redacted version number costs
 * less than a leaked key.
 * - `off`: secrets only (API keys, tokens, passwords in `key=value` form, private keys, bearer tokens, JWTs):
 *   credentials never leave, whatever the policy says.
 * - `standard`: also email addresses and phone numbers.
 * - `strict` (the default): also IP addresses, card-like numbers and chat mentions (`<@U…>`, `@handle`).
 */
export type RedactionLevel = 'off' | 'standard' | 'strict';

const SECRETS: [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '[redacted private key]'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, '[redacted token]'],
  [/\b(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}\b/g, '[redacted key]'],
  [/\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]{10,}\b/g, '[redacted token]'],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, '[redacted token]'],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}\b/g, '[redacted token]'],
  [/\bAKIA[0-9A-Z]{16}\b/g, '[redacted key]'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, '[redacted key]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}/gi, '$1 [redacted token]'],
  [
    /\b((?:api[_-]?key|secret|token|password|passwd|pwd|access[_-]?key|client[_-]?secret)\s*[:=]\s*)(["']?)[^\s"']{6,}\2/gi,
    '$1[redacted secret]',
  ],
];

const CONTACTS: [RegExp, string][] = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[redacted email]'],
  [/(?<![\w.-])\+?\d{1,3}[\s.-]?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}(?![\w-]|\.\d)/g, '[redacted phone]'],
  [/(?<![\w.-])\(\d{3}\)\s?\d{3}-\d{4}(?![\w-]|\.\d)/g, '[redacted phone]'],
];

const IDENTIFIERS: [RegExp, string][] = [
  [/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, '[redacted ip]'],
  [/\b(?:\d[ -]?){13,19}\b/g, '[redacted number]'],
  [/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, '[redacted mention]'],
  // `@handle`, but not an npm scope such as `@slack/bolt`.
  [/(?<![\w.@])@[A-Za-z0-9][A-Za-z0-9._-]{1,38}\b(?![/.-]\w)/g, '[redacted mention]'],
];

const RULES_BY_LEVEL: Record<RedactionLevel, [RegExp, string][]> = {
  off: SECRETS,
  standard: [...SECRETS, ...CONTACTS],
  strict: [...SECRETS, ...CONTACTS, ...IDENTIFIERS],
};

export function redactPii(text: string, level: RedactionLevel = 'strict'): string {
  return RULES_BY_LEVEL[level].reduce(
    (redacted, [pattern, replacement]) => redacted.replace(pattern, replacement),
    text,
  );
}

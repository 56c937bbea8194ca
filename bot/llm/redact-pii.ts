/**
 * Removes what must not reach a third-party model: email addresses, phone numbers, and secrets (API keys,
 * tokens, passwords in `key=value` form, private keys, bearer tokens, JWTs). Replaced by a labelled
 * placeholder, so the text still reads sensibly. Deliberately greedy: a redacted version number costs less
 * than a leaked key.
 */
const RULES: [RegExp, string][] = [
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
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[redacted email]'],
  [/(?<![\w.-])\+?\d{1,3}[\s.-]?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}(?![\w-]|\.\d)/g, '[redacted phone]'],
  [/(?<![\w.-])\(\d{3}\)\s?\d{3}-\d{4}(?![\w-]|\.\d)/g, '[redacted phone]'],
];

export function redactPii(text: string): string {
  return RULES.reduce((redacted, [pattern, replacement]) => redacted.replace(pattern, replacement), text);
}

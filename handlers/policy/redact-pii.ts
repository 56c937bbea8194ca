import type { Policy } from './policy-schema.ts';

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

type Rule = [RegExp, string];

/** Each secret: its pattern, what of the match is kept (`$1`: the `password=` or `Bearer` part), its label. */
const SECRETS: [RegExp, '' | '$1' | '$1 ', string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '', 'private key'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, '', 'token'],
  [/\b(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}\b/g, '', 'key'],
  [/\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]{10,}\b/g, '', 'token'],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, '', 'token'],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}\b/g, '', 'token'],
  [/\bAKIA[0-9A-Z]{16}\b/g, '', 'key'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, '', 'key'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}/gi, '$1 ', 'token'],
  [
    // Not a value an earlier rule already replaced (`token=[redacted token]`).
    /\b((?:api[_-]?key|secret|token|password|passwd|pwd|access[_-]?key|client[_-]?secret)\s*[:=]\s*)(["']?)(?!\[(?:redacted|secret removed)\b)[^\s"']{6,}\2/gi,
    '$1',
    'secret',
  ],
];

const SECRET_RULES: Rule[] = SECRETS.map(([pattern, keep, label]) => [pattern, `${keep}[redacted ${label}]`]);

const CONTACTS: Rule[] = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[redacted email]'],
  [/(?<![\w.-])\+?\d{1,3}[\s.-]?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}(?![\w-]|\.\d)/g, '[redacted phone]'],
  [/(?<![\w.-])\(\d{3}\)\s?\d{3}-\d{4}(?![\w-]|\.\d)/g, '[redacted phone]'],
];

const IDENTIFIERS: Rule[] = [
  [/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, '[redacted ip]'],
  [/\b(?:\d[ -]?){13,19}\b/g, '[redacted number]'],
  [/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, '[redacted mention]'],
  // `@handle`, but not an npm scope such as `@slack/bolt`.
  [/(?<![\w.@])@[A-Za-z0-9][A-Za-z0-9._-]{1,38}\b(?![/.-]\w)/g, '[redacted mention]'],
];

const RULES_BY_LEVEL: Record<RedactionLevel, Rule[]> = {
  off: SECRET_RULES,
  standard: [...SECRET_RULES, ...CONTACTS],
  strict: [...SECRET_RULES, ...CONTACTS, ...IDENTIFIERS],
};

export function redactPii(text: string, level: RedactionLevel = 'strict'): string {
  return RULES_BY_LEVEL[level].reduce(
    (redacted, [pattern, replacement]) => redacted.replace(pattern, replacement),
    text,
  );
}

/**
 * The one redaction step in front of every call to a model provider, chat and embeddings alike: the tenant's
 * `limits.pii_redaction` level, secrets removed at every level.
 */
export function redactorFor(policy: Pick<Policy, 'limits'>): (text: string) => string {
  const level = policy.limits.pii_redaction;
  return (text) => redactPii(text, level);
}

export const SECRET_MASK = '[secret removed]';

export interface MaskedText {
  text: string;
  /** 1-based lines of the original text where a secret-looking string was masked, ascending. */
  secretLines: number[];
}

/**
 * Masks every secret-looking string (the secret patterns above) as `[secret removed]`, for what is stored and
 * shown rather than sent: line breaks inside a secret (a private key) are kept, so line numbers stay right.
 */
export function maskSecrets(text: string): MaskedText {
  const lines = new Set<number>();
  const masked = SECRETS.reduce(
    (current, [pattern, keep]) =>
      current.replace(pattern, (match: string, ...rest: unknown[]) => {
        const offset = rest.find((value) => typeof value === 'number')!;
        const kept = keep ? keep.replace('$1', String(rest[0])) : '';
        const newlines = match.slice(kept.trimEnd().length).split('\n').length - 1;
        lines.add(current.slice(0, offset).split('\n').length);
        return `${kept}${SECRET_MASK}${'\n'.repeat(newlines)}`;
      }),
    text,
  );
  return { text: masked, secretLines: [...lines].sort((a, b) => a - b) };
}

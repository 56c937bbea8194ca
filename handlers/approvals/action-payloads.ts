import { z } from 'zod';
import { parsePolicy } from '../policy/parse-policy.ts';
import type { JsonObject } from './types.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The payload each known action takes. A proposal and every `modify` are checked against it, so a decider can
 * change what runs only within what that action means (a merge method, not a different repository). Actions
 * not listed here take any JSON object.
 */
export const ACTION_PAYLOADS: Readonly<Record<string, z.ZodType<JsonObject>>> = {
  'pr.merge': z
    .object({
      merge_method: z.enum(['merge', 'squash', 'rebase']).default('squash'),
      commit_title: text(256).optional(),
    })
    .strict(),
  'pr.label': z.object({ labels: z.array(text(50)).min(1).max(20) }).strict(),
  // GitHub takes at most 15 reviewers per request; logins as GitHub spells them.
  'pr.request_review': z
    .object({
      reviewers: z
        .array(z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a GitHub login'))
        .min(1)
        .max(15),
    })
    .strict(),
  'pr.comment.summary': z.object({ body: text(10_000) }).strict(),
  'issue.create.low': z.object({ title: text(255), body: z.string().max(30_000).default('') }).strict(),
  'incident.page': z
    .object({
      service: text(100),
      message: text(1_000),
      urgency: z.enum(['high', 'low']).default('high'),
    })
    .strict(),
  'standup.report': z.object({ standup: text(80) }).strict(),
  'policy.set': z
    .object({
      yaml: z
        .string()
        .min(1)
        .max(100_000)
        .superRefine((yaml, context) => {
          const parsed = parsePolicy(yaml);
          if (!parsed.ok)
            context.addIssue({ code: 'custom', message: `not a valid policy: ${parsed.problem}` });
        }),
    })
    .strict(),
};

/** FerretDB v1 (and MongoDB before 5) cannot store keys with `.` or a leading `$`, so refuse them up front. */
function hasUnstorableKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasUnstorableKey);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(
    ([key, inner]) => key.includes('.') || key.startsWith('$') || hasUnstorableKey(inner),
  );
}

const anyObject = z
  .record(z.string(), z.json())
  .refine(
    (payload) => !hasUnstorableKey(payload),
    'keys must not contain "." or start with "$"',
  ) as z.ZodType<JsonObject>;

export type PayloadCheck = { ok: true; payload: JsonObject } | { ok: false; problem: string };

/** Checks a payload against its action's schema; the problem names the field, e.g. `labels: …`. */
export function checkActionPayload(actionType: string, payload: unknown): PayloadCheck {
  const schema = Object.hasOwn(ACTION_PAYLOADS, actionType) ? ACTION_PAYLOADS[actionType]! : anyObject;
  const parsed = schema.safeParse(payload ?? {});
  if (parsed.success) return { ok: true, payload: parsed.data };
  const problem = parsed.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  return { ok: false, problem: `The payload does not fit ${actionType}: ${problem}` };
}

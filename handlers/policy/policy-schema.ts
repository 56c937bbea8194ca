import { z } from 'zod';
import { MAX_DURATION_MS, formatDuration, parseDuration } from './durations.ts';
import { WEEKDAYS, clockMinutes, isTimeZone } from './working-hours.ts';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const POLICY_MODES = ['auto', 'ask', 'require_approval'] as const;
/** Team roles from the Teams roster that a policy may name as approvers. */
export const TEAMS_ROLES = ['owner', 'member'] as const;

export type RiskLevel = (typeof RISK_LEVELS)[number];
export type PolicyMode = (typeof POLICY_MODES)[number];
export type TeamsRole = (typeof TEAMS_ROLES)[number];

/** The time an approval waits for a decision when neither its action, its tier nor `approvals.ttl` say. */
export const DEFAULT_TTL = '24h';

const SLACK_USER_PATTERN = /^slack:[UW][A-Z0-9]{2,}$/;
const TEAMS_USER_PATTERN = /^teams:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const duration = z
  .string({ error: 'expected a duration such as 30m, 4h or 1d' })
  .superRefine((text, context) => {
    const ms = parseDuration(text);
    if (ms === undefined) {
      context.addIssue({
        code: 'custom',
        message: `expected a duration such as 30m, 4h, 1d or 1h30m (got ${JSON.stringify(text)})`,
      });
    } else if (ms === 0) {
      context.addIssue({ code: 'custom', message: 'must be longer than zero' });
    } else if (ms > MAX_DURATION_MS) {
      context.addIssue({ code: 'custom', message: `must be at most ${formatDuration(MAX_DURATION_MS)}` });
    }
  });

const userId = z
  .string({ error: 'expected a user id such as slack:U0123ABCD or teams:<AAD object id>' })
  .refine((id) => SLACK_USER_PATTERN.test(id) || TEAMS_USER_PATTERN.test(id), {
    error: (issue) =>
      `expected a user id such as slack:U0123ABCD or teams:<AAD object id> (got ${JSON.stringify(issue.input)})`,
  });

const slackGroupId = z
  .string({ error: 'expected a Slack user group id such as S0123ABCD' })
  .regex(/^S[A-Z0-9]{2,}$/, 'expected a Slack user group id such as S0123ABCD');

/** `HH:MM`; `24:00` is accepted too, and only makes sense as an end. */
const clock = z
  .string({ error: 'expected a time as HH:MM in quotes, e.g. "09:00"' })
  .refine((text) => clockMinutes(text) !== undefined, 'expected a time as HH:MM, e.g. "09:00" or "17:30"');

function noDuplicates<T>(list: readonly T[]): boolean {
  return new Set(list).size === list.length;
}

const approverSet = z
  .object({
    /** People by id: `slack:U…` or `teams:<AAD object id>`. */
    users: z.array(userId).refine(noDuplicates, 'lists a user twice').optional(),
    /** Slack user groups (`S…`): any member may decide. */
    slack_groups: z.array(slackGroupId).refine(noDuplicates, 'lists a group twice').optional(),
    /** Teams roles in the team where the approval is shown. */
    teams_roles: z.array(z.enum(TEAMS_ROLES)).refine(noDuplicates, 'lists a role twice').optional(),
  })
  .strict()
  .refine(
    (set) => (set.users?.length ?? 0) + (set.slack_groups?.length ?? 0) + (set.teams_roles?.length ?? 0) > 0,
    'list at least one approver in users, slack_groups or teams_roles',
  );

const escalateTarget = z.union([z.enum(RISK_LEVELS), z.array(userId).min(1)], {
  error: 'expected a tier (low, medium or high) or a list of user ids',
});

const escalation = z
  .object({
    /** After this long without a decision, the approvers (or, for `ask`, the requester) are reminded once. */
    remind_after: duration.optional(),
    /** After this long without a decision, the approval is also offered to `escalate_to`. */
    escalate_after: duration.optional(),
    /** A tier (its own approvers) or a list of users; defaults to the next tier up. */
    escalate_to: escalateTarget.optional(),
  })
  .strict()
  .superRefine((rule, context) => {
    if (rule.remind_after === undefined && rule.escalate_after === undefined) {
      context.addIssue({ code: 'custom', message: 'set remind_after, escalate_after or both' });
    }
    if (rule.escalate_to !== undefined && rule.escalate_after === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['escalate_to'],
        message: 'escalate_to needs escalate_after (when to escalate)',
      });
    }
    const remind = rule.remind_after === undefined ? undefined : parseDuration(rule.remind_after);
    const escalate = rule.escalate_after === undefined ? undefined : parseDuration(rule.escalate_after);
    if (remind !== undefined && escalate !== undefined && remind >= escalate) {
      context.addIssue({
        code: 'custom',
        path: ['remind_after'],
        message: `must be shorter than escalate_after (${rule.escalate_after})`,
      });
    }
  });

const tier = z
  .object({
    approvers: approverSet.optional(),
    escalation: escalation.optional(),
    ttl: duration.optional(),
  })
  .strict();

const workingHours = z
  .object({
    timezone: z
      .string({ error: 'expected an IANA time zone such as Europe/Paris' })
      .refine(isTimeZone, { error: (issue) => `unknown time zone ${JSON.stringify(issue.input)}` }),
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1, 'list at least one day')
      .refine(noDuplicates, 'lists a day twice')
      .default(['mon', 'tue', 'wed', 'thu', 'fri']),
    start: clock,
    end: clock,
  })
  .strict()
  .refine((hours) => (clockMinutes(hours.start) ?? 0) < (clockMinutes(hours.end) ?? 0), {
    path: ['end'],
    message: 'must be later than start (working hours cannot cross midnight)',
  });

const actionRule = z
  .object({
    risk: z.enum(RISK_LEVELS),
    mode: z.enum(POLICY_MODES),
    /** `ask` instead of `auto` when the action would post to a public channel. */
    ask_if_channel_public: z.boolean().optional(),
    /** Distinct approvers needed when mode is require_approval. */
    quorum: z.number().int().min(1).max(10).optional(),
    /** How long an approval or confirmation of this action waits before it expires. */
    ttl: duration.optional(),
  })
  .strict()
  .superRefine((rule, context) => {
    if (rule.quorum !== undefined && rule.mode !== 'require_approval') {
      context.addIssue({
        code: 'custom',
        path: ['quorum'],
        message: `quorum only applies to mode require_approval (this rule is ${rule.mode})`,
      });
    }
    if (rule.ask_if_channel_public === true && rule.mode !== 'auto') {
      context.addIssue({
        code: 'custom',
        path: ['ask_if_channel_public'],
        message: `only changes mode auto into ask (this rule is already ${rule.mode})`,
      });
    }
  });

/** Keys people tend to write at the top level that belong inside a section. */
const MISPLACED_KEYS: Record<string, string> = {
  approvers: 'tiers.<risk>.approvers',
  escalation: 'tiers.<risk>.escalation',
  ttl: 'approvals.ttl',
  working_hours: 'approvals.working_hours',
  quorum: 'actions.<action>.quorum',
};

function hintMisplacedKeys(issue: { code?: string; keys?: readonly string[] }): string | undefined {
  if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
  const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ');
  const hints = issue.keys
    .filter((key) => MISPLACED_KEYS[key])
    .map((key) => `put ${key} under ${MISPLACED_KEYS[key]}`);
  return `Unrecognized key${issue.keys.length === 1 ? '' : 's'}: ${keys}${hints.length ? ` (${hints.join('; ')})` : ''}`;
}

const policyObject = z
  .object(
    {
      actions: z.record(
        z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'expected a dotted action name'),
        actionRule,
      ),
      limits: z
        .object({
          max_monthly_cost_usd: z.number().min(0).default(200),
          max_channel_size_auto_post: z.number().int().min(0).default(10),
          pii_redaction: z.enum(['off', 'standard', 'strict']).default('strict'),
        })
        .strict()
        .default({ max_monthly_cost_usd: 200, max_channel_size_auto_post: 10, pii_redaction: 'strict' }),
      /** Who approves, how they are reminded and escalated, and how long approvals wait, per risk tier. */
      tiers: z
        .object({ low: tier.optional(), medium: tier.optional(), high: tier.optional() })
        .strict()
        .optional(),
      /** Defaults for every approval. */
      approvals: z
        .object({
          /** The ttl of approvals whose action and tier name none (default 24h). */
          ttl: duration.optional(),
          /** Reminders, escalations and expiries respect these hours; without them the clock runs 24/7. */
          working_hours: workingHours.optional(),
        })
        .strict()
        .optional(),
    },
    { error: hintMisplacedKeys },
  )
  .strict();

type PolicyShape = z.infer<typeof policyObject>;
export type Tier = NonNullable<NonNullable<PolicyShape['tiers']>[RiskLevel]>;
export type ApproverSet = NonNullable<Tier['approvers']>;
export type Escalation = NonNullable<Tier['escalation']>;
export type ActionRule = PolicyShape['actions'][string];

/** The tier whose approvers decide for `risk`: itself when it lists approvers, else the next tier up that does. */
export function approverTierOf(policy: Pick<PolicyShape, 'tiers'>, risk: RiskLevel): RiskLevel | undefined {
  return RISK_LEVELS.slice(RISK_LEVELS.indexOf(risk)).find((level) => policy.tiers?.[level]?.approvers);
}

/** The ttl text for an action of `risk`: the action's own, else its tier's, else `approvals.ttl`, else 24h. */
export function ttlTextOf(policy: PolicyShape, risk: RiskLevel, rule?: ActionRule): string {
  return rule?.ttl ?? policy.tiers?.[risk]?.ttl ?? policy.approvals?.ttl ?? DEFAULT_TTL;
}

/** Where an escalation of `risk` goes: its `escalate_to`, else the next tier up (none above high). */
export function escalationTargetOf(
  policy: Pick<PolicyShape, 'tiers'>,
  risk: RiskLevel,
): RiskLevel | string[] | undefined {
  const rule = policy.tiers?.[risk]?.escalation;
  if (rule?.escalate_after === undefined) return undefined;
  return rule.escalate_to ?? RISK_LEVELS[RISK_LEVELS.indexOf(risk) + 1];
}

/** Rules that span fields: quorum against the approvers listed, escalation targets, timings against the ttl. */
function checkAcrossFields(policy: PolicyShape, context: z.RefinementCtx): void {
  for (const [name, rule] of Object.entries(policy.actions)) {
    const quorum = rule.quorum ?? 1;
    const deciding = approverTierOf(policy, rule.risk);
    const approvers = deciding ? policy.tiers?.[deciding]?.approvers : undefined;
    if (quorum > 1 && approvers && !approvers.slack_groups?.length && !approvers.teams_roles?.length) {
      const listed = approvers.users?.length ?? 0;
      if (listed < quorum) {
        context.addIssue({
          code: 'custom',
          path: ['actions', name, 'quorum'],
          message: `needs ${quorum} different approvers, but the ${deciding} tier lists only ${listed} user${listed === 1 ? '' : 's'}`,
        });
      }
    }
  }
  for (const risk of RISK_LEVELS) {
    const rule = policy.tiers?.[risk]?.escalation;
    if (!rule) continue;
    const at = ['tiers', risk, 'escalation'];
    if (rule.escalate_after !== undefined) {
      const target = escalationTargetOf(policy, risk);
      if (target === undefined) {
        context.addIssue({
          code: 'custom',
          path: [...at, 'escalate_after'],
          message: 'high is the top tier: name the people to escalate to in escalate_to',
        });
      } else if (target === risk) {
        context.addIssue({
          code: 'custom',
          path: [...at, 'escalate_to'],
          message: `a tier cannot escalate to itself`,
        });
      } else if (typeof target === 'string' && !policy.tiers?.[target]?.approvers) {
        context.addIssue({
          code: 'custom',
          path: [...at, rule.escalate_to === undefined ? 'escalate_after' : 'escalate_to'],
          message: `escalates to the ${target} tier, which lists no approvers of its own (add tiers.${target}.approvers)`,
        });
      }
    }
    const ttlText = ttlTextOf(policy, risk);
    const ttl = parseDuration(ttlText) ?? 0;
    for (const field of ['remind_after', 'escalate_after'] as const) {
      const text = rule[field];
      if (text !== undefined && (parseDuration(text) ?? 0) >= ttl) {
        context.addIssue({
          code: 'custom',
          path: [...at, field],
          message: `must be shorter than the tier's ttl (${ttlText}), or the approval expires first`,
        });
      }
    }
  }
}

export const policySchema = policyObject.superRefine(checkAcrossFields);

export type Policy = z.infer<typeof policySchema>;

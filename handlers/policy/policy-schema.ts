import { z } from 'zod';

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const POLICY_MODES = ['auto', 'ask', 'require_approval'] as const;

const actionRule = z
  .object({
    risk: z.enum(RISK_LEVELS),
    mode: z.enum(POLICY_MODES),
    /** `ask` instead of `auto` when the action would post to a public channel. */
    ask_if_channel_public: z.boolean().optional(),
    /** Distinct approvers needed when mode is require_approval. */
    quorum: z.number().int().min(1).max(10).optional(),
  })
  .strict();

export const policySchema = z
  .object({
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
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;

import type OpenAI from 'openai';
import type { Logger } from 'pino';
import { checkCostLimit } from '../../handlers/policy/check-cost-limit.ts';
import type { Policy } from '../../handlers/policy/policy-schema.ts';
import { redactorFor } from '../../handlers/policy/redact-pii.ts';
import type { StandupReportView } from '../../handlers/standup/types.ts';
import type { LlmUsageModel } from '../../data/models/llm-usage.ts';
import { costUsd } from './pricing.ts';

export interface StandupSummaryDeps {
  client: OpenAI;
  model: string;
  usage: LlmUsageModel;
  policyFor(tenantId: string): Promise<Policy>;
  /** What the report says without the model, and whenever the model cannot be used. */
  fallback(report: Omit<StandupReportView, 'summary'>): string;
  log: Logger;
  now?: () => Date;
}

const MAX_COMPLETION_TOKENS = 80;
const MAX_SUMMARY_LENGTH = 280;

/**
 * The report's summary line from the language model: it sees counts and shipped titles only, never names or
 * answers, redacted under the tenant's policy, within its monthly cap, and its cost recorded. Any refusal or
 * failure falls back to the template, so the report reads well either way.
 */
export function createStandupSummarizer(deps: StandupSummaryDeps) {
  const now = deps.now ?? (() => new Date());
  return async (tenantId: string, report: Omit<StandupReportView, 'summary'>): Promise<string> => {
    const fallback = deps.fallback(report);
    const policy = await deps.policyFor(tenantId);
    const redact = redactorFor(policy);
    const facts = [
      `Answered: ${report.answered.length} of ${report.answered.length + report.waiting.length}`,
      `Away: ${report.away.length}`,
      `Blockers raised: ${report.blockers}`,
      ...report.shipped.map((item) => `Shipped: ${redact(item.text)}`),
    ].join('\n');
    const messages = [
      {
        role: 'system' as const,
        content:
          'Write one plain sentence (under 200 characters) summing up a team standup for its channel. Use only the facts given. No names, no emoji, no praise.',
      },
      { role: 'user' as const, content: facts },
    ];
    const estimate = costUsd(deps.model, Math.ceil(facts.length / 4) + 60, MAX_COMPLETION_TOKENS);
    if (!checkCostLimit(policy, await deps.usage.spentUsd(tenantId, now()), estimate).allowed)
      return fallback;
    try {
      const completion = await deps.client.chat.completions.create({
        model: deps.model,
        messages,
        temperature: 0,
        max_tokens: MAX_COMPLETION_TOKENS,
      });
      const promptTokens = completion.usage?.prompt_tokens ?? Math.ceil(facts.length / 4);
      const completionTokens = completion.usage?.completion_tokens ?? 0;
      await deps.usage.record(tenantId, now(), {
        costUsd: costUsd(deps.model, promptTokens, completionTokens),
        promptTokens,
        completionTokens,
      });
      const text = completion.choices[0]?.message?.content?.trim().replace(/\s+/g, ' ') ?? '';
      return text && text.length <= MAX_SUMMARY_LENGTH ? text : fallback;
    } catch (error) {
      deps.log.warn({ err: error }, 'language model call failed; standup summary from the template');
      return fallback;
    }
  };
}

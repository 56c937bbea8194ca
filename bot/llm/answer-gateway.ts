import type OpenAI from 'openai';
import type { Logger } from 'pino';
import { buildAnswerPrompt, NO_ANSWER } from '../../handlers/ask/build-answer-prompt.ts';
import type { AnswerWriter, Passage } from '../../handlers/ask/types.ts';
import { checkCostLimit } from '../../handlers/policy/check-cost-limit.ts';
import type { Policy } from '../../handlers/policy/policy-schema.ts';
import type { LlmUsageModel } from '../../data/models/llm-usage.ts';
import { costUsd } from './pricing.ts';
import { redactorFor } from '../../handlers/policy/redact-pii.ts';

export interface AnswerGatewayDeps {
  client: OpenAI;
  model: string;
  usage: LlmUsageModel;
  /** The tenant's policy in force: its `limits.max_monthly_cost_usd` caps the tenant's monthly spend. */
  policyFor(tenantId: string): Promise<Policy>;
  log: Logger;
  now?: () => Date;
}

const MAX_COMPLETION_TOKENS = 500;

/**
 * The only way doc answers reach the language model: passages and question are redacted first, the call is
 * refused once the tenant's monthly spend would pass the cap, and what it cost is added to the tenant's
 * month (`$inc`). The model gets no tools: whatever a passage asks for, all it can do is write text.
 */
export function createAnswerGateway(deps: AnswerGatewayDeps): AnswerWriter {
  const now = deps.now ?? (() => new Date());
  return {
    async write(tenantId, question, passages) {
      const policy = await deps.policyFor(tenantId);
      const redact = redactorFor(policy);
      const redacted: Passage[] = passages.map((passage) => ({
        ...passage,
        title: redact(passage.title),
        headingPath: passage.headingPath.map(redact),
        body: redact(passage.body),
      }));
      const messages = buildAnswerPrompt(redact(question), redacted);
      const promptChars = messages.reduce((sum, message) => sum + message.content.length, 0);
      // About four characters a token; the cap check only needs an upper-ish bound.
      const estimate = costUsd(deps.model, Math.ceil(promptChars / 4), MAX_COMPLETION_TOKENS);
      const spent = await deps.usage.spentUsd(tenantId, now());
      const verdict = checkCostLimit(policy, spent, estimate);
      if (!verdict.allowed) return { kind: 'refused', reason: verdict.reason };

      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await deps.client.chat.completions.create({
          model: deps.model,
          messages,
          temperature: 0,
          max_tokens: MAX_COMPLETION_TOKENS,
        });
      } catch (error) {
        deps.log.warn({ err: error }, 'language model call failed; answering with quotes');
        return { kind: 'refused', reason: 'The language model did not answer just now.' };
      }
      const promptTokens = completion.usage?.prompt_tokens ?? Math.ceil(promptChars / 4);
      const completionTokens = completion.usage?.completion_tokens ?? 0;
      await deps.usage.record(tenantId, now(), {
        costUsd: costUsd(deps.model, promptTokens, completionTokens),
        promptTokens,
        completionTokens,
      });
      const text = completion.choices[0]?.message?.content?.trim() ?? '';
      if (!text || text.includes(NO_ANSWER)) return { kind: 'unknown' };
      return { kind: 'answer', text };
    },
  };
}

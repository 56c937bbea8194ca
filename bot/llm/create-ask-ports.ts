import type { Logger } from 'pino';
import type { Knowledge } from '../../data/knowledge/create-knowledge.ts';
import { openAiClient } from '../../data/knowledge/create-knowledge.ts';
import type { Models } from '../../data/models/index.ts';
import type { AskPorts } from '../../handlers/ask/types.ts';
import type { PolicyProvider } from '../../handlers/policy/policy-store.ts';
import type { Config } from '../config.ts';
import { createAnswerGateway } from './answer-gateway.ts';
import { llmPolicyFor } from './llm-policy.ts';

/**
 * The `ask` ports: retrieval, people and answer records from `knowledge`, plus the LLM gateway when
 * OPENAI_API_KEY is set. The monthly cap is `limits.max_monthly_cost_usd` of the tenant's policy in force (its
 * own, set with `policy set`, or POLICY_FILE's); with neither, LLM_MONTHLY_COST_CAP_USD.
 */
export function createAskPorts(
  config: Config,
  knowledge: Knowledge,
  models: Models,
  policies: PolicyProvider,
  log: Logger,
): AskPorts {
  if (!config.openai) return knowledge.ports;
  return {
    ...knowledge.ports,
    llm: createAnswerGateway({
      client: openAiClient(config.openai),
      model: config.openai.chatModel,
      usage: models.LlmUsage,
      policyFor: llmPolicyFor(config.llmMonthlyCostCapUsd, policies),
      log,
    }),
  };
}

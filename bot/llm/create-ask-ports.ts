import type { Logger } from 'pino';
import type { Knowledge } from '../../data/knowledge/create-knowledge.ts';
import { openAiClient } from '../../data/knowledge/create-knowledge.ts';
import type { Models } from '../../data/models/index.ts';
import type { AskPorts } from '../../handlers/ask/types.ts';
import { policySchema, type Policy } from '../../handlers/policy/policy-schema.ts';
import type { PolicyProvider } from '../../handlers/policy/policy-store.ts';
import type { Config } from '../config.ts';
import { createAnswerGateway } from './answer-gateway.ts';

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
  const envCapPolicy = policySchema.parse({
    actions: {},
    limits: { max_monthly_cost_usd: config.llmMonthlyCostCapUsd },
  });
  const policyFor = async (tenantId: string): Promise<Policy> => {
    const inForce = await policies.inForce(tenantId);
    return inForce.source === 'default' ? envCapPolicy : inForce.policy;
  };
  return {
    ...knowledge.ports,
    llm: createAnswerGateway({
      client: openAiClient(config.openai),
      model: config.openai.chatModel,
      usage: models.LlmUsage,
      policyFor,
      log,
    }),
  };
}

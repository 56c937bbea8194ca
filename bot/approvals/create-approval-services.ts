import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { setPolicyExecutor } from '../../data/actions/set-policy.ts';
import { createMongoApprovalStore } from '../../data/approvals/mongo-approval-store.ts';
import { createMongoAuditLedger } from '../../data/audit/mongo-audit-ledger.ts';
import type { Models } from '../../data/models/index.ts';
import { createMongoPolicyStore } from '../../data/policy/mongo-policy-store.ts';
import type { ActionExecutor, ApprovalNotifier, ApprovalServices } from '../../handlers/approvals/types.ts';
import { POLICY_SET_ACTION } from '../../handlers/policy/policy-command.ts';
import { createPolicyProvider } from '../../handlers/policy/policy-provider.ts';
import type { Metrics } from '../metrics.ts';
import { joinTrace } from '../request-context.ts';
import { approvalMetricsOf } from './approval-metrics.ts';
import { compositeNotifier } from './composite-notifier.ts';

export interface ApprovalServiceOptions {
  models: Models;
  log: Logger;
  metrics: Metrics;
  /** POLICY_FILE's text (validated at start-up), the policy of tenants that have not set their own. */
  policyFileYaml?: string;
  /** One per connected chat surface. */
  notifiers: readonly ApprovalNotifier[];
  /** Executors of outward actions, by action type, beside the built-in `policy.set`. */
  executors?: Readonly<Record<string, ActionExecutor>>;
  scheduleStep: ApprovalServices['scheduleStep'];
  now?: () => Date;
}

/** Wires the approval handlers to MongoDB, the audit ledger, the chat surfaces and the scheduler. */
export function createApprovalServices(options: ApprovalServiceOptions): ApprovalServices {
  const now = options.now ?? (() => new Date());
  const ledger = createMongoAuditLedger(options.models.AuditEvent);
  const policyStore = createMongoPolicyStore(options.models.TenantPolicy);
  const policies = createPolicyProvider(policyStore, options.policyFileYaml);
  return {
    store: createMongoApprovalStore(options.models.Approval, options.models.ApprovalClaim),
    ledger,
    policies,
    policyFor: async (tenantId) => (await policies.inForce(tenantId)).policy,
    executors: {
      ...options.executors,
      [POLICY_SET_ACTION]: setPolicyExecutor(policyStore, ledger, now),
    },
    notifier: compositeNotifier(options.notifiers),
    metrics: approvalMetricsOf(options.metrics),
    log: options.log,
    joinTrace,
    now,
    newId: randomUUID,
    scheduleStep: options.scheduleStep,
  };
}

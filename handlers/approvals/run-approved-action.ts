import { AUTO_DECIDER, auditSubjectOf } from './approval-state.ts';
import { notifySafely } from './notify-safely.ts';
import type { Approval, ApprovalDeps, ExecutionRecord } from './types.ts';

function describeOutcome(approval: Approval): string {
  const { execution } = approval;
  const what = `${approval.action_type} on ${approval.target_ref}`;
  if (execution.status === 'succeeded') return `Done: ${what}. ${execution.summary ?? ''}`.trim();
  return `${what} was approved but failed: ${execution.summary ?? 'no detail'}. It was not retried; run it again by proposing it anew.`;
}

/**
 * Runs an approved action exactly once: the execution is claimed with a conditional write (approved and not
 * started), so a double click, two approvers at once or a second instance cannot start it twice. A failure is
 * recorded and reported, never retried on its own: a person decides whether to propose it again.
 */
export async function runApprovedAction(deps: ApprovalDeps, approval: Approval): Promise<Approval> {
  const claimed = await deps.store.claimExecution(approval.tenantId, approval.id, deps.now());
  if (!claimed) return (await deps.store.get(approval.tenantId, approval.id)) ?? approval;

  const log = { traceId: claimed.trace_id, approvalId: claimed.id, actionType: claimed.action_type };
  const executor = Object.hasOwn(deps.executors, claimed.action_type)
    ? deps.executors[claimed.action_type]
    : undefined;
  let execution: ExecutionRecord;
  try {
    if (!executor) throw new Error(`em-agent cannot run ${claimed.action_type} actions yet`);
    const result = await executor(claimed, claimed.execution.idempotency_key);
    execution = {
      ...claimed.execution,
      status: 'succeeded',
      finished_at: deps.now(),
      summary: result.summary,
      url: result.url ?? null,
    };
    deps.log.info(log, 'action executed');
  } catch (error) {
    execution = {
      ...claimed.execution,
      status: 'failed',
      finished_at: deps.now(),
      summary: error instanceof Error ? error.message : String(error),
      url: null,
    };
    deps.log.warn({ ...log, err: error }, 'action failed');
  }

  const finished = (await deps.store.finishExecution(claimed.tenantId, claimed.id, execution)) ?? {
    ...claimed,
    execution,
  };
  await deps.ledger.append({
    id: `${claimed.id}:execute`,
    tenantId: claimed.tenantId,
    subject: auditSubjectOf(claimed),
    verb: 'action.execute',
    payload: {
      action_type: claimed.action_type,
      target_ref: claimed.target_ref,
      executed_payload: claimed.proposed_payload,
      idempotency_key: execution.idempotency_key,
      summary: execution.summary,
      url: execution.url,
    },
    actor: 'system:executor',
    outcome: execution.status,
    correlation_id: claimed.trace_id,
  });
  // An action the policy ran on its own answered its requester where they asked (a button, a report): a
  // "Done" DM on top is noise. A failure is still told, since nothing else says it.
  const ranUnasked = claimed.decided_by === AUTO_DECIDER && execution.status === 'succeeded';
  await notifySafely(
    deps,
    finished,
    deps.notifier.refresh(finished),
    ranUnasked ? Promise.resolve() : deps.notifier.tellRequester(finished, describeOutcome(finished)),
  );
  return finished;
}

import type { Agenda } from 'agenda';
import { advanceApproval } from '../handlers/approvals/advance-approval.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const ADVANCE_APPROVAL_JOB = 'advance-approval';

interface AdvanceApprovalData extends Record<string, unknown> {
  tenantId: string;
  approvalId: string;
}

/**
 * One job per pending approval, due at its next reminder, escalation or expiry (working hours already
 * applied by the policy engine). A run takes the step that is due and schedules the next.
 */
export function define(agenda: Agenda, deps: JobDeps): void {
  const { approvals } = deps;
  if (!approvals) return;
  defineJob<AdvanceApprovalData>(
    agenda,
    ADVANCE_APPROVAL_JOB,
    deps,
    async (job) => {
      const { tenantId, approvalId } = job.attrs.data;
      // Agenda saves the job's own nextRunAt when the run ends, so the next step is set here, not re-created.
      job.attrs.nextRunAt = await advanceApproval(approvals, tenantId, approvalId);
    },
    { lockLifetimeMs: 60_000 },
  );
}

/**
 * Schedules the advance job of a new approval. Each approval gets one job, created when it is proposed; its
 * runs move it along by setting its own nextRunAt, so no lookup for an existing job is needed (a unique
 * upsert would scan the whole jobs collection on FerretDB).
 */
export async function scheduleApprovalStep(
  agenda: Agenda,
  tenantId: string,
  approvalId: string,
  at: Date,
): Promise<void> {
  await agenda.schedule<AdvanceApprovalData>(at, ADVANCE_APPROVAL_JOB, { tenantId, approvalId });
}

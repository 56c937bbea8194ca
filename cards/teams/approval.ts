import type { ApprovalSummary, ApprovalView } from '../../handlers/types.ts';
import {
  adaptiveCard,
  clip,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type ExecuteAction,
} from './types.ts';

/** The verbs the approval card's buttons send; bot/teams/routes handles each. */
export const APPROVAL_VERBS = {
  approve: 'approval.approve',
  decline: 'approval.decline',
  modify: 'approval.modify',
  refresh: 'approval.refresh',
  open: 'approval.open',
} as const;

/** Input ids of the Modify form; Teams merges their values into the action's data. */
export const MODIFY_INPUTS = { payload: 'payload', reason: 'reason' } as const;

/** Teams refreshes a card automatically for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

/** Keeps the Modify box within what a card comfortably carries (Teams caps a message at about 28 KB). */
const MODIFY_TEXT_LIMIT = 20_000;

export interface ApprovalCardOptions {
  /** Adds `refresh` so Teams asks the bot for each viewer's own card: listed MRIs (capped at 60), or all when empty. */
  refreshUserIds?: readonly string[];
  /** The full payload as JSON, to prefill Modify (the view only carries a preview). */
  payloadJson?: string;
  /** Shown in red at the top: why a decision was refused, or what is wrong with a modified payload. */
  problem?: string;
  /** What the person typed into Modify, kept when it was refused so they can fix it. */
  modifyDraft?: string;
}

const STATUS_TITLE = {
  pending: 'Waiting for approval',
  approved: 'Approved',
  declined: 'Declined',
  expired: 'Expired',
} as const;

const STATUS_COLOR = {
  pending: 'Accent',
  approved: 'Good',
  declined: 'Attention',
  expired: 'Warning',
} as const;

/** `2026-11-24T10:00:00.000Z` → `2026-11-24 10:00 UTC`: the same for every viewer, whatever their clock. */
export function formatWhen(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function progressOf(approval: ApprovalSummary): string {
  if (approval.mode === 'ask') return 'Needs the requester to confirm';
  const given = approval.approvedBy.length;
  const by = given > 0 ? ` (${approval.approvedBy.join(', ')})` : '';
  return `${given} of ${approval.approvalsNeeded} approval${approval.approvalsNeeded === 1 ? '' : 's'}${by}`;
}

function outcomeOf(approval: ApprovalSummary): string | undefined {
  if (approval.status === 'pending') return undefined;
  if (approval.status === 'expired') return 'Nobody decided in time, so it was declined.';
  const who = approval.decidedBy ? ` by ${approval.decidedBy}` : '';
  const why = approval.reason ? `: ${approval.reason}` : '.';
  return `${approval.status === 'approved' ? 'Approved' : 'Declined'}${who}${why}`;
}

function resultOf(approval: ApprovalSummary): string | undefined {
  const { execution } = approval;
  if (approval.status !== 'approved') return undefined;
  const link = execution.url ? ` ${execution.url}` : '';
  switch (execution.status) {
    case 'not_started':
    case 'running':
      return 'Running now.';
    case 'succeeded':
      return `Done. ${execution.summary ?? ''}${link}`.trim();
    case 'failed':
      return `Failed: ${execution.summary ?? 'no detail'}. It was not retried.`;
  }
}

function facts(approval: ApprovalSummary): { title: string; value: string }[] {
  const rows = [
    { title: 'Action', value: approval.actionType },
    { title: 'Target', value: clip(approval.targetRef, 300) },
    { title: 'Risk', value: approval.risk },
    { title: 'Asked by', value: approval.requester },
    { title: 'Approvals', value: progressOf(approval) },
  ];
  if (approval.status === 'pending' && approval.expiresAt) {
    rows.push({ title: 'Expires', value: formatWhen(approval.expiresAt) });
  }
  const outcome = outcomeOf(approval);
  if (outcome) rows.push({ title: 'Outcome', value: clip(outcome, 500) });
  const result = resultOf(approval);
  if (result) rows.push({ title: 'Result', value: clip(result, 1_000) });
  return rows;
}

function execute(
  title: string,
  verb: string,
  approvalId: string,
  style?: ExecuteAction['style'],
): ExecuteAction {
  return { type: 'Action.Execute', title, verb, data: { approvalId }, ...(style ? { style } : {}) };
}

function decisionActions(view: ApprovalView, options: ApprovalCardOptions): CardAction[] {
  const { id } = view.approval;
  const payload = options.modifyDraft ?? options.payloadJson ?? view.approval.payloadPreview;
  return [
    execute(view.approval.mode === 'ask' ? 'Confirm' : 'Approve', APPROVAL_VERBS.approve, id, 'positive'),
    execute('Decline', APPROVAL_VERBS.decline, id, 'destructive'),
    {
      type: 'Action.ShowCard',
      title: 'Modify',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: MODIFY_INPUTS.payload,
            label: 'Payload (JSON). Your change counts as your approval.',
            value: clip(payload, MODIFY_TEXT_LIMIT),
            isMultiline: true,
            maxLength: MODIFY_TEXT_LIMIT,
          },
          {
            type: 'Input.Text',
            id: MODIFY_INPUTS.reason,
            label: 'Why (optional)',
            placeholder: 'What you changed and why',
            maxLength: 2_000,
          },
        ],
        actions: [execute('Approve with changes', APPROVAL_VERBS.modify, id, 'positive')],
      },
    },
  ];
}

/**
 * The approval request as an Adaptive Card: what would run, on what, its risk, who asked, the payload, why the
 * policy asks, quorum progress and expiry; the buttons only when `view.decidable`; the outcome once closed.
 */
export function renderApprovalForTeams(view: ApprovalView, options: ApprovalCardOptions = {}): AdaptiveCard {
  const { approval } = view;
  const title = `${STATUS_TITLE[approval.status]}: ${approval.actionType}`;
  const body: CardElement[] = [];
  if (options.problem) {
    body.push({ type: 'TextBlock', text: clip(options.problem, 1_000), wrap: true, color: 'Attention' });
  }
  if (view.note) body.push({ type: 'TextBlock', text: clip(view.note, 500), wrap: true, isSubtle: true });
  body.push(
    {
      type: 'TextBlock',
      text: title,
      wrap: true,
      weight: 'Bolder',
      size: 'Medium',
      color: STATUS_COLOR[approval.status],
    },
    { type: 'FactSet', facts: facts(approval) },
    {
      type: 'TextBlock',
      text: approval.modified ? 'Payload (modified by an approver)' : 'Payload',
      wrap: true,
      weight: 'Bolder',
      spacing: 'Medium',
    },
    { type: 'TextBlock', text: approval.payloadPreview, wrap: true, fontType: 'Monospace', spacing: 'Small' },
  );
  if (approval.reasons.length > 0) {
    body.push({
      type: 'TextBlock',
      text: approval.reasons.map((reason) => `- ${clip(reason, 500)}`).join('\n'),
      wrap: true,
      isSubtle: true,
      spacing: 'Medium',
    });
  }
  const card = adaptiveCard(
    `${title} on ${clip(approval.targetRef, 200)} (${approval.risk} risk), asked by ${approval.requester}.`,
    body,
    view.decidable && approval.status === 'pending' ? decisionActions(view, options) : [],
  );
  if (approval.status !== 'pending' || !options.refreshUserIds) return card;
  return {
    ...card,
    refresh: {
      action: execute('Refresh', APPROVAL_VERBS.refresh, approval.id),
      ...(options.refreshUserIds.length > 0
        ? { userIds: options.refreshUserIds.slice(0, MAX_REFRESH_USERS) }
        : {}),
    },
  };
}

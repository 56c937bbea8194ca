import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { decideApproval, type DecisionRefusal } from '../../handlers/approvals/decide-approval.ts';
import { proposeAction } from '../../handlers/approvals/propose-action.ts';
import type { Approval, ApprovalServices } from '../../handlers/approvals/types.ts';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError, type CodedError } from '../errors.ts';
import { currentRequestContext } from '../request-context.ts';

const userId = z.string().trim().min(3).max(200);
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;

const proposalBody = z
  .object({
    action_type: z.string().trim().min(1).max(100),
    target_ref: z.string().trim().min(1).max(500),
    proposed_payload: z.record(z.string(), z.unknown()).default({}),
    requester: userId,
    model_version: z.string().trim().max(100).nullish(),
    /** The channel the action would post to, for the policy's channel checks. */
    channel: z
      .object({
        name: z.string().max(100).optional(),
        is_public: z.boolean().optional(),
        member_count: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
    /** Where to show the request and post the result. */
    conversation: z
      .object({ surface: z.enum(['slack', 'teams']), id: z.string().min(1).max(300) })
      .strict()
      .optional(),
  })
  .strict();

const decisionBody = z
  .object({
    decision: z.enum(['approve', 'decline', 'modify']),
    decided_by: userId,
    reason: z.string().max(2_000).nullish(),
    payload: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((body) => body.decision !== 'modify' || body.payload !== undefined, {
    path: ['payload'],
    message: 'modify needs the new payload',
  });

function parseBody<T>(schema: z.ZodType<T>, req: Request): T {
  if (req.body === undefined)
    throw new BadRequestError('Send a JSON body with Content-Type: application/json.');
  const parsed = schema.safeParse(req.body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  throw new BadRequestError(problems.join('; '));
}

/** An approval in the field names of the data model (`approvals(id, action_type, target_ref, …)`). */
export function approvalJson(approval: Approval) {
  const { tenantId: _tenant, version: _version, messages: _messages, original_payload, ...fields } = approval;
  return { ...fields, original_payload };
}

const REFUSAL_ERRORS: Record<DecisionRefusal, new (message: string) => CodedError> = {
  not_found: NotFoundError,
  invalid_payload: BadRequestError,
  closed: ConflictError,
  already_decided: ConflictError,
  nothing_to_decide: ConflictError,
  requester: ForbiddenError,
  not_requester: ForbiddenError,
  not_approver: ForbiddenError,
  no_approvers: ForbiddenError,
};

/** `/v1/actions/propose` and `/v1/approvals/…`; mounted behind the API token check, which sets the tenant. */
export function approvalRoutes(approvals: ApprovalServices): Router {
  const router = Router();

  router.post('/v1/actions/propose', async (req, res) => {
    const body = parseBody(proposalBody, req);
    const tenantId = res.locals.tenantId as string;
    const key = req.get('idempotency-key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new BadRequestError('Idempotency-Key must be 1 to 200 letters, digits or ._:- characters.');
    }
    const result = await proposeAction(approvals, {
      ...(key
        ? { id: `key-${createHash('sha256').update(`${tenantId}\n${key}`).digest('hex').slice(0, 40)}` }
        : {}),
      tenantId,
      ...body,
      channel: body.channel && {
        name: body.channel.name,
        isPublic: body.channel.is_public,
        memberCount: body.channel.member_count,
      },
      trace_id: currentRequestContext()?.requestId,
    });
    if (!result.ok) throw new BadRequestError(result.problem);
    const { approval } = result;
    res.status(result.replayed ? 200 : 201).json({
      action_id: approval.id,
      risk: approval.risk_level,
      mode: approval.mode,
      ttl: approval.ttl,
      status: approval.status,
      expires_at: approval.expires_at,
      reasons: approval.reasons,
      trace_id: approval.trace_id,
      execution: approval.execution,
    });
  });

  router.get('/v1/approvals/:id', async (req, res) => {
    const approval = await approvals.store.get(res.locals.tenantId as string, req.params.id!);
    if (!approval) throw new NotFoundError(`No approval ${req.params.id} in this tenant.`);
    approvals.joinTrace(approval.trace_id);
    res.json(approvalJson(approval));
  });

  router.post('/v1/approvals/:id/decision', async (req, res) => {
    const body = parseBody(decisionBody, req);
    const result = await decideApproval(approvals, {
      tenantId: res.locals.tenantId as string,
      approvalId: req.params.id!,
      // Over the API only people named in the policy's `users` count: group and role membership is known
      // only to the chat surfaces.
      decider: { userId: body.decided_by },
      decision: body.decision,
      reason: body.reason ?? null,
      payload: body.payload,
    });
    if (!result.ok) throw new REFUSAL_ERRORS[result.code](result.message);
    res.json({ message: result.message, approval: approvalJson(result.approval) });
  });

  return router;
}

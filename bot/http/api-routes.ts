import express, { Router } from 'express';
import type { ApprovalServices } from '../../handlers/approvals/types.ts';
import type { SprintPorts } from '../../handlers/sprint/ports.ts';
import { approvalRoutes } from './approval-routes.ts';
import { sprintRoutes } from './sprint-routes.ts';
import { BODY_LIMIT } from './create-http-app.ts';
import { requireApiToken, type ApiTokenOptions } from './require-api-token.ts';

/** The REST API under /v1: every route needs a tenant API token. Features add their routes here. */
export function apiRoutes(auth: ApiTokenOptions, approvals: ApprovalServices, sprint?: SprintPorts): Router {
  const router = Router();
  router.use('/v1', requireApiToken(auth), express.json({ limit: BODY_LIMIT }));
  router.get('/v1/tenant', (_req, res) => {
    res.json({ tenantId: res.locals.tenantId });
  });
  router.use(approvalRoutes(approvals));
  if (sprint) router.use(sprintRoutes(sprint));
  return router;
}

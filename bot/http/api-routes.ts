import express, { Router } from 'express';
import type { ApprovalServices } from '../../handlers/approvals/types.ts';
import { approvalRoutes } from './approval-routes.ts';
import { BODY_LIMIT } from './create-http-app.ts';
import { buildOpenApiDocument } from './openapi/openapi-document.ts';
import { requireApiToken, type ApiTokenOptions } from './require-api-token.ts';

/**
 * The REST API under /v1: every route needs a tenant API token, but for the OpenAPI document, which describes
 * the routes and holds no tenant's data. Features add their routes here.
 */
export function apiRoutes(
  auth: ApiTokenOptions,
  approvals: ApprovalServices,
  features: Router[] = [],
): Router {
  const router = Router();
  const openapi = buildOpenApiDocument();
  router.get('/v1/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  router.use('/v1', requireApiToken(auth), express.json({ limit: BODY_LIMIT }));
  router.get('/v1/tenant', (_req, res) => {
    res.json({ tenantId: res.locals.tenantId });
  });
  router.use(approvalRoutes(approvals));
  for (const feature of features) router.use(feature);
  return router;
}

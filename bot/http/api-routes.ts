import { Router } from 'express';
import { requireApiToken, type ApiTokenOptions } from './require-api-token.ts';

/** The REST API under /v1: every route needs a tenant API token. Features add their routes here. */
export function apiRoutes(auth: ApiTokenOptions): Router {
  const router = Router();
  router.use('/v1', requireApiToken(auth));
  router.get('/v1/tenant', (_req, res) => {
    res.json({ tenantId: res.locals.tenantId });
  });
  return router;
}

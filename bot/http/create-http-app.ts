import express, { type Router } from 'express';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import { handleErrors, notFound } from './error-handler.ts';
import { healthRoutes, type ReadinessProbe } from './health-routes.ts';
import { measureRequests } from './metrics-middleware.ts';
import { requestContext } from './request-context-middleware.ts';

/** Request bodies larger than this are refused with 413 on every endpoint. */
export const BODY_LIMIT = '1mb';

export interface HttpAppParts {
  log: Logger;
  metrics: Metrics;
  probe: ReadinessProbe;
  /** Routers for the chat surfaces and, later, webhooks and the REST API. */
  routers: Router[];
}

export function createHttpApp({ log, metrics, probe, routers }: HttpAppParts): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(requestContext, measureRequests(metrics));
  app.use(healthRoutes(probe, metrics));
  for (const router of routers) app.use(router);
  app.use(notFound);
  app.use(handleErrors(log));
  return app;
}

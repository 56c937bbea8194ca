import type { RequestHandler } from 'express';
import type { Metrics } from '../metrics.ts';

/** Where requests can be answered before a route matches (auth, body limits): labelled by mount, not path. */
const MOUNTS = ['/slack/events', '/api/messages', '/v1'];

function routeLabel(req: Parameters<RequestHandler>[0]): string {
  if (req.route?.path) return `${req.baseUrl}${String(req.route.path)}`;
  const mount = MOUNTS.find((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`));
  return mount ? `${mount}*` : 'unmatched';
}

/** Counts and times every request by its route template (never the raw path: ids would explode cardinality). */
export function measureRequests(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const stopTimer = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeLabel(req), status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      stopTimer(labels);
    });
    next();
  };
}

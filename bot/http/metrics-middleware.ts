import type { RequestHandler } from 'express';
import type { Metrics } from '../metrics.ts';

/** Counts and times every request by its route template (never the raw path: ids would explode cardinality). */
export function measureRequests(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const stopTimer = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const route = req.route?.path
        ? `${req.baseUrl}${String(req.route.path)}`
        : res.statusCode === 404
          ? 'unmatched'
          : req.path;
      const labels = { method: req.method, route, status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      stopTimer(labels);
    });
    next();
  };
}

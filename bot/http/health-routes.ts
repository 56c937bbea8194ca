import { Router } from 'express';
import type { Metrics } from '../metrics.ts';

export interface ReadinessProbe {
  /** True when the database answers a ping. */
  database(): Promise<boolean>;
  /** When the scheduler last finished its heartbeat job, if ever. */
  schedulerLastTick(): Promise<Date | undefined>;
  /** False once shutdown has begun, so load balancers stop sending traffic. */
  accepting(): boolean;
}

export function healthRoutes(probe: ReadinessProbe, metrics: Metrics): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [database, lastTick] = await Promise.all([
      probe.database(),
      probe.schedulerLastTick().catch(() => undefined),
    ]);
    const accepting = probe.accepting();
    const ready = database && accepting;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      database: database ? 'ok' : 'unreachable',
      shuttingDown: !accepting,
      schedulerLastTick: lastTick?.toISOString() ?? null,
    });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}

import { Router } from 'express';
import { z } from 'zod';
import {
  buildMetricAnswer,
  DORA_METRICS,
  type DoraMetric,
} from '../../handlers/metrics/build-metric-answer.ts';
import type { MetricsSurfacePorts } from '../../handlers/metrics/dora-command.ts';
import { DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, readDay } from '../../handlers/metrics/parse-range.ts';
import type { MetricsScope } from '../../handlers/metrics/ports.ts';
import type { TimeRange } from '../../handlers/metrics/types.ts';
import type { StandupStore } from '../../handlers/standup/types.ts';
import { BadRequestError, NotConfiguredError, NotFoundError } from '../errors.ts';

const DAY_MS = 24 * 3600 * 1000;
const ISO_8601 = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const REPO = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;

const query = z
  .object({
    from: z.string().max(40).optional(),
    to: z.string().max(40).optional(),
    team: z.string().trim().min(1).max(100).optional(),
    repo: z.string().regex(REPO, 'must be owner/name').optional(),
    service: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export interface MetricsRouteDeps {
  /** Absent until a metrics reader is configured: the routes answer 503. */
  metrics?: MetricsSurfacePorts;
  standups?: Pick<StandupStore, 'list'>;
}

/** An ISO 8601 date (`2026-09-01`, midnight UTC) or date-time with a zone; a 400 for anything else. */
function readInstant(name: string, text: string): Date {
  const match = ISO_8601.exec(text);
  const at = match && readDay(match[1]!) ? new Date(match[2] ? text : `${text}T00:00:00Z`) : undefined;
  if (!at || Number.isNaN(at.getTime())) {
    throw new BadRequestError(`${name}: "${text}" is not an ISO 8601 date or date-time with a zone`);
  }
  return at;
}

/** `from` (inclusive) and `to` (exclusive); without them the last 30 days to the end of today (UTC). */
function readRange(from: string | undefined, to: string | undefined, now: Date): TimeRange {
  const endOfToday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const end = to ? readInstant('to', to) : endOfToday;
  const start = from ? readInstant('from', from) : new Date(end.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (end <= start) throw new BadRequestError('from must be before to');
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new BadRequestError(`the range may span at most ${MAX_RANGE_DAYS} days`);
  }
  return { from: start, to: end };
}

async function readScope(
  tenantId: string,
  filters: { team?: string; repo?: string; service?: string },
  standups: Pick<StandupStore, 'list'> | undefined,
): Promise<MetricsScope> {
  const given = [filters.team, filters.repo, filters.service].filter((value) => value !== undefined);
  if (given.length > 1) throw new BadRequestError('give at most one of team, repo and service');
  if (filters.repo) return { kind: 'repo', repo: filters.repo };
  if (filters.service) return { kind: 'service', service: filters.service };
  if (filters.team) {
    const wanted = filters.team.toLowerCase();
    const team = (await standups?.list(tenantId))?.find((standup) => standup.name.toLowerCase() === wanted);
    if (!team) throw new NotFoundError(`no team called "${filters.team}" (a team is a standup's name)`);
    return { kind: 'team', team: team.name };
  }
  return { kind: 'tenant' };
}

/** `GET /v1/metrics/dora/{metric}`: one of DORA's five keys for the token's tenant, from the stored rollups. */
export function metricsRoutes(deps: MetricsRouteDeps): Router {
  const router = Router();
  router.get('/v1/metrics/dora/:metric', async (req, res) => {
    const metric = req.params.metric as DoraMetric;
    if (!DORA_METRICS.includes(metric)) {
      throw new NotFoundError(`no DORA metric "${req.params.metric}": one of ${DORA_METRICS.join(', ')}`);
    }
    const parsed = query.safeParse(req.query);
    if (!parsed.success) {
      throw new BadRequestError(
        parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; '),
      );
    }
    if (!deps.metrics) throw new NotConfiguredError('Delivery metrics are not set up on this server.');
    const tenantId = res.locals.tenantId as string;
    const range = readRange(parsed.data.from, parsed.data.to, deps.metrics.now());
    const scope = await readScope(tenantId, parsed.data, deps.standups);
    const [figures, settings] = await Promise.all([
      deps.metrics.reader.readDora(tenantId, scope, range),
      deps.metrics.reader.settingsOf(tenantId),
    ]);
    res.json(buildMetricAnswer(metric, figures, scope, range, settings.reportYear));
  });
  return router;
}

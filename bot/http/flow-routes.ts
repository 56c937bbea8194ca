import { Router, type Request } from 'express';
import { z } from 'zod';
import { measureFor } from '../../handlers/metrics/duration-mode.ts';
import { measureFlow } from '../../handlers/metrics/measure-flow.ts';
import { flowFigureJson } from '../../handlers/flow/flow-json.ts';
import type { FlowFacts, FlowPorts } from '../../handlers/flow/flow-ports.ts';
import { FLOW_FIGURES, type FlowFigureId } from '../../handlers/flow/flow-view.ts';
import { FLOW_RANGE_LIMITS } from '../../handlers/flow/flow-command.ts';
import type { StandupStore } from '../../handlers/standup/types.ts';
import { BadRequestError, NotFoundError } from '../errors.ts';

const DAY_MS = 86_400_000;
const instant = z.iso.datetime({ offset: true }).or(z.iso.date());
const query = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    repo: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/name')
      .optional(),
    team: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

/**
 * `/v1/metrics/flow` and `/v1/metrics/flow/<figure>`: team-level flow figures as JSON for the token's tenant,
 * over `?from=&to=` (ISO 8601; default the last 14 days), narrowed by `repo` or `team`. There is no person
 * filter: a person's own figures are theirs, in chat.
 */
export function flowRoutes(ports: FlowPorts, standups?: StandupStore): Router {
  const router = Router();

  async function answerOf(req: Request, tenantId: string) {
    const parsed = query.safeParse(req.query);
    if (!parsed.success)
      throw new BadRequestError(
        parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; '),
      );
    const { from, to, repo, team } = parsed.data;
    if (repo && team) throw new BadRequestError('Give repo or team, not both.');
    const now = ports.now();
    const end = to ? new Date(to) : now;
    const start = from ? new Date(from) : new Date(end.getTime() - FLOW_RANGE_LIMITS.defaultDays * DAY_MS);
    if (!(start < end)) throw new BadRequestError('from must be before to.');
    if (end.getTime() - start.getTime() > FLOW_RANGE_LIMITS.maxDays * DAY_MS)
      throw new BadRequestError(`A range is at most ${FLOW_RANGE_LIMITS.maxDays} days.`);
    let facts: FlowFacts = { kind: 'tenant' };
    if (repo) {
      const known = await ports.findRepo(tenantId, repo);
      if (!known) throw new NotFoundError(`No repository ${repo} is known to this tenant.`);
      facts = { kind: 'repo', repo: known };
    } else if (team) {
      const found = (await standups?.list(tenantId))?.find(
        (standup) => standup.name.toLowerCase() === team.toLowerCase(),
      );
      if (!found) throw new NotFoundError(`No team (standup) called ${team}.`);
      facts = { kind: 'people', ...(await ports.accountsOf(tenantId, found.members)) };
    }
    const range = { from: start, to: end };
    const [settings, calendar, loaded] = await Promise.all([
      ports.settingsOf(tenantId),
      ports.teamCalendar(tenantId),
      ports.load(tenantId, facts, range),
    ]);
    const answer = measureFlow(loaded.input, range, now, measureFor(settings.ageMode, calendar));
    return {
      answer,
      meta: {
        from: start.toISOString(),
        to: end.toISOString(),
        scope: repo ? { repo } : team ? { team } : { tenant: true },
        ageMode: settings.ageMode,
        truncated: loaded.truncated,
      },
    };
  }

  router.get('/v1/metrics/flow', async (req, res) => {
    const { answer, meta } = await answerOf(req, res.locals.tenantId as string);
    res.json({ ...meta, figures: FLOW_FIGURES.map((figure) => flowFigureJson(answer, figure)) });
  });
  router.get('/v1/metrics/flow/:figure', async (req, res) => {
    const figure = req.params.figure as FlowFigureId;
    if (!FLOW_FIGURES.includes(figure))
      throw new NotFoundError(`No flow figure ${req.params.figure}: try ${FLOW_FIGURES.join(', ')}.`);
    const { answer, meta } = await answerOf(req, res.locals.tenantId as string);
    res.json({ ...meta, ...flowFigureJson(answer, figure) });
  });
  return router;
}

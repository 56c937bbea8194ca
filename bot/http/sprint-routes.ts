import { Router } from 'express';
import { selectSprint } from '../../handlers/sprint/select-sprint.ts';
import { measureChosenSprint } from '../../handlers/sprint/sprint-command.ts';
import type { SprintPorts } from '../../handlers/sprint/ports.ts';
import type { SprintHealth, SprintItem, WorkCount } from '../../handlers/sprint/types.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.ts';

const iso = (date: Date | undefined) => date?.toISOString() ?? null;

const item = ({ issueId, key, summary, points }: SprintItem) => ({
  issue_id: issueId,
  key,
  summary: summary ?? null,
  points: points ?? null,
});

const counted = (count: WorkCount & { items: SprintItem[] }) => ({
  issues: count.issues,
  points: count.points,
  items: count.items.map(item),
});

/** A sprint's health in the REST API's snake_case field names; dates are ISO 8601 UTC. */
export function sprintHealthJson(health: SprintHealth) {
  const { sprint } = health;
  return {
    sprint: {
      id: sprint.sprintId,
      name: sprint.name ?? null,
      state: sprint.state ?? null,
      board_id: sprint.boardId ?? null,
      goal: sprint.goal ?? null,
      start_date: iso(sprint.startDate),
      end_date: iso(sprint.endDate),
      complete_date: iso(sprint.completeDate),
    },
    as_of: health.asOf.toISOString(),
    closed: health.closed,
    elapsed: health.elapsed,
    unit: health.unit,
    verdict: {
      level: health.verdict.level,
      reasons: health.verdict.reasons.map((reason) => ({ severity: reason.severity, text: reason.text })),
    },
    committed: counted(health.committed),
    completed: counted(health.completed),
    completed_of_committed: health.completedOfCommitted,
    added: counted(health.added),
    removed: counted(health.removed),
    not_done: counted(health.notDone),
    carry_over: {
      issues: health.carryOver.issues,
      items: health.carryOver.items.map((carried) => ({ ...item(carried), sprints: carried.sprints })),
    },
    blocked: health.blocked.map((blocked) => ({
      ...item(blocked),
      reason: blocked.reason,
      since: iso(blocked.since),
      working_days: blocked.workingDays ?? null,
    })),
    burndown: health.burndown.map((point) => ({
      day: point.day,
      at: point.at.toISOString(),
      remaining: point.remaining ?? null,
      ideal: point.ideal,
    })),
    basis: {
      snapshot: health.basis.snapshot,
      from_history: health.basis.fromHistory,
      assumed: health.basis.assumed,
    },
  };
}

export type SprintHealthJson = ReturnType<typeof sprintHealthJson>;

/** `GET /v1/metrics/sprints/{id}`: mounted behind the API token check, which sets the tenant. */
export function sprintRoutes(ports: SprintPorts): Router {
  const router = Router();
  router.get('/v1/metrics/sprints/:id', async (req, res) => {
    const id = req.params.id;
    if (!/^\d{1,12}$/.test(id))
      throw new BadRequestError("The sprint id is Jira's numeric sprint id, e.g. 37.");
    const tenantId = res.locals.tenantId as string;
    const sprints = await ports.source.sprints(tenantId);
    const choice = selectSprint(sprints, '', Number(id));
    if (!choice.ok && choice.problem !== 'not-started')
      throw new NotFoundError(`No sprint ${id} in this tenant.`);
    if (!choice.ok)
      throw new ConflictError(`Sprint ${id} has not started; its health begins when it starts.`);
    const health = await measureChosenSprint(ports, tenantId, choice);
    if (!health) throw new ConflictError(`Sprint ${id} has not started; its health begins when it starts.`);
    res.json(sprintHealthJson(health));
  });
  return router;
}

import type { FlowPorts } from '../flow/flow-ports.ts';
import { agingOf } from '../flow/build-flow-view.ts';
import { measureFor } from '../metrics/duration-mode.ts';
import { measureFlow, type FlowAnswer } from '../metrics/measure-flow.ts';
import type { DoraFromRollups } from '../metrics/dora-rollup.ts';
import type { MetricsReader } from '../metrics/ports.ts';
import { selectSprint } from '../sprint/select-sprint.ts';
import { measureChosenSprint } from '../sprint/sprint-command.ts';
import type { SprintPorts } from '../sprint/ports.ts';
import type { Standup } from '../standup/types.ts';
import type { DigestWeek } from './digest-week.ts';
import type { DigestInput, WeekFigures } from './types.ts';

/** Where the digest's figures come from: the same readers as `/dora`, `/flow` and `sprint`. */
export interface DigestSources {
  metrics: MetricsReader;
  /** Throughput, WIP and aging; without it those read as unchanged. */
  flow?: FlowPorts;
  /** The active sprint's verdict; without it the digest has no sprint line. */
  sprint?: SprintPorts;
}

const isoDay = (at: Date) => at.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

function figuresOf(dora: DoraFromRollups, flow: FlowAnswer | undefined): WeekFigures {
  return {
    deployments: dora.deployments,
    leadTimeP50: dora.leadTime.p50,
    changeFailureRate: dora.changeFailureRate,
    timeToRestoreP50: dora.mttr.p50,
    throughput: flow?.throughput.total ?? 0,
    wip: flow?.wip.total ?? 0,
    prCoverage: dora.prCoverage,
  };
}

/** The team's two weeks of flow (its members' linked GitHub and Jira accounts), or undefined without flow. */
async function readFlow(
  flow: FlowPorts | undefined,
  standup: Standup,
  week: DigestWeek,
  now: Date,
): Promise<{ current: FlowAnswer; previous: FlowAnswer; mode: 'calendar' | 'working' } | undefined> {
  if (!flow) return undefined;
  const { tenantId } = standup;
  const accounts = await flow.accountsOf(tenantId, standup.members);
  const [settings, calendar, loaded] = await Promise.all([
    flow.settingsOf(tenantId),
    flow.teamCalendar(tenantId),
    flow.load(tenantId, { kind: 'people', ...accounts }, { from: week.previous.from, to: week.reported.to }),
  ]);
  const measure = measureFor(settings.ageMode, calendar);
  return {
    current: measureFlow(loaded.input, week.reported, now, measure),
    previous: measureFlow(loaded.input, week.previous, now, measure),
    mode: settings.ageMode,
  };
}

/**
 * The active sprint's verdict and its weightiest reason, when the tenant has exactly one active sprint: sprints
 * belong to boards, not to teams, so with several active the digest cannot tell which is this team's.
 */
async function readSprint(sprint: SprintPorts | undefined, tenantId: string): Promise<DigestInput['sprint']> {
  if (!sprint) return undefined;
  const choice = selectSprint(await sprint.source.sprints(tenantId), '');
  if (!choice.ok || choice.sprint.state !== 'active' || choice.others.length > 0) return undefined;
  const health = await measureChosenSprint(sprint, tenantId, choice);
  if (!health) return undefined;
  const reason = health.verdict.reasons.find((candidate) => candidate.severity === health.verdict.level);
  return {
    name: health.sprint.name ?? String(health.sprint.sprintId),
    level: health.verdict.level,
    ...(health.verdict.level !== 'on-track' && reason ? { reason: reason.text } : {}),
  };
}

/** Everything the digest is chosen from, for one team and week: team figures only, nobody's own. */
export async function readDigestInput(
  sources: DigestSources,
  standup: Standup,
  week: DigestWeek,
  now: Date,
): Promise<DigestInput> {
  const { tenantId } = standup;
  const scope = { kind: 'team' as const, team: standup.name };
  const [current, previous, flow, sprint] = await Promise.all([
    sources.metrics.readDora(tenantId, scope, week.reported),
    sources.metrics.readDora(tenantId, scope, week.previous),
    readFlow(sources.flow, standup, week, now),
    readSprint(sources.sprint, tenantId),
  ]);
  return {
    team: standup.name,
    from: isoDay(week.reported.from),
    to: isoDay(new Date(week.reported.to.getTime() - DAY_MS)),
    current: figuresOf(current, flow?.current),
    previous: figuresOf(previous, flow?.previous),
    aging: flow ? agingOf(flow.current, flow.mode).map((item) => ({ ref: item.ref, age: item.age })) : [],
    ...(sprint ? { sprint } : {}),
  };
}

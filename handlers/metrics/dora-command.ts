import { formatUsage } from '../catalog.ts';
import type { StandupStore } from '../standup/types.ts';
import type { Actor, CommandInput, CommandPorts, NoticeView, Reply, View } from '../types.ts';
import { buildDoraView } from './build-dora-view.ts';
import { buildDoraWhy } from './build-dora-why.ts';
import { DORA_ACTIONS, type DoraVerb } from './dora-actions.ts';
import type { DoraActionPayload, DoraView } from './dora-view.ts';
import { parseRange, previousPeriod, readDay, startsRange, weeksOf } from './parse-range.ts';
import type { MetricsReader, MetricsScope, TenantMetricsSettings } from './ports.ts';
import { resolveMetricsScope } from './resolve-metrics-scope.ts';
import type { TimeRange } from './types.ts';

export const DORA_ARGS = '[team | owner/repo | service] [last 30d | 2026-Q3 | since 2026-09-01]';

/** What `/dora` and its buttons read; absent until a metrics reader is configured. */
export interface MetricsSurfacePorts {
  reader: MetricsReader;
  now(): Date;
}

const notSetUp = (): NoticeView => ({
  kind: 'notice',
  tone: 'info',
  title: 'Delivery metrics are not set up yet',
  body: 'They need GitHub deployments (or releases, or a deploy workflow) and the daily metrics rollups. Ask whoever runs em-agent to turn them on.',
});

/** Splits `team-a last 30d` into the scope (the words before the range) and the range. */
export function splitDoraArgs(args: readonly string[]): { scope: string; range: string } {
  const start = args.findIndex(startsRange);
  const at = start === -1 ? args.length : start;
  return { scope: args.slice(0, at).join(' '), range: args.slice(at).join(' ') };
}

/** The figures of a scope and range: the range, the period before it (trend) and each week (charts). */
export async function readDoraView(
  tenantId: string,
  scope: MetricsScope,
  scopeLabel: string,
  range: TimeRange,
  action: DoraActionPayload,
  reader: MetricsReader,
  settings: TenantMetricsSettings,
): Promise<DoraView> {
  const weeks = weeksOf(range);
  const [current, previous, ...weekly] = await reader.readDoraRanges(tenantId, scope, [
    range,
    previousPeriod(range),
    ...weeks,
  ]);
  return buildDoraView({
    current: current!,
    previous: previous!,
    weeks: weeks.map((week, index) => ({ range: week, figures: weekly[index]! })),
    year: settings.reportYear,
    scopeLabel,
    action,
  });
}

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** `/dora [team|repo|service] [range]`: the five keys, privately, each with a "why" button. */
export async function runDoraCommand(input: CommandInput, ports: CommandPorts): Promise<Reply> {
  const metrics = ports.metrics;
  if (!metrics) return { visibility: 'private', view: notSetUp() };
  const { actor } = input;
  const usage = formatUsage(actor.surface, 'dora', DORA_ARGS);
  const typed = splitDoraArgs(input.args);
  const parsed = parseRange(typed.range, metrics.now());
  if (!parsed.ok) {
    return {
      visibility: 'private',
      view: {
        kind: 'notice',
        tone: 'warning',
        title: 'I could not read that range',
        body: parsed.message,
        suggestion: usage,
      },
    };
  }
  const settings = await metrics.reader.settingsOf(actor.tenantId);
  const resolved = await resolveMetricsScope(actor, typed.scope, ports.standups, settings);
  if (!resolved.ok) {
    return {
      visibility: 'private',
      view: {
        kind: 'notice',
        tone: 'warning',
        title: resolved.title,
        body: resolved.body,
        suggestion: usage,
      },
    };
  }
  const action = {
    scope: typed.scope,
    from: isoDay(parsed.range.from),
    to: isoDay(parsed.range.to),
    label: parsed.label,
  };
  const view = await readDoraView(
    actor.tenantId,
    resolved.scope,
    resolved.label,
    parsed.range,
    action,
    metrics.reader,
    settings,
  );
  return { visibility: 'private', view };
}

export interface DoraActionPorts {
  metrics?: MetricsSurfacePorts;
  standups?: Pick<StandupStore, 'list'>;
}

/**
 * A button of `/dora`, either surface: "Why?" answers with the exact basis of one figure (the items behind it,
 * the outliers' chains); "Back" with the figures again. The scope is resolved again, as typed.
 */
export async function handleDoraAction(
  actor: Actor,
  verb: DoraVerb,
  payload: DoraActionPayload,
  ports: DoraActionPorts,
): Promise<View> {
  const { metrics } = ports;
  if (!metrics) return notSetUp();
  const settings = await metrics.reader.settingsOf(actor.tenantId);
  const resolved = await resolveMetricsScope(actor, payload.scope, ports.standups, settings);
  if (!resolved.ok) return { kind: 'notice', tone: 'warning', title: resolved.title, body: resolved.body };
  const range = { from: readDay(payload.from)!, to: readDay(payload.to)! };
  if (verb === DORA_ACTIONS.why && payload.figure) {
    const answer = await metrics.reader.explainDora(actor.tenantId, resolved.scope, range);
    return buildDoraWhy(answer, payload.figure, settings.reportYear, resolved.label, payload);
  }
  const back = { scope: payload.scope, from: payload.from, to: payload.to, label: payload.label };
  return readDoraView(actor.tenantId, resolved.scope, resolved.label, range, back, metrics.reader, settings);
}

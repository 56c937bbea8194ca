import { formatUsage } from '../catalog.ts';
import { measureFor } from '../metrics/duration-mode.ts';
import { measuredAt, measureFlow, measurePersonalFlow } from '../metrics/measure-flow.ts';
import {
  parseRange,
  previousPeriod,
  startsRange,
  typedRange,
  type RangeLimits,
} from '../metrics/parse-range.ts';
import { resolveTriageScope } from '../triage/resolve-scope.ts';
import type { CommandInput, CommandPorts, NoticeView, Reply } from '../types.ts';
import { agingChartOf, agingOf, buildFlowFigures, buildPersonalFigures } from './build-flow-view.ts';
import { describeRange } from './describe-flow.ts';
import { explainFlowFigure, explainPersonalFigure } from './explain-flow-figure.ts';
import type { FlowFacts, FlowPorts } from './flow-ports.ts';
import { FLOW_FIGURES, type FlowFigureId } from './flow-view.ts';

export const FLOW_ARGS = '[me | team | owner/repo] [14d | 4w | 2026-Q3 | since 2026-09-01 | <from>..<to>]';
/** The default range, and the longest one `/flow` measures exactly from the facts. */
export const FLOW_RANGE_LIMITS: RangeLimits = { defaultDays: 14, maxDays: 366 };
/** Items a "why" answer lists. */
export const WHY_ITEMS = 15;

const notice = (title: string, body: string, suggestion?: string): Reply => ({
  visibility: 'private',
  view: { kind: 'notice', tone: 'warning', title, body, ...(suggestion ? { suggestion } : {}) },
});

interface FlowRequest {
  why?: string;
  personal: boolean;
  scopeText: string;
  rangeText?: string;
}

/** `flow [why <figure>] [me | team | repo] [range]`: the range is the words from where one starts, as in /dora. */
export function readFlowArgs(args: readonly string[]): FlowRequest {
  const words = [...args];
  const why = words[0]?.toLowerCase() === 'why' ? (words.splice(0, 2)[1] ?? '') : undefined;
  const start = words.findIndex(startsRange);
  const rangeText = start === -1 ? undefined : words.splice(start).join(' ');
  const personal = words.length === 1 && words[0]!.toLowerCase() === 'me';
  return {
    ...(why !== undefined ? { why: why.toLowerCase() } : {}),
    personal,
    scopeText: personal ? '' : words.join(' '),
    ...(rangeText ? { rangeText } : {}),
  };
}

/**
 * `/flow`: a team's flow figures over a range against the previous one, each with a "why" button; `flow me`
 * the asker's own WIP and review turnaround, to them alone (never into a shared Teams conversation); `flow why
 * <figure> …` the PRs and issues behind one figure. Team answers hold no one's own figures and rank nobody.
 */
export async function runFlowCommand(input: CommandInput, ports: CommandPorts): Promise<Reply> {
  const flow = ports.flow;
  const { actor } = input;
  const usage = formatUsage(actor.surface, 'flow', FLOW_ARGS);
  if (!flow)
    return notice(
      'Flow metrics are not set up here',
      'They need GitHub or Jira facts: connect one and try again.',
    );
  const request = readFlowArgs(input.args);
  const figure = request.why as FlowFigureId | undefined;
  if (request.why !== undefined && !FLOW_FIGURES.includes(figure!)) {
    return notice(
      `I don't know the figure "${request.why}"`,
      `Ask why of one of: ${FLOW_FIGURES.join(', ')}.`,
      usage,
    );
  }
  const now = flow.now();
  const parsed = parseRange(request.rangeText ?? '', now, FLOW_RANGE_LIMITS);
  if (!parsed.ok) return notice('That range did not work', parsed.message, usage);
  const range = parsed.range;
  const target = request.personal
    ? await personalFacts(input, flow)
    : await teamFacts(input, ports, flow, request.scopeText);
  if ('reply' in target) return target.reply;
  const [settings, calendar, loaded] = await Promise.all([
    flow.settingsOf(actor.tenantId),
    flow.teamCalendar(actor.tenantId),
    flow.load(actor.tenantId, target.facts, { from: previousPeriod(range).from, to: range.to }),
  ]);
  const measure = measureFor(settings.ageMode, calendar);
  // The range as dates, so a Why? clicked tomorrow explains the figure it sits under.
  const scopeArgs = [request.personal ? 'me' : request.scopeText, typedRange(range)]
    .filter(Boolean)
    .join(' ');
  const whyOf = (id: FlowFigureId) => ['flow why', id, scopeArgs].filter(Boolean).join(' ');
  const rangeLabel = describeRange(range);
  const notes = [
    ...(loaded.truncated ? ['More facts matched than one answer reads: the oldest were left out.'] : []),
    ...target.notes,
  ];
  if (request.personal && target.owners) {
    const owners = target.owners;
    const mine = measurePersonalFlow(loaded.input, owners, range, now, measure);
    if (figure) {
      const basis = explainPersonalFigure(mine, figure, settings.ageMode);
      if (!basis)
        return notice(
          'Only your WIP and review turnaround are yours',
          'The other figures are the team\'s: ask without "me".',
          usage,
        );
      return {
        ...whyReply(
          basis,
          target.label,
          rangeLabel,
          FIGURE_VALUE(buildPersonalFigures(mine, mine, settings.ageMode, whyOf), figure),
        ),
        visibility: 'personal',
      };
    }
    const before = measurePersonalFlow(loaded.input, owners, previousPeriod(range), now, measure);
    return {
      visibility: 'personal',
      view: {
        kind: 'flow',
        scopeLabel: target.label,
        rangeLabel,
        ageMode: settings.ageMode,
        personal: true,
        figures: buildPersonalFigures(mine, before, settings.ageMode, whyOf),
        aging: [],
        notes: [...notes, 'Only you see these. Nobody else is shown your figures, and nobody is ranked.'],
      },
    };
  }
  const answer = measureFlow(loaded.input, range, now, measure);
  if (figure) {
    const figures = buildFlowFigures(answer, undefined, settings.ageMode, whyOf);
    return whyReply(
      explainFlowFigure(answer, figure, settings.ageMode),
      target.label,
      rangeLabel,
      FIGURE_VALUE(figures, figure),
    );
  }
  const previous = measureFlow(loaded.input, previousPeriod(range), now, measure);
  return {
    visibility: 'private',
    view: {
      kind: 'flow',
      scopeLabel: target.label,
      rangeLabel,
      ageMode: settings.ageMode,
      personal: false,
      figures: buildFlowFigures(answer, previous, settings.ageMode, whyOf),
      aging: agingOf(answer, settings.ageMode),
      agingChart: agingChartOf(loaded.input, measuredAt(range, now), measure),
      notes,
    },
  };
}

const FIGURE_VALUE = (figures: readonly { id: string; value: string }[], id: string) =>
  figures.find((figure) => figure.id === id)?.value ?? '–';

function whyReply(
  basis: { label: string; basis: string; items: { ref: string; value: string }[] },
  scopeLabel: string,
  rangeLabel: string,
  value: string,
): Reply {
  return {
    visibility: 'private',
    view: {
      kind: 'flow-why',
      figure: basis.label,
      scopeLabel,
      rangeLabel,
      value,
      basis: basis.basis,
      items: basis.items.slice(0, WHY_ITEMS),
      more: Math.max(0, basis.items.length - WHY_ITEMS),
    },
  };
}

type Target = { facts: FlowFacts; label: string; notes: string[]; owners?: string[] } | { reply: Reply };

async function personalFacts(input: CommandInput, flow: FlowPorts): Promise<Target> {
  const { actor } = input;
  const accounts = await flow.accountsOf(actor.tenantId, [{ tool: actor.surface, handle: actor.userId }]);
  const owners = [...accounts.githubLogins, ...accounts.jiraAccounts];
  if (owners.length === 0) {
    return {
      reply: notice(
        'I do not know your GitHub or Jira account yet',
        'Link one first; then "flow me" shows your own work in progress and review turnaround, to you alone.',
        formatUsage(actor.surface, 'link', 'github <login>'),
      ),
    };
  }
  // The PRs they reviewed too: their turnaround is on others' PRs.
  return { facts: { kind: 'people', ...accounts, reviewedToo: true }, label: 'you', notes: [], owners };
}

async function teamFacts(
  input: CommandInput,
  ports: CommandPorts,
  flow: FlowPorts,
  scopeText: string,
): Promise<Target> {
  const { actor } = input;
  const resolved = await resolveTriageScope(
    actor,
    scopeText,
    { findRepo: flow.findRepo, githubLoginsOf: async () => [] },
    ports.standups,
  );
  if (!resolved.ok) {
    const fixed: NoticeView = {
      ...resolved.notice,
      suggestion: formatUsage(actor.surface, 'flow', FLOW_ARGS),
    };
    return { reply: { visibility: 'private', view: fixed } };
  }
  const { scope, label } = resolved;
  if (scope.kind === 'repo') {
    return {
      facts: scope,
      label,
      notes: ['Jira issues belong to no repository: flow efficiency and issue counts are empty here.'],
    };
  }
  if (scope.kind === 'team') {
    const team = (await ports.standups?.list(actor.tenantId))?.find((standup) => standup.name === scope.team);
    const accounts = await flow.accountsOf(actor.tenantId, team?.members ?? []);
    const notes =
      accounts.githubLogins.length + accounts.jiraAccounts.length === 0
        ? ['Nobody in this team has linked a GitHub or Jira account yet, so there is nothing to measure.']
        : [];
    return { facts: { kind: 'people', ...accounts }, label, notes };
  }
  return { facts: { kind: 'tenant' }, label, notes: [] };
}

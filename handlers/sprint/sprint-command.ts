import { formatUsage } from '../catalog.ts';
import type { CommandInput, CommandPorts, NoticeView, Reply } from '../types.ts';
import { selectSprint, type SprintChoice } from './select-sprint.ts';
import { measureSprintHealth } from './sprint-health.ts';
import { buildSprintHealthView } from './sprint-view.ts';
import type { SprintPorts } from './ports.ts';
import type { SprintHealth } from './types.ts';

export const SPRINT_ARGS = '[board | sprint name]';

const notice = (tone: NoticeView['tone'], title: string, body: string, suggestion?: string): Reply => ({
  visibility: 'private',
  view: { kind: 'notice', tone, title, body, ...(suggestion ? { suggestion } : {}) },
});

/** The health of the chosen sprint from its facts; undefined when it has not started. */
export async function measureChosenSprint(
  ports: SprintPorts,
  tenantId: string,
  choice: Extract<SprintChoice, { ok: true }>,
): Promise<SprintHealth | undefined> {
  const [facts, calendar] = await Promise.all([
    ports.source.factsOf(tenantId, choice.sprint),
    ports.source.calendarOf(tenantId),
  ]);
  return measureSprintHealth({
    sprint: choice.sprint,
    ...facts,
    boardSprints: choice.boardSprints,
    calendar,
    now: ports.now(),
  });
}

function refusal(input: CommandInput, choice: Extract<SprintChoice, { ok: false }>): Reply {
  const usage = formatUsage(input.actor.surface, 'sprint', SPRINT_ARGS);
  if (choice.problem === 'no-sprints') {
    return notice(
      'info',
      'No sprints here yet',
      'Sprint health reads Jira: point its webhooks (issues and sprints) at em-agent, or run "em-agent backfill --source jira".',
    );
  }
  if (choice.problem === 'not-started') {
    return notice(
      'info',
      `${choice.typed || 'That sprint'} has not started`,
      'Its health begins when it starts.',
    );
  }
  return notice(
    'warning',
    `I found no sprint for "${choice.typed}"`,
    'Give a board id (digits) or part of a sprint name, or nothing for the active sprint.',
    usage,
  );
}

/**
 * `sprint [board | name]` (Slack `/sprint-health`): the sprint's verdict, figures and burndown, privately;
 * `sprint why <id>` is what the Why button sends, the same answer with every reason and item.
 */
export async function runSprintCommand(input: CommandInput, ports: CommandPorts): Promise<Reply> {
  const sprint = ports.sprint;
  if (!sprint) {
    return notice(
      'info',
      'Sprint health is not set up here',
      'It needs Jira facts, which this install does not read.',
    );
  }
  const [first, second] = input.args;
  const why = first?.toLowerCase() === 'why';
  const byId = why && second && /^\d+$/.test(second) ? Number(second) : undefined;
  if (why && byId === undefined) {
    return notice('warning', 'Which sprint?', 'Send "why" with a sprint id, as the Why button does.');
  }
  const tenantId = input.actor.tenantId;
  const choice = selectSprint(await sprint.source.sprints(tenantId), why ? '' : input.rawArgs, byId);
  if (!choice.ok) return refusal(input, choice);
  const health = await measureChosenSprint(sprint, tenantId, choice);
  if (!health) return refusal(input, { ok: false, problem: 'not-started', typed: choice.sprint.name ?? '' });
  const others = choice.others
    .map(
      (other) =>
        `${other.name ?? other.sprintId}${other.boardId === undefined ? '' : ` (board ${other.boardId})`}`,
    )
    .join(', ');
  const view = buildSprintHealthView(health, {
    whyCommand: formatUsage(input.actor.surface, 'sprint', `why ${health.sprint.sprintId}`).replace(
      /^\/em /,
      '',
    ),
    expanded: why,
    ...(others
      ? {
          note: `Also active: ${others}. Ask for one with ${formatUsage(input.actor.surface, 'sprint', '<board>')}.`,
        }
      : {}),
  });
  return { visibility: 'private', view };
}

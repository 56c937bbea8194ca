import { listApprovals } from './approvals/list-approvals.ts';
import { answerQuestion } from './ask/answer-question.ts';
import type { CommandDefinition } from './catalog.ts';
import { showHelp } from './help/show-help.ts';
import { showHome } from './home/show-home.ts';
import { runPolicyCommand } from './policy/policy-command.ts';
import { unknownCommand } from './help/unknown-command.ts';
import { linkAccount } from './identity/link-account.ts';
import { showTeam } from './team/show-team.ts';
import { markBack, recordTimeOff, setTimeZone } from './availability/availability-commands.ts';
import { runHolidaysCommand } from './availability/holidays-command.ts';
import { runHoursCommand } from './availability/hours-command.ts';
import { runStandupCommand, STANDUP_ARGS } from './standup/standup-command.ts';
import { runSprintCommand, SPRINT_ARGS } from './sprint/sprint-command.ts';
import { runTriageCommand, TRIAGE_ARGS } from './triage/triage-command.ts';
import { NOTIFY_ARGS, runNotifyCommand } from './triage/notify-command.ts';
import { FLOW_ARGS, runFlowCommand } from './flow/flow-command.ts';
import { showPrivacy } from './privacy/show-privacy.ts';
import { DORA_ARGS, runDoraCommand } from './metrics/dora-command.ts';
import { DIGEST_ARGS, runDigestCommand } from './delivery-digest/digest-command.ts';
import { METRICS_ARGS, runMetricsCommand } from './metrics/metrics-command.ts';
import type { CommandInput, CommandPorts, Reply } from './types.ts';

/** Every command the bot has. Help, the Slack manifest and the Teams manifest are all derived from this list. */
export const COMMANDS: readonly CommandDefinition[] = [
  {
    name: 'help',
    argsHint: '',
    description: 'List the commands em-agent understands, with a line on each.',
    run: (input) => showHelp(input, COMMANDS),
  },
  {
    name: 'home',
    argsHint: '',
    description:
      'Your home: your PRs waiting on others, PRs waiting on you, your standup, approvals and blockers.',
    // Teams' menu holds 10 commands: the home card comes on install and refreshes itself when looked at.
    inTeamsMenu: false,
    run: showHome,
  },
  {
    name: 'approvals',
    argsHint: '',
    description: 'List the actions waiting for a decision, with Approve, Decline and Modify buttons.',
    run: listApprovals,
  },
  {
    name: 'policy',
    argsHint: 'show | validate <yaml> | set <yaml>',
    description:
      'Show the approval policy in force, check a new one, or propose it (an approver must agree).',
    run: runPolicyCommand,
  },
  {
    name: 'ask',
    argsHint: '<question>',
    description: "Answer a question from the team's docs, with sources, or say who could know.",
    run: (input, ports) => answerQuestion(input, ports.ask),
  },
  {
    name: 'link',
    argsHint: 'github <login>',
    description: 'Link your GitHub (or jira/pagerduty) account to you, so your work shows under your name.',
    run: (input, ports) => linkAccount(input, ports.identity),
  },
  {
    name: 'team',
    argsHint: '',
    description:
      'Your team at a glance: sprint progress, blocked work, stale pull requests, incidents, failed deploys.',
    run: (input, ports) => showTeam(input, ports.team),
  },
  {
    name: 'tz',
    argsHint: '<IANA zone>',
    description: 'Show or set your time zone (e.g. Asia/Kolkata), for prompts, nudges and working hours.',
    // Set once (Teams reports the zone with every message anyway), so typed rather than picked; its menu slot
    // went to triage, used daily.
    inTeamsMenu: false,
    run: (input, ports) => setTimeZone(input, ports.availability),
  },
  {
    name: 'away',
    argsHint: '<from>..<to> [note]',
    description: 'List your time off, or add some (2026-12-24..2027-01-02): no prompts or nudges then.',
    run: (input, ports) => recordTimeOff(input, ports.availability),
  },
  {
    name: 'back',
    argsHint: '',
    description: 'End the time off you are on today; planned time off after today stays.',
    // Typed by those who know it; Teams' menu has room for 10 commands.
    inTeamsMenu: false,
    run: (input, ports) => markBack(input, ports.availability),
  },
  {
    name: 'hours',
    argsHint: '[team] <days> <start>-<end> | reset',
    description: 'Show or set your working days and hours (mon-fri 09:00-17:30), or the team default.',
    run: runHoursCommand,
  },
  {
    name: 'holidays',
    argsHint: '[team] <region> | none',
    description:
      'Show your public holidays, or set whose you get (US-CA, IN-KA, DE-BY), or the team default.',
    run: (input, ports) => runHolidaysCommand(input, ports),
    // Teams' menu holds 10 commands; holidays is set once, so it is typed rather than picked.
    inTeamsMenu: false,
  },
  {
    name: 'standup',
    argsHint: STANDUP_ARGS,
    description:
      'Set up an async standup (no arguments), or list, edit, pause, resume, delete one, or see its stats.',
    run: (input, ports) => runStandupCommand(input, ports),
  },
  {
    name: 'triage',
    argsHint: TRIAGE_ARGS,
    description:
      'Pull requests waiting on someone, most urgent first, with a suggested reviewer and buttons to act.',
    run: runTriageCommand,
  },
  {
    name: 'sprint',
    argsHint: SPRINT_ARGS,
    description:
      'Sprint health: committed vs completed, scope added and removed, carry-over, blocked work, burndown, verdict.',
    // Teams' menu is full at 10 (triage took the last slot); typed as `sprint`, and Slack has /sprint-health.
    inTeamsMenu: false,
    run: runSprintCommand,
  },
  {
    name: 'notify',
    argsHint: NOTIFY_ARGS,
    description:
      'Turn personal PR notifications on or off (reviews requested of you, changes, approvals, CI, merges).',
    // Teams' menu is full at 10; typed as `notify on`.
    inTeamsMenu: false,
    run: (input, ports) => runNotifyCommand(input, ports.notifications),
  },
  {
    name: 'flow',
    argsHint: FLOW_ARGS,
    description:
      'Flow of a team or repository: PR cycle phases, review turnaround, size, WIP, aging, efficiency, throughput.',
    // Teams' menu is full at 10; typed as `flow`.
    inTeamsMenu: false,
    run: runFlowCommand,
  },
  {
    name: 'privacy',
    argsHint: '',
    description: 'What em-agent stores, for how long, and who can see what.',
    // Teams' menu is full at 10; typed as `privacy`.
    inTeamsMenu: false,
    run: (input, ports) => showPrivacy(input, ports.retention),
  },
  {
    name: 'dora',
    argsHint: DORA_ARGS,
    description:
      "Delivery metrics (DORA's five keys) for a team, repository or service, with bands, trend and why.",
    // Teams' menu is full at 10; typed as `dora`.
    inTeamsMenu: false,
    run: runDoraCommand,
  },
  {
    name: 'metrics',
    argsHint: METRICS_ARGS,
    description:
      'Show or change how delivery metrics count: production environments, deploy signal, band year, windows.',
    // Teams' menu is full at 10; set once, so typed as `metrics settings`.
    inTeamsMenu: false,
    run: runMetricsCommand,
  },
  {
    name: 'digest',
    argsHint: DIGEST_ARGS,
    description:
      "A team's weekly delivery digest: what changed against the week before and why it matters. Opt-in, approvers.",
    // Teams' menu is full at 10; typed as `digest delivery on` in the channel it should post to.
    inTeamsMenu: false,
    run: runDigestCommand,
  },
];

/** Splits what a person typed into a command name and its arguments. */
export function parseCommandText(text: string): Pick<CommandInput, 'name' | 'args' | 'rawArgs'> {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  return {
    name: first.toLowerCase(),
    args: rest.filter(Boolean),
    rawArgs: trimmed.slice(first.length).trim(),
  };
}

/**
 * Dispatches a command; an empty command shows help, an unknown one a friendly hint. A command that answers
 * without waiting (help, the hint) returns its reply as is, not a promise, so an edge can send it in its ack.
 */
export function runCommand(
  input: CommandInput,
  commands: readonly CommandDefinition[] = COMMANDS,
  ports: CommandPorts = {},
): Reply | Promise<Reply> {
  const name = input.name || 'help';
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) return unknownCommand(input, commands);
  return command.run({ ...input, name }, ports);
}

import { formatUsage } from '../catalog.ts';
import type { CommandInput, CommandPorts, NoticeView, Reply } from '../types.ts';
import { defaultStandupSettings } from './check-standup-form.ts';
import { describeSchedule } from './describe-schedule.ts';
import { mayManageStandup } from './may-manage-standup.ts';
import { formOfSettings } from './setup-view.ts';
import type { Standup, StandupStore } from './types.ts';

export const STANDUP_ARGS = 'list | edit | pause | resume | delete | stats <name or id>';

const notice = (tone: NoticeView['tone'], title: string, body: string, suggestion?: string): Reply => ({
  visibility: 'private',
  view: { kind: 'notice', tone, title, body, ...(suggestion ? { suggestion } : {}) },
});

const UNAVAILABLE = notice(
  'error',
  'Standups are not available',
  'This em-agent was started without its standup store. Ask your admin to check the logs.',
);

/** `/standup` in Slack (its own command), `standup` in Teams; `/em standup` works in Slack too. */
const usageOf = (input: CommandInput, args: string) =>
  input.actor.surface === 'slack' ? `/standup ${args}` : formatUsage('teams', 'standup', args);

type Found = { standup: Standup } | { reply: Reply };

/** A standup by id, or by name (any case); two with the same name need the id. */
async function findStandup(store: StandupStore, input: CommandInput, reference: string): Promise<Found> {
  const subcommand = input.args[0]?.toLowerCase() ?? '';
  if (!reference) {
    return {
      reply: notice(
        'warning',
        'Which standup?',
        'Name it, or give its id.',
        usageOf(input, `${subcommand} <name or id>`),
      ),
    };
  }
  const { tenantId } = input.actor;
  const byId = await store.get(tenantId, reference);
  if (byId) return { standup: byId };
  const named = (await store.list(tenantId)).filter(
    (standup) => standup.name.toLowerCase() === reference.toLowerCase(),
  );
  if (named.length === 1) return { standup: named[0]! };
  if (named.length > 1) {
    return {
      reply: notice(
        'warning',
        `${named.length} standups are called "${reference}"`,
        `Use the id: ${named.map((standup) => standup.id).join(', ')}.`,
        usageOf(input, `${subcommand} ${named[0]!.id}`),
      ),
    };
  }
  return {
    reply: notice(
      'warning',
      `No standup called "${reference}"`,
      'See the standups there are.',
      usageOf(input, 'list'),
    ),
  };
}

/** The words after the subcommand, as typed (a name may have spaces), without a trailing `confirm`. */
function referenceOf(input: CommandInput): { reference: string; confirmed: boolean } {
  const rest = input.rawArgs.slice(input.args[0]?.length ?? 0).trim();
  const confirmed = /\s+confirm$/i.test(rest) && input.args[0]?.toLowerCase() === 'delete';
  return { reference: (confirmed ? rest.replace(/\s+confirm$/i, '') : rest).trim(), confirmed };
}

const MANAGERS_ONLY = (standup: Standup) =>
  notice(
    'warning',
    `Only the owner can change ${standup.name}`,
    'The person who set it up, or an approver named in the policy, can edit, pause, resume or delete it.',
  );

/**
 * `standup` opens the set-up; `list`, `edit`, `pause`, `resume`, `delete` and `stats` manage the tenant's
 * standups. Deleting asks first: it removes the answers too, so it needs `delete <name> confirm`.
 */
export async function runStandupCommand(
  input: CommandInput,
  ports: CommandPorts,
  now = new Date(),
): Promise<Reply> {
  const store = ports.standups;
  if (!store) return UNAVAILABLE;
  const { actor } = input;
  const subcommand = input.args[0]?.toLowerCase() ?? '';
  if (!subcommand || subcommand === 'new') {
    const settings = defaultStandupSettings(
      { surface: actor.surface, owner: { tool: actor.surface, handle: actor.userId } },
      input.conversationId ?? '',
    );
    return { visibility: 'private', view: { kind: 'standup-setup', form: formOfSettings(settings) } };
  }
  if (subcommand === 'list') {
    const standups = await store.list(actor.tenantId);
    return {
      visibility: 'private',
      view: {
        kind: 'standup-list',
        items: standups.map((standup) => ({
          id: standup.id,
          name: standup.name,
          reportChannel: standup.reportChannel,
          members: standup.members.length,
          schedule: describeSchedule(standup),
          paused: standup.paused,
        })),
      },
    };
  }
  if (!['edit', 'pause', 'resume', 'delete', 'stats'].includes(subcommand)) {
    return notice(
      'warning',
      `"standup ${subcommand}" is not something I know`,
      `Use ${STANDUP_ARGS}.`,
      usageOf(input, 'list'),
    );
  }
  const { reference, confirmed } = referenceOf(input);
  const found = await findStandup(store, input, reference);
  if ('reply' in found) return found.reply;
  const { standup } = found;
  if (subcommand === 'stats') {
    if (!ports.standupStats) {
      return notice(
        'info',
        'Stats are not ready yet',
        `Stats for ${standup.name} appear here once standups have run for a while.`,
      );
    }
    const view = await ports.standupStats(actor.tenantId, standup.id);
    if (!view) return notice('warning', 'That standup is gone', `${standup.name} was deleted just now.`);
    return { visibility: 'private', view };
  }
  if (!(await mayManageStandup(standup, actor, ports))) return MANAGERS_ONLY(standup);
  switch (subcommand) {
    case 'edit':
      return {
        visibility: 'private',
        view: { kind: 'standup-setup', standupId: standup.id, form: formOfSettings(standup) },
      };
    case 'pause':
    case 'resume': {
      const paused = subcommand === 'pause';
      if (standup.paused === paused) {
        return notice(
          'info',
          `${standup.name} is already ${paused ? 'paused' : 'running'}`,
          'Nothing changed.',
        );
      }
      await store.update(actor.tenantId, standup.id, { paused }, now);
      return paused
        ? notice(
            'info',
            `${standup.name} is paused`,
            'No prompts, reminders or reports until it is resumed.',
            usageOf(input, `resume ${standup.id}`),
          )
        : notice('info', `${standup.name} is running again`, `Next prompts: ${describeSchedule(standup)}.`);
    }
    default: {
      if (!confirmed) {
        return notice(
          'warning',
          `Delete ${standup.name}?`,
          'Its settings and every answer given to it go for good. Send the command again with "confirm" to delete it.',
          usageOf(input, `delete ${standup.id} confirm`),
        );
      }
      await store.remove(actor.tenantId, standup.id);
      return notice('info', `${standup.name} is deleted`, 'Its settings and answers are gone.');
    }
  }
}

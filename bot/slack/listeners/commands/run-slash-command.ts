import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Logger } from 'pino';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import { parseCommandText } from '../../../../handlers/run-command.ts';
import type { Reply } from '../../../../handlers/types.ts';
import { chartsOfView } from '../../../charts/view-charts.ts';
import type { ChatDeps } from '../../../chat-deps.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import { decodeSlackText } from '../../decode-slack-text.ts';
import { openStandupSetup } from '../../standup/open-standup-setup.ts';
import { uploadViewCharts } from '../../upload-view-charts.ts';

type SlashCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Shows a reply some other way than a message (a modal), resolving true when it did; false when it does not apply. */
type Present = (reply: Reply) => false | Promise<boolean>;

/**
 * The Slack message for a command's reply (privately when the reply is private), or for its failure; nothing when
 * `present` showed the reply itself.
 */
function messageOf(
  run: () => Reply | Promise<Reply>,
  log: Logger,
  present: Present = () => false,
): RespondArguments | undefined | Promise<RespondArguments | undefined> {
  const render = (reply: Reply): RespondArguments => ({
    response_type: reply.visibility === 'conversation' ? 'in_channel' : 'ephemeral',
    ...renderViewForSlack(reply.view),
  });
  const failure = (error: unknown): RespondArguments => ({
    response_type: 'ephemeral',
    ...renderViewForSlack(userFacingError(error, log)),
  });
  const presentOrRender = (reply: Reply) => {
    const presented = present(reply);
    return presented ? presented.then((shown) => (shown ? undefined : render(reply))) : render(reply);
  };
  try {
    const reply = run();
    return reply instanceof Promise ? reply.then(presentOrRender).catch(failure) : presentOrRender(reply);
  } catch (error) {
    return failure(error);
  }
}

/**
 * A slash-command listener: runs the command that `commandText` makes of what was typed. A reply made without
 * waiting (help, a typo's hint, in a workspace already seen) goes back in the ack itself: one request, no call to
 * the response URL. Anything else is acked at once (Slack allows 3 s) and answered through the response URL.
 */
export function runSlashCommand(deps: ChatDeps, commandText: (typed: string) => string) {
  return async ({ command, ack, respond, client }: SlashCommandArgs): Promise<void> => {
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'command' });
    const tenantId = deps.tenantOf(command.team_id);
    // profile.email is the address the member signs in with; Slack shares it only with users:read.email. The
    // same call reports the zone, the locale (include_locale) and the status availability reads.
    const learning = deps.emails?.learn(
      tenantId,
      { tool: 'slack', handle: command.user_id },
      async () => {
        const { user } = await client.users.info({ user: command.user_id, include_locale: true });
        const profile = user?.profile;
        return {
          email: profile?.email,
          name: user?.real_name,
          reported: {
            timeZone: user?.tz,
            locale: user?.locale,
            status: {
              emoji: profile?.status_emoji,
              text: profile?.status_text,
              expiration: profile?.status_expiration,
            },
          },
        };
      },
      true,
    );
    const run = () =>
      deps.runCommand({
        actor: {
          surface: 'slack',
          tenantId,
          userId: command.user_id,
          displayName: command.user_name,
        },
        conversationId: command.channel_id,
        ...parseCommandText(commandText(decodeSlackText(command.text))),
      });
    // The standup set-up is a modal, opened with this command's trigger; charts (/dora, /sprint-health, /flow)
    // follow the answer, as files in the asker's DM.
    const present: Present = (reply) => {
      const { view } = reply;
      if (view.kind === 'standup-setup') {
        return openStandupSetup(client, command.trigger_id, view, command.channel_id, deps.log);
      }
      const renderer = deps.charts;
      const charts = renderer && chartsOfView(view);
      // Charts go to the asker's DM: right for a private answer (all that have charts), not for a shared one.
      if (!charts || reply.visibility !== 'private') return false;
      return (async () => {
        await respond({ response_type: 'ephemeral', ...renderViewForSlack(view) });
        try {
          await uploadViewCharts(client, command.user_id, charts, renderer);
        } catch (error) {
          deps.log.warn({ err: error, view: view.kind }, 'charts not delivered');
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: 'The charts could not be sent to your direct message with em-agent; the answer above stands.',
          });
        }
        return true;
      })();
    };
    try {
      const message = deps.tenants.has(tenantId) ? messageOf(run, deps.log, present) : undefined;
      if (message && !(message instanceof Promise)) {
        await ack(message);
        return;
      }
      await ack();
      const reply = await (message ??
        messageOf(
          async () => {
            await deps.tenants.ensure(tenantId, 'slack', command.team_domain);
            return run();
          },
          deps.log,
          present,
        ));
      if (reply) await respond(reply);
    } finally {
      await learning;
    }
  };
}

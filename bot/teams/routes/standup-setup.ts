import type { Application } from '@microsoft/teams-ai';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { renderNoticeForTeams } from '../../../cards/teams/notice.ts';
import { renderStandupSetupCard, STANDUP_SETUP_VERBS } from '../../../cards/teams/standup-setup-card.ts';
import { describeSchedule } from '../../../handlers/standup/describe-schedule.ts';
import { saveStandupSetup } from '../../../handlers/standup/save-standup-setup.ts';
import type { StandupFormProblems } from '../../../handlers/standup/check-standup-form.ts';
import type { ChatAccount } from '../../../handlers/standup/types.ts';
import { userFacingError } from '../../user-facing-error.ts';
import { answerInvoke } from '../invoke-response.ts';
import { readTeamsSetup, type ReadTeamsSetup } from '../read-standup-setup.ts';
import type { TeamsDeps } from '../teams-deps.ts';
import { tenantOf } from './command-message.ts';
import { teamsUserIdOf } from '../teams-user-id.ts';

/** A snapshot of this conversation's members (the scheduler reads the roster again before each day). */
async function rosterOf(context: TurnContext, deps: TeamsDeps): Promise<ChatAccount[]> {
  const members: ChatAccount[] = [];
  try {
    let continuationToken: string | undefined;
    do {
      const page = await TeamsInfo.getPagedMembers(context, 500, continuationToken);
      for (const member of page.members) {
        const handle = teamsUserIdOf(member);
        if (handle) members.push({ tool: 'teams', handle });
      }
      continuationToken = page.continuationToken || undefined;
    } while (continuationToken);
  } catch (error) {
    deps.log.warn({ err: error }, 'could not read the Teams roster for a standup set-up');
  }
  return members;
}

const formCard = (read: ReadTeamsSetup, rows: number, problems?: StandupFormProblems) =>
  renderStandupSetupCard(
    {
      kind: 'standup-setup',
      ...(read.standupId ? { standupId: read.standupId } : {}),
      form: read.form,
      ...(problems ? { problems } : {}),
    },
    { rows, memberEmails: read.emailsTyped, membersFrom: read.membersFrom },
  );

/**
 * Save and Add question on the set-up card. Members are this conversation's roster, or the people whose emails
 * were listed (resolved through `people`: someone em-agent has never seen cannot be added by email). Problems
 * bring the card back with them on top and every value kept; success replaces it with a confirmation.
 */
export function register(app: Application, deps: TeamsDeps): void {
  app.adaptiveCards.actionExecute(
    [STANDUP_SETUP_VERBS.save, STANDUP_SETUP_VERBS.addQuestion],
    async (context, _state, data: Record<string, unknown>) => {
      deps.metrics.chatEvents.inc({ surface: 'teams', kind: 'card_action' });
      try {
        const tenantId = tenantOf(context, deps);
        const ports = deps.standups;
        if (!tenantId || !ports?.standups) {
          await answerInvoke(context, 'Standups are not available in this em-agent.');
          return '';
        }
        const from = context.activity.from;
        const actor = { surface: 'teams' as const, tenantId, userId: teamsUserIdOf(from) };
        const standupId = typeof data.standupId === 'string' ? data.standupId : undefined;
        const editing = standupId ? await ports.standups.get(tenantId, standupId) : undefined;
        const read = readTeamsSetup(data, editing?.questions);
        const verb = (context.activity.value as { action: { verb: string } }).action.verb;
        if (verb === STANDUP_SETUP_VERBS.addQuestion) {
          await answerInvoke(context, formCard(read, read.rows + 1));
          return '';
        }
        const conversationId = context.activity.conversation.id;
        const form = { ...read.form, reportChannel: editing?.reportChannel ?? conversationId };
        if (read.membersFrom === 'roster') {
          form.memberSource = { kind: 'teams-roster', conversationId: form.reportChannel };
          form.members = await rosterOf(context, deps);
        } else if (read.emails.length === 0 && editing?.memberSource.kind === 'people') {
          // Editing without listing anyone again keeps the people already in it.
          form.memberSource = { kind: 'people' };
          form.members = editing.members;
        } else {
          const resolved = (await ports.teamsAccountsByEmail?.(tenantId, read.emails)) ?? {
            found: [],
            unknown: read.emails,
          };
          if (resolved.unknown.length > 0) {
            await answerInvoke(
              context,
              formCard(read, read.rows, {
                members: `I don't know ${resolved.unknown.join(', ')} yet: each person has to message em-agent once, or leave the roster selected.`,
              }),
            );
            return '';
          }
          form.memberSource = { kind: 'people' };
          form.members = resolved.found;
        }
        const saved = await saveStandupSetup(ports, actor, form, standupId, new Date());
        if (!saved.ok) {
          await answerInvoke(
            context,
            'problems' in saved ? formCard(read, read.rows, saved.problems) : saved.refused,
          );
          return '';
        }
        await answerInvoke(
          context,
          renderNoticeForTeams({
            kind: 'notice',
            tone: 'info',
            title: saved.created ? `${saved.standup.name} is set up` : `${saved.standup.name} is updated`,
            body: `Prompts: ${describeSchedule(saved.standup)}, in each member's own time zone, for ${saved.standup.members.length} member${saved.standup.members.length === 1 ? '' : 's'}. The report comes to this conversation.`,
            suggestion: 'standup list',
          }),
        );
      } catch (error) {
        const notice = userFacingError(error, deps.log);
        await answerInvoke(context, `${notice.title}. ${notice.body}`);
      }
      return '';
    },
  );
}

import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { renderApprovalForSlack } from '../../cards/slack/approval.ts';
import { escapeMrkdwn } from '../../cards/slack/mrkdwn.ts';
import type { SlackMessage } from '../../cards/slack/types.ts';
import { approvalView } from '../../handlers/approvals/approval-view.ts';
import type {
  Approval,
  ApprovalNotifier,
  DecisionAudience,
  PostedMessage,
} from '../../handlers/approvals/types.ts';
import type { SlackConfig } from '../config.ts';
import { boltLogger } from './bolt-logger.ts';
import { slackConversationOf, slackUserIdOf, threadParentIn } from './approvals/slack-ids.ts';
import { createUsergroupMembers, type UsergroupMembers } from './approvals/usergroup-members.ts';

const NOTES: Record<DecisionAudience['occasion'], string> = {
  request: 'Your decision is needed.',
  reminder: 'Reminder: this is still waiting for a decision.',
  escalation: 'Escalated: no one decided in time, so this now comes to you as well.',
};

export interface SlackNotifierDeps {
  client: WebClient;
  groups: UsergroupMembers;
  log: Logger;
}

/** The request as posted: buttons while pending (anyone may click; the click is checked). */
function requestMessage(approval: Approval, note?: string): SlackMessage {
  return renderApprovalForSlack(approvalView(approval, true, note));
}

/**
 * Approval notices in Slack. A request goes to the Slack conversation it was proposed from (mentioning the
 * approvers and their user groups) or, without one, to each approver in a direct message; reminders and
 * escalations follow in the same thread or as new direct messages. Every posted message is refreshed in
 * place as decisions come in. People and conversations of other surfaces are left to their notifiers.
 */
export function createSlackApprovalNotifier(deps: SlackNotifierDeps): ApprovalNotifier {
  const { client, log } = deps;

  async function post(channel: string, message: SlackMessage, threadTs?: string): Promise<PostedMessage> {
    const result = await client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    if (!result.channel || !result.ts) throw new Error('chat.postMessage answered without channel or ts');
    return { surface: 'slack', conversation: result.channel, messageId: result.ts };
  }

  async function postInConversation(
    approval: Approval,
    audience: DecisionAudience,
    conversation: string,
  ): Promise<PostedMessage> {
    const mentions = [
      ...audience.slackGroups.map((group) => `<!subteam^${group}>`),
      ...audience.users.flatMap((user) => {
        const id = slackUserIdOf(user);
        return id ? [`<@${id}>`] : [];
      }),
    ].join(' ');
    const card = requestMessage(approval);
    const lead = `${mentions ? `${mentions} ` : ''}${escapeMrkdwn(NOTES[audience.occasion])}`;
    const message: SlackMessage = {
      text: `${lead} ${card.text}`,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lead } }, ...card.blocks],
    };
    // Reminders and escalations go in the thread of the first request, where the discussion is.
    const parent = audience.occasion === 'request' ? undefined : threadParentIn(approval, conversation);
    return post(conversation, message, parent);
  }

  async function directRecipients(approval: Approval, audience: DecisionAudience): Promise<string[]> {
    const members = await Promise.all(audience.slackGroups.map((group) => deps.groups.membersOf(group)));
    const users = [
      ...audience.users.flatMap((user) => slackUserIdOf(user) ?? []),
      ...members.flatMap((set) => [...set]),
    ];
    const requester = slackUserIdOf(approval.requester);
    // The requester cannot approve their own request (mode ask asks only them, by name).
    return [...new Set(users)].filter((user) => approval.mode === 'ask' || user !== requester);
  }

  return {
    async requestDecision(approval, audience) {
      const conversation = slackConversationOf(approval);
      if (conversation) {
        try {
          return [await postInConversation(approval, audience, conversation)];
        } catch (error) {
          log.warn(
            { err: error, approvalId: approval.id, traceId: approval.trace_id },
            'could not post the request in its Slack conversation; sending direct messages instead',
          );
        }
      }
      const note = audience.occasion === 'request' ? undefined : NOTES[audience.occasion];
      const message = requestMessage(approval, note);
      const recipients = await directRecipients(approval, audience);
      const results = await Promise.allSettled(recipients.map((user) => post(user, message)));
      const posted: PostedMessage[] = [];
      for (const result of results) {
        if (result.status === 'fulfilled') posted.push(result.value);
        else log.warn({ err: result.reason, approvalId: approval.id }, 'could not send an approval request');
      }
      return posted;
    },

    async refresh(approval) {
      const message = requestMessage(approval);
      const results = await Promise.allSettled(
        approval.messages
          .filter((posted) => posted.surface === 'slack')
          .map((posted) =>
            client.chat.update({
              channel: posted.conversation,
              ts: posted.messageId,
              text: message.text,
              blocks: message.blocks,
            }),
          ),
      );
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    },

    async tellRequester(approval, text) {
      const requester = slackUserIdOf(approval.requester);
      const conversation = slackConversationOf(approval);
      const parent = conversation && threadParentIn(approval, conversation);
      if (conversation && parent) {
        const mention = requester ? `<@${requester}> ` : '';
        await client.chat.postMessage({
          channel: conversation,
          thread_ts: parent,
          text: `${mention}${escapeMrkdwn(text)}`,
        });
      } else if (requester) {
        await client.chat.postMessage({ channel: requester, text: escapeMrkdwn(text) });
      } else if (conversation) {
        await client.chat.postMessage({ channel: conversation, text: escapeMrkdwn(text) });
      }
    },
  };
}

/**
 * The notifier for the env-configured workspace, with its own Web API client: it is built before the Bolt app
 * (whose listeners need the approval services it belongs to). Retries are bounded, because a proposal or a
 * click waits for its notices.
 */
export function slackApprovalNotifier(config: SlackConfig, log: Logger): ApprovalNotifier {
  const client = new WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 2, minTimeout: 500, maxTimeout: 2_000 },
    timeout: 10_000,
    logger: boltLogger(log),
  });
  const notifierLog = log.child({ component: 'slack-approvals' });
  return createSlackApprovalNotifier({
    client,
    groups: createUsergroupMembers(client, notifierLog),
    log: notifierLog,
  });
}

import { slackSignatureHeaders } from './slack-signing.ts';

/** Who clicks, as Slack describes a user in interactivity payloads. */
export interface SlackUser {
  id: string;
  name: string;
}

export const slackUser = (id: string): SlackUser => ({ id, name: id.slice(1).toLowerCase() });

/** Where a button was clicked: a message in a conversation, or the App Home tab. */
export interface InMessage {
  channel: string;
  messageTs: string;
  ephemeral?: boolean;
}

export type ClickedIn = InMessage | { home: true };

let sequence = 0;
const next = () => (sequence += 1);

/** A `block_actions` payload for one button click, with the fields Slack sends. */
export function buttonClick(fields: {
  teamId: string;
  user: SlackUser;
  actionId: string;
  value: string;
  label?: string;
  /** The block holding the button; approval messages name theirs after the approval. */
  blockId?: string;
  in: ClickedIn;
  responseUrl?: string;
}): Record<string, unknown> {
  const n = next();
  const team = { id: fields.teamId, domain: 'em-agent-test' };
  const user = {
    id: fields.user.id,
    username: fields.user.name,
    name: fields.user.name,
    team_id: fields.teamId,
  };
  const action = {
    action_id: fields.actionId,
    block_id: fields.blockId ?? `approval:${fields.value}`,
    text: { type: 'plain_text', text: fields.label ?? 'Approve', emoji: true },
    value: fields.value,
    type: 'button',
    action_ts: `${1_700_000_000 + n}.000${n}`,
  };
  const common = {
    type: 'block_actions',
    user,
    api_app_id: 'A0EMAGENT',
    token: 'deprecated-verification-token',
    trigger_id: `${n}.13345224609.8088930838d88f008e0`,
    team,
    enterprise: null,
    is_enterprise_install: false,
    state: { values: {} },
    actions: [action],
  };
  if ('home' in fields.in) {
    return {
      ...common,
      container: { type: 'view', view_id: 'V0HOME' },
      view: { id: 'V0HOME', team_id: fields.teamId, type: 'home', blocks: [], private_metadata: '' },
    };
  }
  return {
    ...common,
    container: {
      type: 'message',
      message_ts: fields.in.messageTs,
      channel_id: fields.in.channel,
      is_ephemeral: fields.in.ephemeral ?? false,
    },
    channel: { id: fields.in.channel, name: 'directmessage' },
    message: { type: 'message', ts: fields.in.messageTs, text: 'request', user: 'U0BOT', bot_id: 'B0BOT' },
    response_url: fields.responseUrl ?? 'http://127.0.0.1:9/unused',
  };
}

/** A click on a button under a private doc answer (Share, Helpful, Ask …), in a channel's ephemeral message. */
export function answerButtonClick(
  slack: { team: { id: string } },
  userId: string,
  actionId: string,
  value: string,
  responseUrl: string,
): Record<string, unknown> {
  return buttonClick({
    teamId: slack.team.id,
    user: slackUser(userId),
    actionId,
    value,
    label: 'x',
    blockId: 'answer_actions',
    in: { channel: 'C0CHANNEL', messageTs: '1700000000.000100', ephemeral: true },
    responseUrl,
  });
}

/** A `view_submission` payload for a modal the bot opened (its view as sent to views.open), with typed values. */
export function viewSubmission(fields: {
  teamId: string;
  user: SlackUser;
  view: Record<string, unknown>;
  values: Record<string, Record<string, string | null>>;
}): Record<string, unknown> {
  const n = next();
  const values = Object.fromEntries(
    Object.entries(fields.values).map(([block, actions]) => [
      block,
      Object.fromEntries(
        Object.entries(actions).map(([action, value]) => [action, { type: 'plain_text_input', value }]),
      ),
    ]),
  );
  return {
    type: 'view_submission',
    team: { id: fields.teamId, domain: 'em-agent-test' },
    user: { id: fields.user.id, username: fields.user.name, name: fields.user.name, team_id: fields.teamId },
    api_app_id: 'A0EMAGENT',
    token: 'deprecated-verification-token',
    trigger_id: `${n}.13345224609.8088930838d88f008e1`,
    view: {
      id: `V0MODAL${n}`,
      team_id: fields.teamId,
      app_id: 'A0EMAGENT',
      bot_id: 'B0BOT',
      hash: `${n}.abcdef`,
      root_view_id: `V0MODAL${n}`,
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
      external_id: '',
      ...fields.view,
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** An Events API envelope for `app_home_opened` on the Home tab. */
export function appHomeOpened(teamId: string, userId: string): Record<string, unknown> {
  const n = next();
  return {
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: 'A0EMAGENT',
    event: {
      type: 'app_home_opened',
      user: userId,
      channel: `D${userId.slice(1)}`,
      tab: 'home',
      event_ts: `${1_700_000_000 + n}.000100`,
    },
    type: 'event_callback',
    event_id: `Ev0HOME${n}`,
    event_time: 1_700_000_000 + n,
    authorizations: [{ team_id: teamId, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** Posts an interactivity payload as Slack does: form-encoded `payload=<json>`, signed. */
export function postInteraction(baseUrl: string, secret: string, payload: unknown): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(body, secret) },
    body,
  });
}

/** Posts an Events API envelope as Slack does: JSON, signed. */
export function postEvent(baseUrl: string, secret: string, envelope: unknown): Promise<Response> {
  const body = JSON.stringify(envelope);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...slackSignatureHeaders(body, secret) },
    body,
  });
}

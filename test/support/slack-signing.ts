import { createHmac } from 'node:crypto';

/** Signs a request body the way Slack does: v0=HMAC-SHA256(secret, `v0:{timestamp}:{body}`). */
export function slackSignatureHeaders(
  body: string,
  signingSecret: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${signature}` };
}

/** Posts a body to the bot's Slack endpoint signed as Slack signs it (form-encoded unless told otherwise). */
export function postToSlack(
  serverUrl: string,
  body: string,
  signingSecret: string,
  contentType = 'application/x-www-form-urlencoded',
): Promise<Response> {
  return fetch(`${serverUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...slackSignatureHeaders(body, signingSecret) },
    body,
  });
}

/** A slash command payload with the fields Slack sends (https://api.slack.com/interactivity/slash-commands). */
export function slashCommandBody(fields: {
  text: string;
  responseUrl: string;
  teamId: string;
  command?: string;
  userId?: string;
  userName?: string;
}): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: fields.teamId,
    team_domain: 'em-agent-test',
    channel_id: 'C0CHANNEL',
    channel_name: 'eng',
    user_id: fields.userId ?? 'U0ALICE',
    user_name: fields.userName ?? 'alice',
    command: fields.command ?? '/em',
    text: fields.text,
    api_app_id: 'A0EMAGENT',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
  }).toString();
}

import { escapeMrkdwn } from './mrkdwn.ts';

/** A policy user id as people read it: `slack:U…` mentions the person, anything else is shown as written. */
export function mentionOf(userId: string): string {
  const slack = /^slack:([UW][A-Z0-9]+)$/i.exec(userId);
  if (slack) return `<@${slack[1]!.toUpperCase()}>`;
  if (userId === 'system:policy') return 'the policy';
  if (userId === 'system:expiry') return 'the expiry';
  return `\`${escapeMrkdwn(userId)}\``;
}

/** A time each reader sees in their own time zone; the fallback (old clients, notifications) is UTC. */
export function slackDate(iso: string): string {
  const date = new Date(iso);
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty} at {time}|${fallback}>`;
}

/**
 * Text in a code block, escaped, within `max` characters fences included. Shortens the raw text (never an
 * entity in the middle) and breaks up backtick fences inside it, which would end the block early.
 */
export function codeBlock(text: string, max: number): string {
  const fit = (raw: string) => escapeMrkdwn(raw).replace(/```/g, '`\u200b``');
  let raw = text;
  let body = fit(raw);
  while (`\`\`\`${body}\`\`\``.length > max) {
    raw = raw.slice(0, Math.floor(raw.length * 0.9) - 1);
    body = `${fit(raw)}…`;
  }
  return `\`\`\`${body}\`\`\``;
}

/** A link people can click, only for http(s) URLs (anything else is shown as text). */
export function linkTo(url: string, label: string): string {
  return /^https?:\/\/[^\s|<>]+$/i.test(url) ? `<${url}|${escapeMrkdwn(label)}>` : escapeMrkdwn(url);
}

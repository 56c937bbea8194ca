import type { StandupListView } from '../../handlers/standup/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SlackMessage } from './types.ts';

const ITEMS = 20;

/** A Slack channel id is shown as a link to the channel; anything else as written. */
const channelOf = (id: string) => (/^[CG][A-Z0-9]+$/.test(id) ? `<#${id}>` : `\`${escapeMrkdwn(id)}\``);

/** `/standup list`: each standup with its channel, members and schedule, and the commands that manage it. */
export function renderStandupListForSlack(view: StandupListView): SlackMessage {
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: 'Standups', emoji: true } }];
  if (view.items.length === 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: 'No standups yet. Send `/standup` to set one up.' },
    });
    return { text: 'No standups yet. Send /standup to set one up.', blocks };
  }
  for (const item of view.items.slice(0, ITEMS)) {
    const state = item.paused ? ' · :double_vertical_bar: paused' : '';
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*${escapeMrkdwn(item.name)}* \`${escapeMrkdwn(item.id)}\`${state}\n${channelOf(item.reportChannel)} · ${item.members} member${item.members === 1 ? '' : 's'} · ${escapeMrkdwn(item.schedule)}`,
          SLACK_LIMITS.sectionText,
        ),
      },
    });
  }
  if (view.items.length > ITEMS) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `and ${view.items.length - ITEMS} more` }],
    });
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: '`/standup edit | pause | resume | delete | stats <name or id>`' }],
  });
  return {
    text: truncate(
      escapeMrkdwn(`Standups: ${view.items.map((item) => item.name).join(', ')}`),
      SLACK_LIMITS.fallbackText,
    ),
    blocks,
  };
}

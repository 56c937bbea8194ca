import type { HelpView } from '../../handlers/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SlackMessage } from './types.ts';

const RESERVED_BLOCKS = 4; // header, intro, "and N more", footer

export function renderHelpForSlack(view: HelpView): SlackMessage {
  const shown = view.commands.slice(0, SLACK_LIMITS.blocksPerMessage - RESERVED_BLOCKS);
  const hidden = view.commands.slice(shown.length);
  const commandBlocks: Block[] = shown.map((command) => ({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: truncate(
        `\`${escapeMrkdwn(command.usage)}\`\n${escapeMrkdwn(command.description)}`,
        SLACK_LIMITS.sectionText,
      ),
    },
  }));
  return {
    text: escapeMrkdwn(`${view.title}: ${view.commands.map((command) => command.usage).join(', ')}`),
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: truncate(view.title, SLACK_LIMITS.headerText), emoji: true },
      },
      { type: 'section', text: { type: 'mrkdwn', text: view.intro } },
      ...commandBlocks,
      ...(hidden.length > 0
        ? [
            {
              type: 'section' as const,
              text: {
                type: 'mrkdwn' as const,
                text: truncate(
                  `…and ${hidden.length} more: ${hidden.map((command) => `\`${escapeMrkdwn(command.usage)}\``).join(', ')}`,
                  SLACK_LIMITS.sectionText,
                ),
              },
            },
          ]
        : []),
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: ':bulb: Questions or ideas? Tell your em-agent admin.' }],
      },
    ],
  };
}

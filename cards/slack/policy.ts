import type { PolicyView } from '../../handlers/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import { codeBlock, mentionOf, slackDate } from './slack-text.ts';
import type { Block, SlackMessage } from './types.ts';

/** Header, source line, "N more lines" and footer. */
const RESERVED_BLOCKS = 4;
/** Room for the fences and the entities escaping adds to a typical line. */
const CHUNK_CHARACTERS = 2_400;

function sourceLine(view: PolicyView): string {
  switch (view.source) {
    case 'tenant': {
      const by = view.updatedBy ? ` by ${mentionOf(view.updatedBy)}` : '';
      const at = view.updatedAt ? ` on ${slackDate(view.updatedAt)}` : '';
      return `Set in chat${by}${at}.`;
    }
    case 'file':
      return 'From the POLICY_FILE em-agent was started with.';
    case 'default':
      return 'The built-in default. It names no approvers yet, so actions that need an approval wait until it does.';
  }
}

/** Splits the YAML at line ends into pieces that each fit one section. */
function chunksOf(yaml: string): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of yaml.replace(/\n$/, '').split('\n')) {
    if (current && current.length + line.length + 1 > CHUNK_CHARACTERS) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** `/em policy show`: the policy in force as YAML, in as many code blocks as it takes. */
export function renderPolicyForSlack(view: PolicyView): SlackMessage {
  const chunks = chunksOf(view.yaml);
  const shown = chunks.slice(0, SLACK_LIMITS.blocksPerMessage - RESERVED_BLOCKS);
  const hiddenLines = chunks
    .slice(shown.length)
    .reduce((lines, chunk) => lines + chunk.split('\n').length, 0);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Approval policy in force', emoji: true } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: sourceLine(view) }] },
    ...shown.map((chunk): Block => ({
      type: 'section',
      text: { type: 'mrkdwn', text: codeBlock(chunk, SLACK_LIMITS.sectionText) },
    })),
  ];
  if (hiddenLines > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${hiddenLines} more lines that do not fit in one message.` }],
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: 'Change it with `/em policy set &lt;yaml&gt;`; an approver has to agree before it takes effect.',
      },
    ],
  });
  return {
    text: truncate(escapeMrkdwn(`Approval policy in force:\n${view.yaml}`), SLACK_LIMITS.fallbackText),
    blocks,
  };
}

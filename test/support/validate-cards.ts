import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { SLACK_LIMITS } from '../../cards/slack/mrkdwn.ts';
import type { Block, SlackMessage, TextObject } from '../../cards/slack/types.ts';

/** Asserts a Block Kit message respects Slack's documented limits (and never sends an empty text). */
export function assertWithinSlackLimits(message: SlackMessage, label = 'message'): void {
  assert.ok(message.text.trim().length > 0, `${label}: fallback text is empty`);
  assert.ok(
    message.text.length <= SLACK_LIMITS.fallbackText,
    `${label}: fallback text has ${message.text.length} characters`,
  );
  assert.ok(message.blocks.length > 0, `${label}: no blocks`);
  assert.ok(
    message.blocks.length <= SLACK_LIMITS.blocksPerMessage,
    `${label}: ${message.blocks.length} blocks (max ${SLACK_LIMITS.blocksPerMessage})`,
  );
  message.blocks.forEach((block: Block, index) => {
    const where = `${label}: block ${index} (${block.type})`;
    switch (block.type) {
      case 'header':
        assert.equal(block.text.type, 'plain_text', `${where}: header text must be plain_text`);
        assertText(block.text, SLACK_LIMITS.headerText, where);
        break;
      case 'section':
        assertText(block.text, SLACK_LIMITS.sectionText, where);
        break;
      case 'context':
        assert.ok(block.elements.length > 0, `${where}: no elements`);
        assert.ok(
          block.elements.length <= SLACK_LIMITS.contextElements,
          `${where}: ${block.elements.length} elements (max ${SLACK_LIMITS.contextElements})`,
        );
        for (const element of block.elements) assertText(element, SLACK_LIMITS.sectionText, where);
        break;
      case 'divider':
        break;
      case 'actions':
        assert.ok(block.elements.length > 0 && block.elements.length <= 25, `${where}: 1 to 25 elements`);
        for (const element of block.elements) {
          assert.ok(element.text.text.length > 0 && element.text.text.length <= 75, `${where}: button text`);
          assert.ok(element.action_id.length <= 255, `${where}: action_id`);
          assert.ok((element.value ?? '').length <= 2000, `${where}: value`);
        }
        assert.equal(
          new Set(block.elements.map((element) => element.action_id)).size,
          block.elements.length,
          `${where}: action_ids must be unique in a block`,
        );
        break;
      default:
        assert.fail(`${where}: unexpected block type`);
    }
  });
}

function assertText(text: TextObject, max: number, where: string): void {
  assert.ok(text.type === 'mrkdwn' || text.type === 'plain_text', `${where}: unknown text type`);
  assert.ok(text.text.length > 0, `${where}: empty text`);
  assert.ok(text.text.length <= max, `${where}: ${text.text.length} characters (max ${max})`);
}

interface SerializationContext {
  readonly eventCount: number;
  getEventAt(index: number): { event: number; message: string };
}

interface ParsedCard {
  parse(json: unknown, context: SerializationContext): void;
  validateProperties(): { validationEvents: { event: number; message: string }[] };
  version: { toString(): string } | undefined;
}

interface AdaptiveCardsModule {
  AdaptiveCard: new () => ParsedCard;
  SerializationContext: new () => SerializationContext;
  ValidationEvent: Record<number, string>;
}

/** The official Adaptive Cards parser; in Node it loads only through its UMD build. */
export const AC = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as AdaptiveCardsModule;

/** Every problem the official parser reports for a card: parse events, then property validation. */
export function adaptiveCardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index += 1) {
    const event = context.getEventAt(index);
    problems.push(`parse ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`validate ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return problems;
}

/** Parses a card and returns the version the parser read from it. */
export function adaptiveCardVersion(json: unknown): string | undefined {
  const card = new AC.AdaptiveCard();
  card.parse(json, new AC.SerializationContext());
  return card.version?.toString();
}

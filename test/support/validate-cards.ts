import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { SLACK_LIMITS } from '../../cards/slack/mrkdwn.ts';
import type {
  Block,
  Button,
  InputElement,
  SlackMessage,
  SlackSurfaceView,
  TextObject,
} from '../../cards/slack/types.ts';

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
  assertBlocks(message.blocks, label);
}

/** Asserts a modal or App Home view respects Slack's limits (100 blocks, modal title and metadata). */
export function assertViewWithinSlackLimits(view: SlackSurfaceView, label = 'view'): void {
  assert.ok(view.blocks.length > 0, `${label}: no blocks`);
  assert.ok(
    view.blocks.length <= SLACK_LIMITS.blocksPerView,
    `${label}: ${view.blocks.length} blocks (max ${SLACK_LIMITS.blocksPerView})`,
  );
  if (view.type === 'modal') {
    assertText(view.title, SLACK_LIMITS.modalTitle, `${label}: title`);
    if (view.submit) assertText(view.submit, SLACK_LIMITS.modalTitle, `${label}: submit`);
    if (view.close) assertText(view.close, SLACK_LIMITS.modalTitle, `${label}: close`);
    assert.ok((view.private_metadata ?? '').length <= SLACK_LIMITS.privateMetadata, `${label}: metadata`);
  }
  assertBlocks(view.blocks, label);
}

function assertBlocks(blocks: Block[], label: string): void {
  const blockIds = blocks.flatMap((block) => ('block_id' in block && block.block_id ? [block.block_id] : []));
  assert.equal(new Set(blockIds).size, blockIds.length, `${label}: duplicate block_id`);
  blocks.forEach((block: Block, index) => {
    const where = `${label}: block ${index} (${block.type})`;
    if ('block_id' in block && block.block_id !== undefined) {
      assert.ok(block.block_id.length <= SLACK_LIMITS.blockId, `${where}: block_id too long`);
    }
    switch (block.type) {
      case 'header':
        assert.equal(block.text.type, 'plain_text', `${where}: header text must be plain_text`);
        assertText(block.text, SLACK_LIMITS.headerText, where);
        break;
      case 'section':
        assertText(block.text, SLACK_LIMITS.sectionText, where);
        assert.ok((block.fields ?? []).length <= SLACK_LIMITS.sectionFields, `${where}: too many fields`);
        for (const field of block.fields ?? []) assertText(field, SLACK_LIMITS.fieldText, `${where}: field`);
        if (block.accessory) assertButton(block.accessory, `${where}: accessory`);
        break;
      case 'actions': {
        assert.ok(block.elements.length > 0, `${where}: no elements`);
        assert.ok(block.elements.length <= SLACK_LIMITS.actionElements, `${where}: too many elements`);
        const ids = block.elements.map((element) => element.action_id);
        assert.equal(new Set(ids).size, ids.length, `${where}: duplicate action_id in one block`);
        for (const element of block.elements) assertButton(element, where);
        break;
      }
      case 'input':
        assertText(block.label, SLACK_LIMITS.inputLabel, `${where}: label`);
        assertInput(block.element, where);
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
      default:
        assert.fail(`${where}: unexpected block type`);
    }
  });
}

function assertButton(button: Button, where: string): void {
  assert.equal(button.type, 'button', `${where}: only buttons are expected`);
  assert.equal(button.text.type, 'plain_text', `${where}: button text must be plain_text`);
  assertText(button.text, SLACK_LIMITS.buttonText, `${where}: button`);
  assert.ok(button.action_id.length > 0 && button.action_id.length <= SLACK_LIMITS.actionId, where);
  assert.ok((button.value ?? '').length <= SLACK_LIMITS.buttonValue, `${where}: button value too long`);
  if (button.confirm) {
    assertText(button.confirm.title, SLACK_LIMITS.confirmTitle, `${where}: confirm title`);
    assertText(button.confirm.text, SLACK_LIMITS.confirmText, `${where}: confirm text`);
    assertText(button.confirm.confirm, SLACK_LIMITS.confirmButton, `${where}: confirm button`);
    assertText(button.confirm.deny, SLACK_LIMITS.confirmButton, `${where}: deny button`);
  }
}

/** Slack's limits for the option lists of selects, checkboxes and radio buttons. */
const OPTION_LIMITS = {
  static_select: 100,
  checkboxes: 10,
  radio_buttons: 10,
  text: 75,
  value: 150,
} as const;

function assertInput(input: InputElement, where: string): void {
  assert.ok(
    input.action_id.length > 0 && input.action_id.length <= SLACK_LIMITS.actionId,
    `${where}: action_id`,
  );
  switch (input.type) {
    case 'plain_text_input':
      assert.ok((input.max_length ?? 0) <= SLACK_LIMITS.inputLength, `${where}: max_length`);
      assert.ok((input.initial_value ?? '').length <= SLACK_LIMITS.inputLength, `${where}: initial_value`);
      break;
    case 'static_select':
    case 'checkboxes':
    case 'radio_buttons': {
      assert.ok(input.options.length > 0, `${where}: no options`);
      assert.ok(
        input.options.length <= OPTION_LIMITS[input.type],
        `${where}: ${input.options.length} options`,
      );
      const values = input.options.map((option) => option.value);
      assert.equal(new Set(values).size, values.length, `${where}: duplicate option value`);
      for (const option of input.options) {
        assertText(option.text, OPTION_LIMITS.text, `${where}: option`);
        assert.ok(
          option.value.length > 0 && option.value.length <= OPTION_LIMITS.value,
          `${where}: option value`,
        );
      }
      const initial =
        input.type === 'checkboxes'
          ? (input.initial_options ?? [])
          : input.initial_option
            ? [input.initial_option]
            : [];
      if (input.type === 'checkboxes' && input.initial_options)
        assert.ok(initial.length > 0, `${where}: empty initial_options`);
      for (const chosen of initial) {
        assert.ok(
          input.options.some((option) => JSON.stringify(option) === JSON.stringify(chosen)),
          `${where}: initial option not among the options`,
        );
      }
      break;
    }
    case 'timepicker':
      if (input.initial_time !== undefined)
        assert.match(input.initial_time, /^([01]\d|2[0-3]):[0-5]\d$/, where);
      break;
    case 'multi_users_select':
    case 'conversations_select':
      break;
    default:
      assert.fail(`${where}: unexpected input element`);
  }
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

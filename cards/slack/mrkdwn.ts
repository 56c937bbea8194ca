/** Slack treats &, < and > as control characters in mrkdwn and plain_text; everything else is literal. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack's documented limits for the blocks we use. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  /** Modals and the App Home tab. */
  blocksPerView: 100,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  modalTitle: 24,
  inputLabel: 2000,
  /** The most a plain_text_input can hold. */
  inputLength: 3000,
  privateMetadata: 3000,
  fallbackText: 40_000,
} as const;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

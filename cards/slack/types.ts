/** The subset of Block Kit we emit. Plain data: Bolt's `respond`/`chat.postMessage` take it as is. */
export type TextObject =
  { type: 'mrkdwn'; text: string } | { type: 'plain_text'; text: string; emoji?: boolean };

export type Block =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji?: boolean } }
  | { type: 'section'; text: TextObject }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' }
  | { type: 'actions'; block_id?: string; elements: ButtonElement[] };

export interface ButtonElement {
  type: 'button';
  text: { type: 'plain_text'; text: string; emoji?: boolean };
  action_id: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

export interface SlackMessage {
  /** Notification and screen-reader fallback for the blocks. */
  text: string;
  blocks: Block[];
}

/** Shared shapes of the channel-neutral domain. Nothing here knows Slack, Teams, HTTP or the database. */

import type { IdentityDirectory } from './identity/types.ts';

export type Surface = 'slack' | 'teams';

/** Who is asking, resolved by the edge before any handler runs. */
export interface Actor {
  surface: Surface;
  /** Slack team id, Teams tenant id, or `demo`. Every query a handler makes is scoped by it. */
  tenantId: string;
  /** The person's id on that surface (Slack user id, Teams AAD object id or channel account id). */
  userId: string;
  displayName?: string;
}

/** A command as typed by a person, whichever surface it came from (`/em help` or `help`). */
export interface CommandInput {
  actor: Actor;
  /** The first word, lower-cased; empty when the person sent nothing but the command itself. */
  name: string;
  args: string[];
  /** Everything after the command name, as typed (not logged: it may hold personal data). */
  rawArgs: string;
  conversationId?: string;
  /** Ports the composition root supplies to commands that need them. */
  ports?: CommandPorts;
}

export interface CommandPorts {
  identity?: IdentityDirectory;
}

export interface HelpEntry {
  name: string;
  usage: string;
  description: string;
}

export interface HelpView {
  kind: 'help';
  title: string;
  intro: string;
  commands: HelpEntry[];
}

export interface NoticeView {
  kind: 'notice';
  tone: 'info' | 'warning' | 'error';
  title: string;
  body: string;
  /** A command the person can send next, shown as a hint. */
  suggestion?: string;
}

/** Everything a handler can show; each kind has a Slack and a Teams renderer in `cards/`. */
export type View = HelpView | NoticeView;

export interface Reply {
  view: View;
  /** `private`: only the person who asked sees it (ephemeral in Slack, a personal reply in Teams). */
  visibility: 'private' | 'conversation';
}

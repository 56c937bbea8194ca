import { Temporal } from 'temporal-polyfill';
import type { TimeOff } from './types.ts';

/** A chat status as the platform gives it (Slack's `status_emoji`, `status_text`, `status_expiration`). */
export interface ChatStatus {
  emoji?: string;
  text?: string;
  /** Epoch seconds when the status clears; 0 or absent: it does not. */
  expiration?: number;
}

/**
 * Emoji that mean "not working" in a status: Slack's own "Vacationing" and "Out sick" suggestions and their
 * usual stand-ins. Not :house_with_garden: ("Working remotely") nor meeting or commuting ones.
 */
export const AWAY_STATUS_EMOJI: readonly string[] = [
  ':palm_tree:',
  ':desert_island:',
  ':beach_with_umbrella:',
  ':airplane:',
  ':face_with_thermometer:',
  ':thermometer:',
];

/** Words that mean away in a status text, whole words only: "OOO until Monday", not "Foo". */
const AWAY_STATUS_TEXT = /\b(out of (the )?office|ooo|vacation(ing)?|on leave|pto|holidays?)\b/i;

/** What a reported away is called in replies; the status text itself is the person's and is not kept. */
export const STATUS_AWAY_NOTE = 'Slack status';

/**
 * The time off a status says: from today through the local date it expires on (with no expiration, today
 * only), or undefined when it says nothing of being away or has already expired.
 */
export function awayFromStatus(status: ChatStatus, timeZone: string, now: Date): TimeOff | undefined {
  const away =
    (status.emoji !== undefined && AWAY_STATUS_EMOJI.includes(status.emoji)) ||
    (status.text !== undefined && AWAY_STATUS_TEXT.test(status.text));
  if (!away) return undefined;
  const expires = status.expiration ? status.expiration * 1000 : undefined;
  if (expires !== undefined && expires <= now.getTime()) return undefined;
  const dateAt = (ms: number) =>
    Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate().toString();
  // A status that clears at local midnight covers the day before, not the day it clears on.
  return {
    from: dateAt(now.getTime()),
    to: dateAt(expires === undefined ? now.getTime() : expires - 1000),
    note: STATUS_AWAY_NOTE,
  };
}

import type { DeliveryDigestView } from '../handlers/delivery-digest/types.ts';

/** The digest's title and one-line summary, the same on both surfaces (and the notification text). */
export function digestHeadline(view: DeliveryDigestView): { title: string; summary: string } {
  const title = `Delivery this week · ${view.team}`;
  const week = `Week of ${view.from} to ${view.to} against the week before.`;
  const count = view.changes.length;
  const summary =
    count === 0
      ? `${week} ${view.quiet ?? 'Nothing notable changed.'}`
      : `${week} ${count} ${count === 1 ? 'change' : 'changes'} worth a look.`;
  return { title, summary };
}

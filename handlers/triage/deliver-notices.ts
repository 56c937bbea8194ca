import type { CalendarSource } from '../availability/types.ts';
import { isWorking } from '../availability/working-time.ts';
import type { ChatPoster, Delivery } from '../delivery/types.ts';
import { localTimeOf } from './local-time.ts';
import type { NoticeStore, PendingNotice } from './notify-types.ts';

export interface NoticeDeliveryDeps {
  notices: NoticeStore;
  calendars: CalendarSource;
  poster: ChatPoster;
}

export interface NoticeDeliveryResult {
  /** New messages, and messages edited in place. */
  sent: number;
  edited: number;
  /** Waiting for the person's working hours or tomorrow's budget. */
  held: number;
  refused: number;
}

/** One PR's message: the earlier one edited in place when there is one, else (or when it is gone) a new one. */
async function deliver(
  deps: NoticeDeliveryDeps,
  notice: PendingNotice,
  account: Parameters<ChatPoster['sendDirect']>[1],
) {
  if (notice.ref) {
    const edited = await deps.poster.update(notice.tenantId, notice.ref, notice.view);
    if (edited.ok) return { delivery: edited, edited: true };
  }
  const sent: Delivery = await deps.poster.sendDirect(notice.tenantId, account, notice.view, {
    key: `${notice.id}|r${notice.revision}`,
  });
  return { delivery: sent, edited: false };
}

/**
 * Sends the PR messages that have news, to people in their working hours and within their daily budget; the
 * rest wait for a later run. Every revision's delivery is claimed first, so two runs send it once.
 */
export async function deliverNotices(deps: NoticeDeliveryDeps, now: Date): Promise<NoticeDeliveryResult> {
  const result: NoticeDeliveryResult = { sent: 0, edited: 0, held: 0, refused: 0 };
  for (const tenantId of await deps.notices.tenantsWithPending()) {
    const byLogin = new Map<string, PendingNotice[]>();
    for (const notice of await deps.notices.pending(tenantId)) {
      byLogin.set(notice.login, [...(byLogin.get(notice.login) ?? []), notice]);
    }
    for (const [login, notices] of byLogin) {
      const recipient = await deps.notices.recipientOf(tenantId, login);
      // Opted out since: their notices stay unsent.
      if (!recipient) continue;
      const { account } = recipient;
      const calendar = (await deps.calendars.calendarsOf(tenantId, [account])).get(
        `${account.tool}:${account.handle}`,
      );
      if (!calendar || !isWorking(calendar, now)) {
        result.held += notices.length;
        continue;
      }
      const date = localTimeOf(calendar.timeZone, now).date;
      for (const [index, notice] of notices.entries()) {
        if (!(await deps.notices.claimDelivery(tenantId, notice.id, notice.revision, now))) continue;
        if (!(await deps.notices.takeBudget(tenantId, login, date, recipient.dailyBudget, now))) {
          await deps.notices.releaseDelivery(tenantId, notice.id, notice.revision);
          result.held += notices.length - index;
          break;
        }
        const { delivery, edited } = await deliver(deps, notice, account);
        if (!delivery.ok) {
          await deps.notices.releaseDelivery(tenantId, notice.id, notice.revision);
          result.refused += 1;
          continue;
        }
        await deps.notices.delivered(tenantId, notice.id, notice.revision, delivery.ref, now);
        if (edited) result.edited += 1;
        else result.sent += 1;
      }
    }
  }
  return result;
}

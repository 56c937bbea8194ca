import { createHash } from 'node:crypto';
import { isDuplicateKey } from '../db/duplicate-key.ts';
import type { BlockerStore, NewBlocker, StandupBlocker } from '../../handlers/standup/blocker-types.ts';
import { accountKey, type ChatAccount } from '../../handlers/standup/types.ts';
import type { Models } from '../models/index.ts';
import type { StandupBlockerFields } from '../models/standup-blocker.ts';
import { countStandupDay, standupDayId } from '../models/standup-day.ts';

type StoreModels = Pick<Models, 'StandupBlocker' | 'StandupDay' | 'DeliveryClaim'>;

/** A line's identity within the member's day: the same words (spacing and case aside) are the same blocker. */
function blockerId(blocker: NewBlocker): string {
  const words = (blocker.text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  const hash = createHash('sha256').update(words).digest('hex').slice(0, 16);
  return [blocker.tenantId, blocker.standupId, blocker.date, accountKey(blocker.member), hash].join('|');
}

const claimId = (tenantId: string, id: string, step: string) => `${tenantId}|standup-blocker|${step}|${id}`;

function toBlocker({ _id, purgedAt: _purged, ...fields }: StandupBlockerFields): StandupBlocker {
  return { id: _id, ...fields };
}

/** The blocker store on mongoose; only `_id`, equality and `$inc`, as FerretDB v1 serves them. */
export function createBlockerStore(models: StoreModels): BlockerStore {
  const { StandupBlocker, StandupDay, DeliveryClaim } = models;
  const memberFilter = (tenantId: string, standupId: string, member: ChatAccount) => ({
    tenantId,
    standupId,
    'member.handle': member.handle,
    'member.tool': member.tool,
  });
  const oldestFirst = (blockers: StandupBlockerFields[]) =>
    blockers.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime()).map(toBlocker);

  async function claim(tenantId: string, id: string, step: string, at: Date): Promise<boolean> {
    try {
      await DeliveryClaim.create({ _id: claimId(tenantId, id, step), tenantId, claimedAt: at });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  return {
    async replaceDay(tenantId, standupId, member, date, blockers) {
      const ids = blockers.map(blockerId);
      const removed = await StandupBlocker.deleteMany({
        ...memberFilter(tenantId, standupId, member),
        date,
        status: 'open',
        _id: { $nin: ids },
      });
      let added = 0;
      for (const [index, blocker] of blockers.entries()) {
        // Kept lines (open or closed) are already there under the same id and stay as they are.
        try {
          await StandupBlocker.create({ _id: ids[index], ...blocker, status: 'open' });
          added += 1;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
      }
      return { removed: removed.deletedCount, added };
    },
    async openOf(tenantId, standupId, member) {
      return oldestFirst(
        await StandupBlocker.find({ ...memberFilter(tenantId, standupId, member), status: 'open' }).lean(),
      );
    },
    async openIn(tenantId) {
      return oldestFirst(await StandupBlocker.find({ tenantId, status: 'open' }).lean());
    },
    async closedSince(tenantId, standupId, since) {
      return oldestFirst(
        await StandupBlocker.find({
          tenantId,
          standupId,
          status: 'closed',
          closedAt: { $gte: since },
        }).lean(),
      );
    },
    async close(tenantId, id, by, at) {
      // A conditional update is not atomic on FerretDB v1 (two runs can both see it open): the claim is.
      if (!(await claim(tenantId, id, 'close', at))) return false;
      const result = await StandupBlocker.updateOne(
        { tenantId, _id: id, status: 'open' },
        { $set: { status: 'closed', closedAt: at, closedBy: by } },
      );
      return result.modifiedCount === 1;
    },
    async setUnblockers(tenantId, id, unblockers) {
      await StandupBlocker.updateOne({ tenantId, _id: id }, { $set: { unblockers } });
    },
    claim,
    async release(tenantId, id, step) {
      await DeliveryClaim.deleteOne({ tenantId, _id: claimId(tenantId, id, step) });
    },
    async recordNudge(tenantId, id, target, date) {
      const blocker = await StandupBlocker.findOne({ tenantId, _id: id }, { nudges: 1 }).lean();
      if (!blocker) return;
      const nudges = [...blocker.nudges.filter((nudge) => nudge.target !== target), { target, date }];
      await StandupBlocker.updateOne({ tenantId, _id: id }, { $set: { nudges } });
    },
    async recordEscalation(tenantId, id, at) {
      await StandupBlocker.updateOne({ tenantId, _id: id }, { $set: { escalatedAt: at } });
    },
    async recordCarry(tenantId, id) {
      await StandupBlocker.updateOne({ tenantId, _id: id }, { $inc: { carriedCount: 1 } });
    },
    async countDay(tenantId, standupId, date, increments) {
      await countStandupDay(StandupDay, tenantId, standupId, date, increments);
    },
    async daysOf(tenantId, standupId, dates) {
      const ids = dates.map((date) => standupDayId(tenantId, standupId, date));
      const days = await StandupDay.find({ tenantId, _id: { $in: ids } }).lean();
      return days.map(
        ({ date, prompted, answered, away, blockersOpened, blockersClosed, blockersCarried }) => ({
          date,
          prompted,
          answered,
          away,
          blockersOpened,
          blockersClosed,
          blockersCarried,
        }),
      );
    },
  };
}

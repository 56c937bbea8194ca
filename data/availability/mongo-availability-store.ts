import type { AvailabilityStore } from '../../handlers/availability/types.ts';
import type { Models } from '../models/index.ts';

/**
 * Availability kept per person, so what someone sets from Slack holds in Teams too. The account's person comes
 * from `people`; an account nobody has linked is a person of its own, as everywhere else.
 */
export function createAvailabilityStore(
  Person: Models['Person'],
  PersonAvailability: Models['PersonAvailability'],
): AvailabilityStore {
  async function personIdOf(tenantId: string, account: { tool: 'slack' | 'teams'; handle: string }) {
    // By _id, which names tenant, tool and handle: FerretDB pushes that down on either backend.
    const _id = `${tenantId}|${account.tool}|${account.handle}`;
    const doc = await Person.findOne({ tenantId, _id }, { personId: 1 }).lean();
    return doc?.personId ?? `${account.tool}:${account.handle}`;
  }
  return {
    async settingsOf(tenantId, account) {
      const personId = await personIdOf(tenantId, account);
      const doc = await PersonAvailability.findOne({ tenantId, personId }).lean();
      return {
        ...(doc?.timeZone ? { timeZone: doc.timeZone } : {}),
        ...(doc?.reportedTimeZone ? { reportedTimeZone: doc.reportedTimeZone } : {}),
        timeOff: (doc?.timeOff ?? []).map(({ from, to, note }) => ({ from, to, ...(note ? { note } : {}) })),
      };
    },
    async save(tenantId, account, settings) {
      const personId = await personIdOf(tenantId, account);
      await PersonAvailability.updateOne(
        { tenantId, personId },
        { $set: { timeZone: settings.timeZone ?? null, timeOff: settings.timeOff, updatedAt: new Date() } },
        { upsert: true },
      );
    },
    async reportTimeZone(tenantId, account, timeZone) {
      const personId = await personIdOf(tenantId, account);
      await PersonAvailability.updateOne(
        { tenantId, personId },
        { $set: { reportedTimeZone: timeZone, updatedAt: new Date() } },
        { upsert: true },
      );
    },
  };
}

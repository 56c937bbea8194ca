import type { AvailabilityStore } from '../../handlers/availability/types.ts';
import { upsertRetryingRace } from '../db/duplicate-key.ts';
import type { Models } from '../models/index.ts';
import { settingsFromDoc, teamDefaultsFromDoc } from './availability-from-docs.ts';

/**
 * Availability kept per person, so what someone sets from Slack holds in Teams too. The account's person comes
 * from `people`; an account nobody has linked is a person of its own, as everywhere else. The team's defaults
 * are one document per tenant.
 */
export function createAvailabilityStore(
  models: Pick<Models, 'Person' | 'PersonAvailability' | 'TeamAvailability'>,
): AvailabilityStore {
  const { Person, PersonAvailability, TeamAvailability } = models;
  async function personIdOf(tenantId: string, account: { tool: 'slack' | 'teams'; handle: string }) {
    // By _id, which names tenant, tool and handle: FerretDB pushes that down on either backend.
    const _id = `${tenantId}|${account.tool}|${account.handle}`;
    const doc = await Person.findOne({ tenantId, _id }, { personId: 1 }).lean();
    return doc?.personId ?? `${account.tool}:${account.handle}`;
  }
  return {
    async settingsOf(tenantId, account) {
      const personId = await personIdOf(tenantId, account);
      return settingsFromDoc(await PersonAvailability.findOne({ tenantId, personId }).lean());
    },
    async save(tenantId, account, settings) {
      const personId = await personIdOf(tenantId, account);
      await upsertRetryingRace(() =>
        PersonAvailability.updateOne(
          { tenantId, personId },
          {
            $set: {
              timeZone: settings.timeZone ?? null,
              timeOff: settings.timeOff,
              workingDays: settings.hours ? [...settings.hours.workingDays] : null,
              workingHours: settings.hours?.workingHours ?? null,
              holidayRegion: settings.holidayRegion ?? null,
              updatedAt: new Date(),
            },
          },
          { upsert: true },
        ),
      );
    },
    async report(tenantId, account, reported) {
      const personId = await personIdOf(tenantId, account);
      const $set = Object.fromEntries(
        Object.entries(reported).filter(([, value]) => value !== undefined),
      ) as Record<string, unknown>;
      await upsertRetryingRace(() =>
        PersonAvailability.updateOne(
          { tenantId, personId },
          { $set: { ...$set, updatedAt: new Date() } },
          { upsert: true },
        ),
      );
    },
    async teamDefaultsOf(tenantId) {
      return teamDefaultsFromDoc(await TeamAvailability.findOne({ tenantId }).lean());
    },
    async saveTeamDefaults(tenantId, defaults, updatedBy) {
      await upsertRetryingRace(() =>
        TeamAvailability.updateOne(
          { tenantId },
          {
            $set: {
              workingDays: defaults.hours ? [...defaults.hours.workingDays] : null,
              workingHours: defaults.hours?.workingHours ?? null,
              holidayRegion: defaults.holidayRegion ?? null,
              updatedBy,
              updatedAt: new Date(),
            },
          },
          { upsert: true },
        ),
      );
    },
  };
}

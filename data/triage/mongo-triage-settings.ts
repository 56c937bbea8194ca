import type { TriageSettings, TriageSettingsStore, TriageThresholds } from '../../handlers/triage/types.ts';
import type { TriageSettingsModel } from '../models/triage-settings.ts';

/** The tenant-wide settings' team name: what a team without its own falls back to. */
export const TENANT_WIDE = '*';
const DEFAULT_DIGEST_TIME = '10:00';

type Doc = { thresholds?: Record<string, number>; botLogins?: string[]; digestTime?: string } | null;

/** Per-team triage settings, one document per tenant and team read by `_id`; the team's over the tenant's. */
export function createTriageSettingsStore(TriageSettings: TriageSettingsModel): TriageSettingsStore {
  const idOf = (tenantId: string, team: string) => `${tenantId}|${team}`;
  return {
    async settingsOf(tenantId, team) {
      const ids = [
        idOf(tenantId, TENANT_WIDE),
        ...(team && team !== TENANT_WIDE ? [idOf(tenantId, team)] : []),
      ];
      const docs = await TriageSettings.find({
        tenantId,
        _id: ids.length === 1 ? ids[0] : { $in: ids },
      }).lean();
      const tenantWide: Doc = docs.find((doc) => doc._id === ids[0]) ?? null;
      const own: Doc = (ids[1] && docs.find((doc) => doc._id === ids[1])) || null;
      const settings: TriageSettings = {
        thresholds: { ...tenantWide?.thresholds, ...own?.thresholds } as Partial<TriageThresholds>,
        botLogins: [...new Set([...(tenantWide?.botLogins ?? []), ...(own?.botLogins ?? [])])],
        digestTime: own?.digestTime ?? tenantWide?.digestTime ?? DEFAULT_DIGEST_TIME,
      };
      return settings;
    },
    async save(tenantId, team, settings, updatedBy) {
      await TriageSettings.updateOne(
        { tenantId, _id: idOf(tenantId, team) },
        {
          $set: {
            team,
            ...(settings.thresholds ? { thresholds: settings.thresholds } : {}),
            ...(settings.botLogins ? { botLogins: settings.botLogins } : {}),
            ...(settings.digestTime ? { digestTime: settings.digestTime } : {}),
            updatedBy,
            updatedAt: new Date(),
          },
        },
        { upsert: true },
      );
    },
  };
}

import { upsertRetryingRace } from '../db/duplicate-key.ts';
import { TENANT_WIDE, type TriageSettingsStore, type TriageThresholds } from '../../handlers/triage/types.ts';

import type { TriageSettingsModel } from '../models/triage-settings.ts';

const DEFAULT_DIGEST_TIME = '10:00';

type Doc = { thresholds?: Record<string, number>; botLogins?: string[]; digestTime?: string } | null;

/** Per-team triage settings, one document per tenant and team read by `_id`; the team's over the tenant's. */
export function createTriageSettingsStore(TriageSettings: TriageSettingsModel): TriageSettingsStore {
  const idOf = (tenantId: string, team: string) => `${tenantId}|${team}`;
  return {
    async settingsOf(tenantId, team) {
      // Two reads by `_id` (what FerretDB answers from its index), not one `$in`, which it scans.
      const [tenantWide, own]: Doc[] = await Promise.all([
        TriageSettings.findOne({ tenantId, _id: idOf(tenantId, TENANT_WIDE) }).lean(),
        team && team !== TENANT_WIDE
          ? TriageSettings.findOne({ tenantId, _id: idOf(tenantId, team) }).lean()
          : Promise.resolve(null),
      ]);
      return {
        thresholds: { ...tenantWide?.thresholds, ...own?.thresholds } as Partial<TriageThresholds>,
        botLogins: [...new Set([...(tenantWide?.botLogins ?? []), ...(own?.botLogins ?? [])])],
        digestTime: own?.digestTime ?? tenantWide?.digestTime ?? DEFAULT_DIGEST_TIME,
      };
    },
    async save(tenantId, team, settings, updatedBy) {
      await upsertRetryingRace(() =>
        TriageSettings.updateOne(
          { tenantId, _id: idOf(tenantId, team) },
          {
            $set: {
              team,
              // Field by field, so setting one threshold keeps the others set before.
              ...Object.fromEntries(
                Object.entries(settings.thresholds ?? {}).map(([field, value]) => [
                  `thresholds.${field}`,
                  value,
                ]),
              ),
              ...(settings.botLogins ? { botLogins: settings.botLogins } : {}),
              ...(settings.digestTime ? { digestTime: settings.digestTime } : {}),
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

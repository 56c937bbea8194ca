import assert from 'node:assert/strict';
import { pino } from 'pino';
import { createChatProfileReports } from '../../bot/chat-profile-reports.ts';
import { createHolidayRegions } from '../../data/availability/holiday-regions.ts';
import { createPublicHolidays } from '../../data/availability/public-holidays.ts';
import type { AvailabilityStore, ReportedSettings } from '../../handlers/availability/types.ts';

const TENANT = 'T0REPORTS';
const account = { tool: 'slack' as const, handle: 'U1' };
const NOW = new Date('2026-12-02T15:00:00Z');

/** A store that keeps only what `report` was given, in order. */
function recordingStore(failing = false) {
  const writes: ReportedSettings[] = [];
  const store = {
    async report(_tenantId: string, _account: unknown, reported: ReportedSettings) {
      if (failing) throw new Error('database down');
      writes.push(reported);
    },
  } as unknown as AvailabilityStore;
  return { store, writes };
}

describe('what chat profiles report (zone, locale, status), recorded only when it changes', () => {
  const regions = createHolidayRegions(createPublicHolidays());
  const log = pino({ level: 'silent' });

  it("reads the zone, the locale's country and a vacation status, in one write", async () => {
    const { store, writes } = recordingStore();
    const reports = createChatProfileReports(store, regions, log, () => NOW);
    await reports.report(TENANT, account, {
      timeZone: 'europe/berlin',
      locale: 'de-DE',
      status: {
        emoji: ':palm_tree:',
        text: 'Vacationing',
        expiration: Date.parse('2026-12-05T12:00:00Z') / 1000,
      },
    });
    assert.deepEqual(writes, [
      {
        reportedTimeZone: 'Europe/Berlin',
        reportedRegion: 'DE',
        reportedAway: { from: '2026-12-02', to: '2026-12-05', note: 'Slack status' },
      },
    ]);
  });

  it('writes again only what changed, and clears a status that no longer says away', async () => {
    const { store, writes } = recordingStore();
    const reports = createChatProfileReports(store, regions, log, () => NOW);
    const profile = { timeZone: 'Asia/Kolkata', locale: 'en_IN', status: { emoji: ':airplane:' } };
    await reports.report(TENANT, account, profile);
    await reports.report(TENANT, account, profile);
    await reports.report(TENANT, account, { ...profile, status: { emoji: '', text: '' } });
    assert.deepEqual(writes, [
      {
        reportedTimeZone: 'Asia/Kolkata',
        reportedRegion: 'IN',
        reportedAway: { from: '2026-12-02', to: '2026-12-02', note: 'Slack status' },
      },
      { reportedAway: null },
    ]);
  });

  it('ignores what it cannot use, touches no status where none is reported, and never rejects', async () => {
    const { store, writes } = recordingStore();
    const reports = createChatProfileReports(store, regions, log, () => NOW);
    await reports.report(TENANT, account, { timeZone: 'Mars/Base', locale: 'en', status: undefined });
    await reports.report(TENANT, account, { timeZone: 42, locale: 'xx-QQ' });
    assert.deepEqual(writes, [], 'nothing usable: no write at all');
    const failing = createChatProfileReports(recordingStore(true).store, regions, log, () => NOW);
    await failing.report(TENANT, account, { timeZone: 'UTC' });
  });
});

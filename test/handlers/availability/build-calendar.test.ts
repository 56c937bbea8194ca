import assert from 'node:assert/strict';
import { buildCalendar } from '../../../handlers/availability/build-calendar.ts';
import type { AvailabilitySettings, TeamDefaults } from '../../../handlers/availability/types.ts';

const holidays = () => undefined;
const teamHours = { workingDays: [1, 2, 3, 4], workingHours: { start: '08:00', end: '18:00' } };
const ownHours = { workingDays: [2, 3], workingHours: { start: '10:00', end: '14:00' } };

function calendarOf(settings: Partial<AvailabilitySettings>, team: TeamDefaults = {}) {
  return buildCalendar({ timeOff: [], ...settings }, team, holidays);
}

describe("a person's calendar from their settings, their chat profile and the team's defaults", () => {
  it("takes their own hours, else the team's, else Monday to Friday 09:00-17:00", () => {
    const built = calendarOf({});
    assert.deepEqual(
      [built.workingDays, built.workingHours],
      [[1, 2, 3, 4, 5], { start: '09:00', end: '17:00' }],
    );
    assert.deepEqual(calendarOf({}, { hours: teamHours }).workingHours, teamHours.workingHours);
    assert.deepEqual(calendarOf({ hours: ownHours }, { hours: teamHours }).workingDays, [2, 3]);
  });

  it("takes their own holiday region, else the team's, else their chat locale's country; none ends it", () => {
    assert.equal(calendarOf({}).holidayRegion, undefined);
    assert.equal(calendarOf({ reportedRegion: 'US' }).holidayRegion, 'US');
    assert.equal(calendarOf({ reportedRegion: 'US' }, { holidayRegion: 'DE-BY' }).holidayRegion, 'DE-BY');
    assert.equal(
      calendarOf({ holidayRegion: 'IN-KA', reportedRegion: 'US' }, { holidayRegion: 'DE-BY' }).holidayRegion,
      'IN-KA',
    );
    assert.equal(calendarOf({ holidayRegion: 'none' }, { holidayRegion: 'DE-BY' }).holidayRegion, undefined);
    assert.equal(calendarOf({ reportedRegion: 'US' }, { holidayRegion: 'none' }).holidayRegion, undefined);
  });

  it('adds a reported away to the time off they typed, and counts in their zone', () => {
    const typed = { from: '2026-12-24', to: '2026-12-26' };
    const reported = { from: '2026-12-02', to: '2026-12-04', note: 'Slack status' };
    const built = calendarOf({ timeOff: [typed], reportedAway: reported, reportedTimeZone: 'Asia/Kolkata' });
    assert.deepEqual(built.timeOff, [typed, reported]);
    assert.equal(built.timeZone, 'Asia/Kolkata');
    assert.equal(
      calendarOf({ timeZone: 'Pacific/Auckland', reportedTimeZone: 'Asia/Kolkata' }).timeZone,
      'Pacific/Auckland',
    );
  });
});

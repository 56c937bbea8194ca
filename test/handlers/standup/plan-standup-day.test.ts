import assert from 'node:assert/strict';
import { createPublicHolidays } from '../../../data/availability/public-holidays.ts';
import type { WorkingCalendar } from '../../../handlers/availability/types.ts';
import {
  answerDateFor,
  candidateDates,
  describeAbsence,
  planMemberDay,
} from '../../../handlers/standup/plan-standup-day.ts';
import type { Standup } from '../../../handlers/standup/types.ts';

const holidays = createPublicHolidays();
const member = { tool: 'slack' as const, handle: 'U1' };

function calendar(overrides: Partial<WorkingCalendar>): WorkingCalendar {
  return {
    timeZone: 'UTC',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: '09:00', end: '17:00' },
    timeOff: [],
    holidays,
    ...overrides,
  };
}

const standup: Standup = {
  id: 'st_1',
  tenantId: 'T1',
  name: 'Platform daily',
  surface: 'slack',
  reportChannel: 'C1',
  owner: member,
  members: [member],
  memberSource: { kind: 'people' },
  questions: [{ id: 'q1', text: 'Yesterday?', kind: 'text' }],
  days: [1, 2, 3, 4, 5],
  promptTime: '09:30',
  deadlineTime: '11:00',
  reminderMinutes: 60,
  paused: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe("a standup day in each member's own zone", () => {
  it('prompts at 09:30 local on both sides of the US autumn change (UTC−7, then UTC−8)', () => {
    const ana = calendar({ timeZone: 'America/Los_Angeles' });
    assert.equal(planMemberDay(standup, member, ana, '2026-10-30').promptAt, '2026-10-30T16:30:00.000Z');
    assert.equal(planMemberDay(standup, member, ana, '2026-11-02').promptAt, '2026-11-02T17:30:00.000Z');
    assert.equal(planMemberDay(standup, member, ana, '2026-11-02').reminderAt, '2026-11-02T18:00:00.000Z');
    assert.equal(planMemberDay(standup, member, ana, '2026-11-02').deadlineAt, '2026-11-02T19:00:00.000Z');
  });

  it('prompts at 09:30 local on both sides of the southern spring change (Auckland, UTC+12 then +13)', () => {
    const tui = calendar({ timeZone: 'Pacific/Auckland' });
    // New Zealand moves to UTC+13 on Sunday 2026-09-27.
    assert.equal(planMemberDay(standup, member, tui, '2026-09-25').promptAt, '2026-09-24T21:30:00.000Z');
    assert.equal(planMemberDay(standup, member, tui, '2026-09-28').promptAt, '2026-09-27T20:30:00.000Z');
  });

  it('keeps a half-hour zone exact (UTC+5:30) and skips a public holiday there, saying which', () => {
    const ravi = calendar({ timeZone: 'Asia/Kolkata', holidayRegion: 'IN' });
    assert.equal(planMemberDay(standup, member, ravi, '2026-12-03').promptAt, '2026-12-03T04:00:00.000Z');
    const republicDay = planMemberDay(standup, member, ravi, '2027-01-26');
    assert.equal(republicDay.status.kind, 'holiday');
    assert.equal(republicDay.promptAt, undefined);
    assert.equal(describeAbsence(republicDay.status, '2027-01-26'), 'Holiday (IN)');
  });

  it('does not prompt on time off spanning a weekend, and says until when', () => {
    const sam = calendar({
      timeZone: 'Pacific/Tongatapu',
      timeOff: [{ from: '2026-12-04', to: '2026-12-08' }],
    });
    for (const date of ['2026-12-04', '2026-12-07', '2026-12-08']) {
      const day = planMemberDay(standup, member, sam, date);
      assert.equal(day.status.kind, 'away', date);
      assert.equal(describeAbsence(day.status, date), 'Away until Dec 8');
    }
    // UTC+13 all year in Tonga: 09:30 on Wednesday is 20:30 UTC on Tuesday.
    assert.equal(planMemberDay(standup, member, sam, '2026-12-09').promptAt, '2026-12-08T20:30:00.000Z');
  });

  it('skips weekdays the standup does not run, even when the member works them', () => {
    const mondaysOnly = { ...standup, days: [1] };
    assert.equal(planMemberDay(mondaysOnly, member, calendar({}), '2026-12-08').status.kind, 'day-off');
    assert.equal(planMemberDay(mondaysOnly, member, calendar({}), '2026-12-07').status.kind, 'working');
  });

  it('has no reminder when the standup has none', () => {
    const day = planMemberDay({ ...standup, reminderMinutes: null }, member, calendar({}), '2026-12-07');
    assert.equal(day.reminderAt, undefined);
  });

  it("looks at each member's today and yesterday: UTC−8 and UTC+13 are on different dates at once", () => {
    const dates = candidateDates(
      [calendar({ timeZone: 'America/Los_Angeles' }), calendar({ timeZone: 'Pacific/Auckland' })],
      new Date('2026-12-02T20:00:00Z'),
    );
    assert.deepEqual(dates, ['2026-12-01', '2026-12-02', '2026-12-03']);
  });

  it('answers for the next working standup day: Friday evening means Monday', () => {
    const date = answerDateFor(standup, member, calendar({}), new Date('2026-12-04T18:00:00Z'), 'next');
    assert.equal(date, '2026-12-07');
    assert.equal(
      answerDateFor(standup, member, calendar({}), new Date('2026-12-04T18:00:00Z'), 'today'),
      '2026-12-04',
    );
  });
});

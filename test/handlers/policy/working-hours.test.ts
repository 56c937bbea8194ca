import assert from 'node:assert/strict';
import {
  clockMinutes,
  deferToWorkingTime,
  extendToWorkingDayEnd,
  instantAt,
  isTimeZone,
  isWorkingTime,
  type WorkingHours,
} from '../../../handlers/policy/working-hours.ts';

const PARIS: WorkingHours = {
  timezone: 'Europe/Paris',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '09:00',
  end: '18:00',
};

const iso = (date: Date | number) => new Date(date).toISOString();
const at = (text: string) => new Date(text);

describe('working hours', () => {
  describe('instantAt (local wall time to an instant)', () => {
    it('converts in winter and in summer time', () => {
      assert.equal(
        iso(instantAt({ year: 2025, month: 1, day: 15 }, 9 * 60, 'Europe/Paris')),
        '2025-01-15T08:00:00.000Z',
      );
      assert.equal(
        iso(instantAt({ year: 2025, month: 7, day: 15 }, 9 * 60, 'Europe/Paris')),
        '2025-07-15T07:00:00.000Z',
      );
      assert.equal(
        iso(instantAt({ year: 2025, month: 7, day: 15 }, 9 * 60, 'America/New_York')),
        '2025-07-15T13:00:00.000Z',
      );
    });

    it('gives the moment the clocks jump for a time that does not exist (spring forward)', () => {
      // 02:30 never happens in Paris on 30 March 2025: 02:00 CET is followed by 03:00 CEST (01:00Z).
      assert.equal(
        iso(instantAt({ year: 2025, month: 3, day: 30 }, 150, 'Europe/Paris')),
        '2025-03-30T01:00:00.000Z',
      );
      assert.equal(
        iso(instantAt({ year: 2025, month: 3, day: 9 }, 150, 'America/New_York')),
        '2025-03-09T07:00:00.000Z',
      );
    });

    it('gives the first of two instants for a time that happens twice (fall back)', () => {
      assert.equal(
        iso(instantAt({ year: 2025, month: 10, day: 26 }, 150, 'Europe/Paris')),
        '2025-10-26T00:30:00.000Z',
      );
      assert.equal(
        iso(instantAt({ year: 2025, month: 11, day: 2 }, 90, 'America/New_York')),
        '2025-11-02T05:30:00.000Z',
      );
    });

    it('reads 24:00 as midnight at the end of the day', () => {
      assert.equal(
        iso(instantAt({ year: 2025, month: 3, day: 28 }, 24 * 60, 'Europe/Paris')),
        '2025-03-28T23:00:00.000Z',
      );
    });
  });

  describe('isWorkingTime', () => {
    it('includes the start and excludes the end of the window', () => {
      assert.equal(isWorkingTime(PARIS, at('2025-03-21T08:00:00Z')), true); // Friday 09:00
      assert.equal(isWorkingTime(PARIS, at('2025-03-21T07:59:59Z')), false);
      assert.equal(isWorkingTime(PARIS, at('2025-03-21T16:59:59Z')), true);
      assert.equal(isWorkingTime(PARIS, at('2025-03-21T17:00:00Z')), false); // Friday 18:00
    });

    it('is false all weekend', () => {
      assert.equal(isWorkingTime(PARIS, at('2025-03-22T10:00:00Z')), false); // Saturday 11:00
      assert.equal(isWorkingTime(PARIS, at('2025-03-23T10:00:00Z')), false); // Sunday 11:00
    });
  });

  describe('deferToWorkingTime', () => {
    it('keeps a time inside working hours', () => {
      assert.equal(iso(deferToWorkingTime(PARIS, at('2025-03-21T13:15:00Z'))), '2025-03-21T13:15:00.000Z');
    });

    it('moves an early morning to the same day 09:00', () => {
      assert.equal(iso(deferToWorkingTime(PARIS, at('2025-03-20T05:00:00Z'))), '2025-03-20T08:00:00.000Z');
    });

    it('moves Friday 19:00 to Monday 09:00, also across the spring clock change', () => {
      assert.equal(iso(deferToWorkingTime(PARIS, at('2025-03-21T18:00:00Z'))), '2025-03-24T08:00:00.000Z');
      assert.equal(iso(deferToWorkingTime(PARIS, at('2025-03-28T18:00:00Z'))), '2025-03-31T07:00:00.000Z');
    });

    it('moves the end of the window itself to the next working morning', () => {
      assert.equal(iso(deferToWorkingTime(PARIS, at('2025-03-20T17:00:00Z'))), '2025-03-21T08:00:00.000Z');
    });

    it('handles a window that starts in a clock-change gap', () => {
      const sundayNight: WorkingHours = {
        timezone: 'Europe/Paris',
        days: ['sun'],
        start: '02:30',
        end: '04:00',
      };
      // Sunday 30 March 2025, 01:00 CET: the window opens when the clocks jump to 03:00 CEST.
      assert.equal(
        iso(deferToWorkingTime(sundayNight, at('2025-03-30T00:00:00Z'))),
        '2025-03-30T01:00:00.000Z',
      );
    });

    it('refuses working hours that make no window', () => {
      assert.throws(() => deferToWorkingTime({ ...PARIS, days: [] }, at('2025-03-21T18:00:00Z')), RangeError);
      assert.throws(
        () => deferToWorkingTime({ ...PARIS, start: '18:00', end: '09:00' }, new Date()),
        RangeError,
      );
    });
  });

  describe('extendToWorkingDayEnd', () => {
    it('keeps a time inside working hours, its end included', () => {
      assert.equal(iso(extendToWorkingDayEnd(PARIS, at('2025-03-21T10:00:00Z'))), '2025-03-21T10:00:00.000Z');
      assert.equal(iso(extendToWorkingDayEnd(PARIS, at('2025-03-21T17:00:00Z'))), '2025-03-21T17:00:00.000Z');
    });

    it('moves a time outside them to the end of the next working window', () => {
      assert.equal(iso(extendToWorkingDayEnd(PARIS, at('2025-03-21T17:00:01Z'))), '2025-03-24T17:00:00.000Z');
      assert.equal(iso(extendToWorkingDayEnd(PARIS, at('2025-03-20T05:00:00Z'))), '2025-03-20T17:00:00.000Z');
    });
  });

  it('recognizes time zones and clock times', () => {
    assert.equal(isTimeZone('Europe/Paris'), true);
    assert.equal(isTimeZone('UTC'), true);
    assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(clockMinutes('09:30'), 570);
    assert.equal(clockMinutes('9:05'), 545);
    assert.equal(clockMinutes('24:00'), 1440);
    assert.equal(clockMinutes('24:30'), undefined);
    assert.equal(clockMinutes('9h'), undefined);
  });
});

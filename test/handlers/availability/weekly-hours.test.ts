import assert from 'node:assert/strict';
import {
  formatWeeklyHours,
  parseDays,
  parseWeeklyHours,
} from '../../../handlers/availability/weekly-hours.ts';

const problemOf = (args: string[]) => {
  const parsed = parseWeeklyHours(args);
  assert.equal(parsed.ok, false, `${args.join(' ')} should be refused`);
  return parsed.ok ? '' : parsed.problem;
};

describe('working days and hours as people type them', () => {
  it('reads day ranges, lists and both together, in any case, Monday first', () => {
    assert.deepEqual(parseDays('mon-fri'), [1, 2, 3, 4, 5]);
    assert.deepEqual(parseDays('mon,tue,thu'), [1, 2, 4]);
    assert.deepEqual(parseDays('Mon-Wed,FRI'), [1, 2, 3, 5]);
    assert.deepEqual(parseDays('sun-thu'), [1, 2, 3, 4, 7], 'a Sunday-to-Thursday week');
    assert.deepEqual(parseDays('sat-mon'), [1, 6, 7], 'a range may wrap past Sunday');
    assert.deepEqual(parseDays('monday,wednesday'), [1, 3]);
  });

  it('reads 24h hours, with or without a leading zero or spaces around the dash', () => {
    assert.deepEqual(parseWeeklyHours(['mon-fri', '09:00-17:30']), {
      ok: true,
      hours: { workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:30' } },
    });
    assert.deepEqual(parseWeeklyHours(['tue', '8:30', '-', '16:00']), {
      ok: true,
      hours: { workingDays: [2], workingHours: { start: '08:30', end: '16:00' } },
    });
  });

  it('names the problem: an unknown day, missing or malformed hours, an end not after the start', () => {
    assert.match(problemOf(['mon-fry', '09:00-17:00']), /"fry" is not a day|"mon-fry" is not a day/);
    assert.match(problemOf(['mon-tue-wed', '09:00-17:00']), /"mon-tue-wed" is not a day/);
    assert.match(problemOf(['mon-fri']), /Add your hours after the days/);
    assert.match(
      problemOf(['mon-fri', '9am-5pm']),
      /"9am-5pm" is not a span of hours: write it as 24h times/,
    );
    assert.match(problemOf(['mon-fri', '09:00-24:00']), /not a span of hours/);
    assert.match(
      problemOf(['mon-fri', '17:00-09:00']),
      /The end \(09:00\) must be after the start \(17:00\)/,
    );
    assert.match(problemOf(['mon-fri', '09:00-09:00']), /must be after the start/);
    assert.match(problemOf([',', '09:00-17:00']), /Say which days/);
  });

  it('reads back as it is typed: runs of three days or more as a range, no spaces in the days', () => {
    const format = (days: number[]) =>
      formatWeeklyHours({ workingDays: days, workingHours: { start: '09:00', end: '17:30' } });
    assert.equal(format([1, 2, 3, 4, 5]), 'Mon-Fri 09:00-17:30');
    assert.equal(format([4, 1, 2]), 'Mon,Tue,Thu 09:00-17:30');
    assert.equal(format([1, 2, 3, 5, 6, 7]), 'Mon-Wed,Fri-Sun 09:00-17:30');
    const typed = parseWeeklyHours(format([1, 2, 3, 5, 6, 7]).split(' '));
    assert.deepEqual(
      typed.ok && typed.hours.workingDays,
      [1, 2, 3, 5, 6, 7],
      'typed back, it reads the same',
    );
  });
});

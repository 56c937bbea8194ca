import assert from 'node:assert/strict';
import { createPublicHolidays } from '../../../data/availability/public-holidays.ts';

describe('public holidays (date-holidays, offline)', () => {
  const holidays = createPublicHolidays();

  it('knows countries and subdivisions, public holidays only', () => {
    assert.equal(holidays('US-CA', '2026-03-31'), 'César Chávez Day', 'a California holiday');
    assert.equal(holidays('US', '2026-03-31'), undefined, 'not a federal one');
    assert.equal(holidays('DE-BY', '2026-12-25'), '1. Weihnachtstag');
    assert.equal(holidays('IN-KA', '2026-11-01'), 'Karnataka Formation Day');
    assert.equal(holidays('in-ka', '2026-11-01'), 'Karnataka Formation Day', 'any case');
    assert.equal(holidays('US-CA', '2026-12-02'), undefined);
  });

  it('gives an unknown region no holidays instead of failing', () => {
    assert.equal(holidays('XX-YY', '2026-12-25'), undefined);
  });
});

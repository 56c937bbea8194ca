import assert from 'node:assert/strict';
import { createHolidayRegions } from '../../../data/availability/holiday-regions.ts';
import { createPublicHolidays } from '../../../data/availability/public-holidays.ts';

describe('holiday regions as people type them (date-holidays)', () => {
  const regions = createHolidayRegions(createPublicHolidays());

  it('accepts a country or a country and subdivision in any case, spelled as the data spells it', () => {
    assert.equal(regions.canonicalRegion('us-ca'), 'US-CA');
    assert.equal(regions.canonicalRegion('IN-KA'), 'IN-KA');
    assert.equal(regions.canonicalRegion('de-by'), 'DE-BY');
    assert.equal(regions.canonicalRegion('nz'), 'NZ');
  });

  it('refuses unknown countries and subdivisions, and anything else', () => {
    for (const typed of ['XX', 'US-XX', 'US-CA-SF', 'toString', 'constructor', '', 'none']) {
      assert.equal(regions.canonicalRegion(typed), undefined, typed);
    }
  });

  it('lists the next public holidays on or after a day, across the new year', () => {
    assert.deepEqual(regions.upcoming('US-CA', '2026-12-25', 3), [
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2027-01-01', name: "New Year's Day" },
      { date: '2027-01-18', name: 'Martin Luther King Jr. Day' },
    ]);
  });
});

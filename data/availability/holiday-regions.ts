import Holidays from 'date-holidays';
import type { HolidayLookup, HolidayRegions } from '../../handlers/availability/types.ts';

/** How far ahead `upcoming` looks: this year and the next two hold at least a few public holidays anywhere. */
const YEARS_AHEAD = 2;

/** Countries and subdivisions as the `date-holidays` data names them (`US`, `US-CA`, `IN-KA`, `DE-BY`). */
export function createHolidayRegions(lookup: HolidayLookup): HolidayRegions {
  const holidays = new Holidays();
  const countries = holidays.getCountries();
  return {
    canonicalRegion(typed) {
      const [country = '', state, extra] = typed.toUpperCase().split('-');
      if (extra !== undefined || !Object.hasOwn(countries, country)) return undefined;
      if (state === undefined) return country;
      return Object.hasOwn(holidays.getStates(country) ?? {}, state) ? `${country}-${state}` : undefined;
    },
    upcoming(region, from, count) {
      const found: { date: string; name: string }[] = [];
      const first = new Date(`${from}T00:00:00Z`);
      const last = new Date(first);
      last.setUTCFullYear(first.getUTCFullYear() + YEARS_AHEAD);
      for (let day = first; day <= last && found.length < count; day.setUTCDate(day.getUTCDate() + 1)) {
        const date = day.toISOString().slice(0, 10);
        const name = lookup(region, date);
        if (name) found.push({ date, name });
      }
      return found;
    },
  };
}

import Holidays from 'date-holidays';
import type { HolidayLookup } from '../../handlers/availability/types.ts';

/**
 * Public holidays offline, from the `date-holidays` package (its holiday data is licensed CC-BY-3.0). Each region
 * and year is computed once per process. An unknown region has no holidays rather than failing a prompt.
 */
export function createPublicHolidays(): HolidayLookup {
  const byRegionYear = new Map<string, Map<string, string>>();
  return (region, date) => {
    const key = `${region}|${date.slice(0, 4)}`;
    let days = byRegionYear.get(key);
    if (!days) {
      const [country, state] = region.toUpperCase().split('-');
      const calendar = new Holidays();
      const known = Boolean(country) && calendar.init(country!, ...(state ? [state] : []));
      const holidays = known ? calendar.getHolidays(Number(date.slice(0, 4))) : [];
      days = new Map(
        holidays
          .filter((holiday) => holiday.type === 'public')
          .map((holiday) => [holiday.date.slice(0, 10), holiday.name]),
      );
      byRegionYear.set(key, days);
    }
    return days.get(date);
  };
}

import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { StandupReportView } from '../../handlers/standup/types.ts';

const handlebars = Handlebars.create();
handlebars.registerHelper('plural', (count: number, one: string, many: string) => (count === 1 ? one : many));

const template = handlebars.compile(
  readFileSync(new URL('./standup-summary.hbs', import.meta.url), 'utf8').trim(),
  { noEscape: true },
);

/** Shipped titles shown in the line; the report lists the rest. */
const SHIPPED_SHOWN = 2;

/** The report's one line without a language model: counts, blockers and the first shipped items. */
export function summarizeStandup(report: Omit<StandupReportView, 'summary'>): string {
  const expected = report.answered.length + report.waiting.length;
  const shipped = report.shipped.slice(0, SHIPPED_SHOWN).map((item) => item.text);
  const more = report.shipped.length - shipped.length;
  return template({
    everyoneAway: expected === 0,
    answered: report.answered.length,
    expected,
    waiting: report.waiting.length,
    away: report.away.length,
    blockers: report.blockers,
    shipped: shipped.length > 0 ? `${shipped.join('; ')}${more > 0 ? ` and ${more} more` : ''}` : '',
  });
}

/**
 * DORA's published performance bands, one table, each row citing its source. The published words are kept
 * as they are; the machine reading of each (`reach`) is ours and says how we turn the words into a number:
 * - deployment frequency reads deployment days per week: "once per day" or "on demand" = 5 (a deployment on
 *   every working day, the most a count of deployment days can show), "once per week" = 1, "once per month"
 *   = 12/52, "once every six months" = 2/52;
 * - a month is 30 days, six months 180 days;
 * - a band is reached by meeting its better edge ("between one day and one week" is reached at ≤ one week),
 *   so the gaps some years leave between bands fall to the worse band;
 * - where a report publishes one typical value per cluster instead of a range (change failure rate in 2023
 *   and 2024), the figure is placed in the cluster whose value is nearest, and no distance to the next band
 *   is given: those values are cluster centres, not thresholds, and in 2024 they are not even ordered.
 * No band is invented: where two bands share the same published words, the table repeats them, and the
 * better one is reached first. Rework rate (2024) has no published band.
 *
 * Sources (the reports are published by DORA / Google Cloud; page numbers were not verifiable here, so the
 * rows name the table, not the page):
 * - 2021: "Accelerate State of DevOps 2021", the table of software delivery performance metrics for elite,
 *   high, medium and low performers (its CFR ranges overlap: high, medium and low all read 16–30%).
 * - 2023: "Accelerate State of DevOps Report 2023", the software delivery performance table of its four
 *   clusters (elite 18%, high 31%, medium 33%, low 17% of respondents). Recalled, not re-read: its low
 *   cluster repeats medium's deployment frequency and lead time, as we remember the table; check it
 *   against the report before relying on the low row.
 * - 2024: "Accelerate State of DevOps Report 2024", the software delivery performance levels table (elite
 *   19%, high 22%, medium 35%, low 25%); its medium recovery time repeats high's "less than one day" and its
 *   medium change failure rate (10%) is below high's (20%), as published.
 */

export type Band = 'elite' | 'high' | 'medium' | 'low';
export type BandMetric = 'deploymentFrequency' | 'leadTime' | 'recoveryTime' | 'changeFailureRate';
export type ReportYear = 2021 | 2023 | 2024;

export type Reach =
  | { kind: 'atLeast'; value: number }
  | { kind: 'below'; value: number }
  | { kind: 'atMost'; value: number }
  | { kind: 'typical'; value: number }
  | { kind: 'rest' };

export interface BandRow {
  year: ReportYear;
  metric: BandMetric;
  band: Band;
  published: string;
  reach: Reach;
  source: string;
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const DAILY = 5;
const WEEKLY = 1;
const MONTHLY = 12 / 52;
const HALF_YEARLY = 2 / 52;

const S2021 = 'Accelerate State of DevOps 2021, software delivery performance metrics table';
const S2023 =
  'Accelerate State of DevOps Report 2023, software delivery performance clusters table (recalled)';
const S2024 = 'Accelerate State of DevOps Report 2024, software delivery performance levels table';

const row = (year: ReportYear, metric: BandMetric, band: Band, published: string, reach: Reach): BandRow => ({
  year,
  metric,
  band,
  published,
  reach,
  source: year === 2021 ? S2021 : year === 2023 ? S2023 : S2024,
});

/** Deployment frequency is in deployment days per week; lead and recovery times in ms; CFR as a share. */
export const DORA_BANDS: readonly BandRow[] = [
  row(2021, 'deploymentFrequency', 'elite', 'On-demand (multiple deploys per day)', {
    kind: 'atLeast',
    value: DAILY,
  }),
  row(2021, 'deploymentFrequency', 'high', 'Between once per week and once per month', {
    kind: 'atLeast',
    value: MONTHLY,
  }),
  row(2021, 'deploymentFrequency', 'medium', 'Between once per month and once every 6 months', {
    kind: 'atLeast',
    value: HALF_YEARLY,
  }),
  row(2021, 'deploymentFrequency', 'low', 'Fewer than once per six months', { kind: 'rest' }),
  row(2021, 'leadTime', 'elite', 'Less than one hour', { kind: 'below', value: HOUR }),
  row(2021, 'leadTime', 'high', 'Between one day and one week', { kind: 'atMost', value: WEEK }),
  row(2021, 'leadTime', 'medium', 'Between one month and six months', { kind: 'atMost', value: 6 * MONTH }),
  row(2021, 'leadTime', 'low', 'More than six months', { kind: 'rest' }),
  row(2021, 'recoveryTime', 'elite', 'Less than one hour (time to restore service)', {
    kind: 'below',
    value: HOUR,
  }),
  row(2021, 'recoveryTime', 'high', 'Less than one day', { kind: 'below', value: DAY }),
  row(2021, 'recoveryTime', 'medium', 'Between one day and one week', { kind: 'atMost', value: WEEK }),
  row(2021, 'recoveryTime', 'low', 'More than six months', { kind: 'rest' }),
  row(2021, 'changeFailureRate', 'elite', '0%-15%', { kind: 'atMost', value: 0.15 }),
  row(2021, 'changeFailureRate', 'high', '16%-30%', { kind: 'atMost', value: 0.3 }),
  row(2021, 'changeFailureRate', 'medium', '16%-30%', { kind: 'atMost', value: 0.3 }),
  row(2021, 'changeFailureRate', 'low', '16%-30%', { kind: 'rest' }),

  row(2023, 'deploymentFrequency', 'elite', 'On demand', { kind: 'atLeast', value: DAILY }),
  row(2023, 'deploymentFrequency', 'high', 'Between once per day and once per week', {
    kind: 'atLeast',
    value: WEEKLY,
  }),
  row(2023, 'deploymentFrequency', 'medium', 'Between once per week and once per month', {
    kind: 'atLeast',
    value: MONTHLY,
  }),
  row(2023, 'deploymentFrequency', 'low', 'Between once per week and once per month', { kind: 'rest' }),
  row(2023, 'leadTime', 'elite', 'Less than one day', { kind: 'below', value: DAY }),
  row(2023, 'leadTime', 'high', 'Between one day and one week', { kind: 'atMost', value: WEEK }),
  row(2023, 'leadTime', 'medium', 'Between one week and one month', { kind: 'atMost', value: MONTH }),
  row(2023, 'leadTime', 'low', 'Between one week and one month', { kind: 'rest' }),
  row(2023, 'recoveryTime', 'elite', 'Less than one hour (failed deployment recovery time)', {
    kind: 'below',
    value: HOUR,
  }),
  row(2023, 'recoveryTime', 'high', 'Less than one day', { kind: 'below', value: DAY }),
  row(2023, 'recoveryTime', 'medium', 'Between one day and one week', { kind: 'atMost', value: WEEK }),
  row(2023, 'recoveryTime', 'low', 'Between one month and six months', { kind: 'rest' }),
  row(2023, 'changeFailureRate', 'elite', '5%', { kind: 'typical', value: 0.05 }),
  row(2023, 'changeFailureRate', 'high', '10%', { kind: 'typical', value: 0.1 }),
  row(2023, 'changeFailureRate', 'medium', '15%', { kind: 'typical', value: 0.15 }),
  row(2023, 'changeFailureRate', 'low', '64%', { kind: 'typical', value: 0.64 }),

  row(2024, 'deploymentFrequency', 'elite', 'On demand (multiple deploys per day)', {
    kind: 'atLeast',
    value: DAILY,
  }),
  row(2024, 'deploymentFrequency', 'high', 'Between once per day and once per week', {
    kind: 'atLeast',
    value: WEEKLY,
  }),
  row(2024, 'deploymentFrequency', 'medium', 'Between once per week and once per month', {
    kind: 'atLeast',
    value: MONTHLY,
  }),
  row(2024, 'deploymentFrequency', 'low', 'Between once per month and once every six months', {
    kind: 'rest',
  }),
  row(2024, 'leadTime', 'elite', 'Less than one day', { kind: 'below', value: DAY }),
  row(2024, 'leadTime', 'high', 'Between one day and one week', { kind: 'atMost', value: WEEK }),
  row(2024, 'leadTime', 'medium', 'Between one week and one month', { kind: 'atMost', value: MONTH }),
  row(2024, 'leadTime', 'low', 'Between one month and six months', { kind: 'rest' }),
  row(2024, 'recoveryTime', 'elite', 'Less than one hour (failed deployment recovery time)', {
    kind: 'below',
    value: HOUR,
  }),
  row(2024, 'recoveryTime', 'high', 'Less than one day', { kind: 'below', value: DAY }),
  row(2024, 'recoveryTime', 'medium', 'Less than one day', { kind: 'below', value: DAY }),
  row(2024, 'recoveryTime', 'low', 'Between one week and one month', { kind: 'rest' }),
  row(2024, 'changeFailureRate', 'elite', '5%', { kind: 'typical', value: 0.05 }),
  row(2024, 'changeFailureRate', 'high', '20%', { kind: 'typical', value: 0.2 }),
  row(2024, 'changeFailureRate', 'medium', '10%', { kind: 'typical', value: 0.1 }),
  row(2024, 'changeFailureRate', 'low', '40%', { kind: 'typical', value: 0.4 }),
];

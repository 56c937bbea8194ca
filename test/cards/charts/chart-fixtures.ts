/** Small, hand-made series for the chart tests and the bench: what the metrics engine will hand over. */
import type {
  AgingWip,
  DeploymentsPerWeek,
  LeadTimeTrend,
  SprintBurndown,
} from '../../../cards/charts/types.ts';

const day = (offset: number) => new Date(Date.UTC(2026, 8, 7 + offset)).toISOString().slice(0, 10);

export const deployments: DeploymentsPerWeek = {
  weeks: [4, 9, 5, 12, 8, 4, 11, 7, 3, 10, 6, 2].map((count, week) => ({ weekStart: day(7 * week), count })),
};

export const leadTime: LeadTimeTrend = {
  points: Array.from({ length: 12 }, (_, week) => ({
    date: day(7 * week),
    p50Hours: 20 + (week % 4) * 6,
    p90Hours: 60 + (week % 5) * 25,
  })),
};

export const burndown: SprintBurndown = {
  sprintName: 'Sprint 42',
  unit: 'points',
  days: [40, 40, 38, 44, 36, 30, 28, 20, 14, 9].map((remaining, index) => ({
    day: day(index),
    remaining,
    ideal: Math.round((40 - (40 / 9) * index) * 10) / 10,
  })),
};

export const agingWip: AgingWip = {
  items: [5, 260, 120, 40, 150, 230, 90, 15, 200, 70].map((ageHours, index) => ({
    id: `PAY-${101 + index}`,
    ageHours,
  })),
  percentiles: { p50Hours: 60, p85Hours: 150, p95Hours: 230 },
};

import type { WorkingCalendar } from '../availability/types.ts';
import type { SprintHealthInput, SprintInfo } from './types.ts';

/** The facts of one sprint, as sprint health reads them (data/sprint/ implements it on the database). */
export type SprintFacts = Pick<SprintHealthInput, 'issues' | 'statusChanges' | 'fieldChanges' | 'snapshot'>;

export interface SprintHealthSource {
  /** The tenant's sprints, without their issues: to pick the one asked about and its board's others. */
  sprints(tenantId: string): Promise<SprintInfo[]>;
  factsOf(tenantId: string, sprint: SprintInfo): Promise<SprintFacts>;
  /** The team's calendar (its default hours and holidays, in UTC): sprint days are the team's, not one person's. */
  calendarOf(tenantId: string): Promise<WorkingCalendar>;
}

/** What the sprint command and the REST route need. */
export interface SprintPorts {
  source: SprintHealthSource;
  now(): Date;
}

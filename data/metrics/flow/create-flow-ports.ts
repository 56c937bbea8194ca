import { buildCalendar } from '../../../handlers/availability/build-calendar.ts';
import type { AvailabilityStore, HolidayLookup } from '../../../handlers/availability/types.ts';
import type { FlowPorts, FlowSettings } from '../../../handlers/flow/flow-ports.ts';
import type { Models } from '../../models/index.ts';
import type { MetricsSettingsStore } from '../mongo-metrics-settings.ts';
import { findLinkedAccounts } from '../../standup/linked-accounts.ts';
import { createTriagePeople } from '../../triage/triage-people.ts';
import { loadFlowInput } from './load-flow-input.ts';

/**
 * `/flow`'s reads on the database: the facts, the team calendar and who is who. The tenant's age mode and
 * status mapping (`metrics set flow-…`) win over the environment's (`settings`), and its production
 * environments decide which deployments end a PR's deploy phase.
 */
export function createFlowPorts(deps: {
  models: Models;
  availability: Pick<AvailabilityStore, 'teamDefaultsOf'>;
  holidays: HolidayLookup;
  settings: FlowSettings;
  metricsSettings: Pick<MetricsSettingsStore, 'storedOf'>;
  now: () => Date;
}): FlowPorts {
  const { models } = deps;
  const people = createTriagePeople(models);
  async function settingsOf(tenantId: string) {
    const stored = await deps.metricsSettings.storedOf(tenantId);
    const flow: FlowSettings = {
      ageMode: stored.flowAgeMode ?? deps.settings.ageMode,
      statusStates: stored.flowStatusStates ?? deps.settings.statusStates,
    };
    return { flow, metrics: stored };
  }
  return {
    async load(tenantId, facts, range) {
      const filter =
        facts.kind === 'repo'
          ? { repo: facts.repo }
          : facts.kind === 'people'
            ? {
                githubLogins: facts.githubLogins,
                jiraAccounts: facts.jiraAccounts,
                reviewedToo: facts.reviewedToo ?? false,
              }
            : {};
      const { flow, metrics } = await settingsOf(tenantId);
      return loadFlowInput(models, tenantId, filter, range, { statusStates: flow.statusStates, metrics });
    },
    settingsOf: async (tenantId) => (await settingsOf(tenantId)).flow,
    async teamCalendar(tenantId) {
      // The team's hours and holidays; a person's own time off is no team's waiting time.
      return buildCalendar({ timeOff: [] }, await deps.availability.teamDefaultsOf(tenantId), deps.holidays);
    },
    async accountsOf(tenantId, members) {
      const linked = await findLinkedAccounts(models.Person, tenantId, members);
      return { githubLogins: linked.handlesOf('github'), jiraAccounts: linked.handlesOf('jira') };
    },
    findRepo: people.findRepo,
    now: deps.now,
  };
}

import { createOpenPullFacts } from '../data/home/open-pull-facts.ts';
import { githubLoginsOf } from '../data/home/github-logins.ts';
import type { Models } from '../data/models/index.ts';
import { findLinkedAccountsOfEach } from '../data/standup/linked-accounts.ts';
import type { CalendarSource } from '../handlers/availability/types.ts';
import { createHomeBuilder } from '../handlers/home/build-home.ts';
import { createTriagePersonPulls } from '../handlers/home/triage-person-pulls.ts';
import type { HomeBuilder, HomePorts } from '../handlers/home/types.ts';
import { createTriageJudge } from './create-triage-queue.ts';

export interface HomeBuilderOptions extends Pick<HomePorts, 'standups' | 'blockers' | 'approvals'> {
  models: Models;
  calendars: CalendarSource;
  now: () => Date;
}

/**
 * A person's home as bot/main.ts wires it: their PRs (read once from the facts, judged by triage with its
 * settings and calendars, no reviewer suggestions), standups, approvals and blockers.
 */
export function createHomeBuilderOf(options: HomeBuilderOptions): HomeBuilder {
  const { models, calendars, now, standups, blockers, approvals } = options;
  return createHomeBuilder(
    {
      githubLoginsOf: (tenantId, account) => githubLoginsOf(models.Person, tenantId, account),
      async githubLoginsOfEach(tenantId, accounts) {
        const linked = await findLinkedAccountsOfEach(models.Person, tenantId, accounts);
        return new Map([...linked].map(([key, accountsOf]) => [key, accountsOf.handlesOf('github')]));
      },
      pulls: createTriagePersonPulls({
        facts: createOpenPullFacts(models),
        ...createTriageJudge({ models, calendars }),
      }),
      ...(standups ? { standups } : {}),
      ...(blockers ? { blockers } : {}),
      ...(approvals ? { approvals } : {}),
    },
    now,
  );
}

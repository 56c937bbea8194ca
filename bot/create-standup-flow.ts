import type OpenAI from 'openai';
import type { Logger } from 'pino';
import { summarizeStandup } from '../cards/templates/standup-summary.ts';
import { openAiClient } from '../data/knowledge/create-knowledge.ts';
import type { Models } from '../data/models/index.ts';
import { tenantCollection } from '../data/db/tenant-collection.ts';
import { createWorkItems } from '../data/standup/fact-work-items.ts';
import { createActivitySource } from '../data/standup/mongo-activity-source.ts';
import { createBlockerStore } from '../data/standup/mongo-blocker-store.ts';
import { createStandupDeliveries } from '../data/standup/mongo-standup-deliveries.ts';
import type { ApprovalServices } from '../handlers/approvals/types.ts';
import type { CalendarSource } from '../handlers/availability/types.ts';
import type { ChatPoster } from '../handlers/delivery/types.ts';
import type { BlockerDeps } from '../handlers/standup/blocker-types.ts';
import { createReportChannelGate } from '../handlers/standup/report-channel-gate.ts';
import type { StandupDeps } from '../handlers/standup/standup-deps.ts';
import { standupStats } from '../handlers/standup/standup-stats.ts';
import {
  accountKey,
  type Standup,
  type StandupStatsView,
  type StandupStore,
} from '../handlers/standup/types.ts';
import type { Config } from './config.ts';
import { llmPolicyFor } from './llm/llm-policy.ts';
import { createStandupSummarizer } from './llm/standup-summary-gateway.ts';
import { describeSlackChannel } from './slack/slack-channel-info.ts';
import { createPostingClient } from './slack/slack-poster.ts';

export interface StandupFlow {
  deps: StandupDeps;
  blockers: BlockerDeps;
  /** Every standup not paused, across tenants: what the minute tick works through. */
  active(): Promise<Standup[]>;
  /** `/standup stats`: team-level counts of the last two weeks. */
  stats(tenantId: string, standupId: string): Promise<StandupStatsView | undefined>;
  now(): Date;
}

export interface StandupFlowOptions {
  config: Config;
  models: Models;
  store: StandupStore;
  calendars: CalendarSource;
  poster: ChatPoster;
  approvals: ApprovalServices;
  log: Logger;
  now: () => Date;
}

/** Display names as `people` knows them (Slack's and Teams' own), by `_id`, the lookup FerretDB indexes. */
function displayNames(Person: Models['Person']): StandupDeps['namesOf'] {
  return async (tenantId, accounts) => {
    const ids = accounts.map((account) => `${tenantId}|${account.tool}|${account.handle}`);
    const people = ids.length
      ? await Person.find({ tenantId, _id: { $in: ids } }, { tool: 1, handle: 1, displayName: 1 }).lean()
      : [];
    return new Map(
      people.flatMap((person) =>
        person.displayName && (person.tool === 'slack' || person.tool === 'teams')
          ? [[accountKey({ tool: person.tool, handle: person.handle }), person.displayName] as const]
          : [],
      ),
    );
  };
}

/** Wires the standup flow: its store, the once-only delivery log, drafts, blockers, the policy gate and the summary. */
export function createStandupFlow(options: StandupFlowOptions): StandupFlow {
  const { config, models, store, calendars, poster, approvals, log } = options;
  const blockerStore = createBlockerStore(models);
  const jiraBaseUrl = config.sources.jira?.baseUrl;
  const blockers: BlockerDeps = {
    blockers: blockerStore,
    work: createWorkItems(models),
    calendars,
    poster,
    escalateAfterDays: config.standups.escalateAfterDays,
    ...(jiraBaseUrl ? { jiraBaseUrl } : {}),
  };
  const slackClient = config.slack ? createPostingClient(config.slack, log) : undefined;
  const summarizer = config.openai
    ? createStandupSummarizer({
        client: openAiClient(config.openai) as OpenAI,
        model: config.openai.chatModel,
        usage: models.LlmUsage,
        policyFor: llmPolicyFor(config.llmMonthlyCostCapUsd, approvals.policies),
        fallback: summarizeStandup,
        log,
        now: options.now,
      })
    : undefined;
  const deps: StandupDeps = {
    store,
    deliveries: createStandupDeliveries(models.StandupDelivery),
    calendars,
    poster,
    activity: createActivitySource(models, jiraBaseUrl ? { jiraBaseUrl } : {}),
    blockers,
    countDay: (tenantId, standupId, date, increments) =>
      blockerStore.countDay(tenantId, standupId, date, increments),
    reportGate: createReportChannelGate(approvals, async (standup) =>
      standup.surface === 'slack' && slackClient
        ? describeSlackChannel(slackClient, standup.reportChannel, log)
        : {},
    ),
    namesOf: displayNames(models.Person),
    summarize: summarizer ?? (async (_tenantId, report) => summarizeStandup(report)),
  };
  const standups = tenantCollection(models.Standup);
  return {
    deps,
    blockers,
    now: options.now,
    stats: (tenantId, standupId) =>
      standupStats({ blockers: blockerStore, standups: store }, tenantId, standupId, options.now()),
    async active() {
      const tenantIds = await standups.tenantIds({ paused: false });
      const lists = await Promise.all(tenantIds.map((tenantId) => store.list(tenantId)));
      return lists.flat().filter((standup) => !standup.paused);
    },
  };
}

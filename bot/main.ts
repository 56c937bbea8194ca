import { Octokit } from '@octokit/rest';
import { createServer, type Server } from 'node:http';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { connectDatabase, pingDatabase } from '../data/db/connect.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../data/db/embedded.ts';
import { createKnowledge, type Knowledge } from '../data/knowledge/create-knowledge.ts';
import { DEMO_POLICY_FILE, loadDemoDataset, summarizeTenant } from '../data/demo/load-demo.ts';
import { addDemoActivity } from '../data/demo/add-demo-activity.ts';
import { demoDocsSource } from '../data/demo/demo-docs.ts';
import { createTeamFacts } from '../data/team/mongo-team-facts.ts';
import { createAvailabilityStore } from '../data/availability/mongo-availability-store.ts';
import { createCalendarSource } from '../data/availability/create-calendar-source.ts';
import { createHolidayRegions } from '../data/availability/holiday-regions.ts';
import { createPublicHolidays } from '../data/availability/public-holidays.ts';
import { createStandupStore } from '../data/standup/mongo-standup-store.ts';
import { createTriageMarks } from '../data/triage/mongo-triage-marks.ts';
import { createTriageSettingsStore } from '../data/triage/mongo-triage-settings.ts';
import { createTriagePeople } from '../data/triage/triage-people.ts';
import type { TriagePorts } from '../handlers/triage/triage-ports.ts';
import { createTriageQueue } from './create-triage-queue.ts';
import { createHomeBuilderOf } from './create-home-builder.ts';
import { createTeamsAccountsByEmail } from '../data/standup/find-teams-accounts.ts';
import { allowReportExecutor, STANDUP_REPORT_ACTION } from '../handlers/standup/report-channel-gate.ts';
import { emailsInWrites, linkByEmail } from '../data/identity/link-by-email.ts';
import { createPullRequestEnricher } from '../data/triage/enrich-pull-requests.ts';
import { createDeliveryEnricher } from '../data/sources/github/enrich-delivery-facts.ts';
import { createStatusCategoryEnricher } from '../data/sources/jira/enrich-status-categories.ts';
import { createFactStatusReader, createStatusListReader } from '../data/sources/jira/status-categories.ts';
import { createIdentityDirectory } from '../data/identity/mongo-identity-directory.ts';
import { accountsTouchedBy } from '../data/home/accounts-touched-by-writes.ts';
import type { FactWrite } from '../data/sources/fact-write.ts';
import { createNormalizeQueue, type NormalizeQueue } from '../data/ingest/normalize-queue.ts';
import { factModelsOf } from '../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../data/models/index.ts';
import type { ActionExecutor, ApprovalServices } from '../handlers/approvals/types.ts';
import type { AskPorts } from '../handlers/ask/types.ts';
import type { CalendarSource } from '../handlers/availability/types.ts';
import type { CommandDefinition } from '../handlers/catalog.ts';
import { COMMANDS, runCommand } from '../handlers/run-command.ts';
import { HEARTBEAT_JOB } from '../jobs/scheduler-heartbeat.ts';
import { JOBS_COLLECTION, startScheduler, type Scheduler, type SchedulerOptions } from '../jobs/scheduler.ts';
import type { ChatDeps } from './chat-deps.ts';
import { createChatEmailLearner } from './chat-email-learner.ts';
import { createChatProfileReports } from './chat-profile-reports.ts';
import type { Config } from './config.ts';
import { apiRoutes } from './http/api-routes.ts';
import { flowRoutes } from './http/flow-routes.ts';
import { createChartRenderer } from './charts/chart-renderer.ts';
import type { MetricsReader } from '../handlers/metrics/ports.ts';
import { metricsRoutes } from './http/metrics-routes.ts';
import { createSprintSource } from '../data/sprint/mongo-sprint-source.ts';
import { takeSprintSnapshots } from '../data/sprint/take-sprint-snapshots.ts';
import type { SprintPorts } from '../handlers/sprint/ports.ts';
import { sprintRoutes } from './http/sprint-routes.ts';
import { createHttpApp } from './http/create-http-app.ts';
import { createLogger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { parsePolicy, readPolicyFile } from './load-policy-file.ts';
import { createApprovalServices } from './approvals/create-approval-services.ts';
import { githubActionExecutors } from '../data/actions/github-actions.ts';
import { scheduleApprovalStep } from '../jobs/advance-approval.ts';
import {
  createSlackSurface,
  unavailableSlackRouter,
  type SlackSurface,
} from './slack/create-slack-surface.ts';
import { slackApprovalNotifier } from './slack/slack-approval-notifier.ts';
import { createTeamsSurface, unavailableTeamsRouter } from './teams/create-teams-surface.ts';
import { createTeamsApprovalNotifier } from './teams/teams-approval-notifier.ts';
import { createTeamsPoster } from './teams/teams-poster.ts';
import { slackPoster } from './slack/slack-poster.ts';
import { createChatPoster } from './chat-poster.ts';
import { createStandupFlow } from './create-standup-flow.ts';
import { createChatReach } from './chat-reach.ts';
import { chatTenantOf, createTenantRegistry } from './tenants.ts';
import { createAskPorts } from './llm/create-ask-ports.ts';
import { webhookRoutes } from './webhooks/webhook-routes.ts';
import { createNotifyStore } from '../data/triage/mongo-notify-store.ts';
import { createDigestStore } from '../data/triage/mongo-digest-store.ts';
import { createFlowPorts } from '../data/metrics/flow/create-flow-ports.ts';
import { createMetricsRollupUpdates } from '../data/metrics/metrics-rollup-updates.ts';
import { createCompareGapFiller, createCompareOctokit } from '../data/metrics/fill-compare-gaps.ts';
import { createMetricsSettingsStore } from '../data/metrics/mongo-metrics-settings.ts';
import { createMetricsSettingsPorts } from '../data/metrics/metrics-settings-ports.ts';
import { createMetricsReader } from '../data/metrics/mongo-metrics-reader.ts';
import { createDeliveryDigestStore } from '../data/delivery-digest/mongo-delivery-digest-store.ts';

export const DEMO_TENANT_ID = 'demo';

export interface RunningServer {
  url: string;
  port: number;
  connection: Connection;
  models: Models;
  metrics: Metrics;
  scheduler: Scheduler;
  approvals: ApprovalServices;
  knowledge: Knowledge;
  /** Working calendars by chat account: the one availability lookup every feature calls. */
  calendars: CalendarSource;
  /** Turns stored webhook deliveries into normalized facts. */
  normalizer: NormalizeQueue;
  /** Resolves when the demo dataset (demo mode) has been loaded. */
  demoLoaded(): Promise<void>;
  /** Graceful: stop accepting, finish or requeue jobs, close connections. Idempotent. */
  close(): Promise<void>;
}

export interface StartOptions {
  log?: Logger;
  scheduler?: SchedulerOptions;
  /** The commands the bot answers; defaults to all of them. */
  commands?: readonly CommandDefinition[];
  /** Executors of outward actions by action type, beside the built-in ones (tests register their own). */
  executors?: Readonly<Record<string, ActionExecutor>>;
  /** The clock standups are scheduled by (tests move it); the system clock by default. */
  now?: () => Date;
  /** Where /triage and the team digest read the ranked queue from; the facts' (loadTriageQueue) unless a test hands in its own. */
  triageQueue?: TriagePorts['queue'];
  /** In demo mode, load the canned team into the demo tenant (default true; most tests turn it off). */
  demoData?: boolean;
  /** The least time between two event-driven App Home publishes per person (default a minute; tests shorten it). */
  homeRefreshMs?: number;
  /** Where /dora and the /v1/metrics routes read delivery metrics (tests hand in a fixture reader). */
  metricsReader?: MetricsReader;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function nextStepsForDemo(url: string, config: Config): string {
  const surfaces = config.slack ? 'every Slack and Teams request' : 'every Teams request';
  return (
    `em-agent is running in demo mode at ${url}: ${surfaces} is served from the demo team, ` +
    'whatever workspace or tenant it comes from. Try it: `npm run playground` (Microsoft 365 Agents Playground), ' +
    `or point the Bot Framework Emulator at ${url}/api/messages and send "help". ` +
    'Set SLACK_* or MICROSOFT_APP_* credentials (docs/operating.md) to serve your own team.'
  );
}

/** The composition root: builds every part from the config, wires them, and starts serving. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel, undefined, config.logFormat);
  // The demo team has a policy of its own, with approvers from the Agents Playground's people.
  const policyFile = config.policyFile ?? (config.demo ? DEMO_POLICY_FILE : undefined);
  const policyFileYaml = policyFile ? await readPolicyFile(policyFile) : undefined;
  // An invalid POLICY_FILE stops the start with its line and field; the approvals then read the text.
  if (policyFileYaml !== undefined) parsePolicy(policyFileYaml, `POLICY_FILE ${policyFile}`);

  let embedded: EmbeddedDatabase | undefined;
  const uri =
    config.database.uri ??
    (embedded = await startEmbeddedDatabase({
      mode: config.database.embedded,
      dataDir: config.database.dataDir,
      postgresqlUrl: config.database.ferretdbPostgresqlUrl,
      log,
    })).uri;
  let connection: Connection;
  try {
    connection = await connectDatabase(uri);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const models = defineModels(connection);
  await ensureIndexes(models);
  const metrics = createMetrics();
  const tenants = createTenantRegistry(models.Tenant);
  let slack: SlackSurface | undefined;
  // The single tenant the environment sets up: the demo in demo mode, else the Slack workspace (known once
  // Slack has answered auth.test), else the Teams tenant.
  const envTenantId = () =>
    config.demo ? DEMO_TENANT_ID : (slack?.teamId ?? config.teams?.appTenantId ?? DEMO_TENANT_ID);
  const demoData = config.demo && (options.demoData ?? true);
  // Doc answers: the configured docs belong to DOCS_TENANT_ID, else to the env's own tenant. With none
  // configured, the demo answers from its canned handbook.
  const knowledge = createKnowledge(
    config,
    models,
    log,
    envTenantId,
    // Read lazily: the approvals (which own the policies) are built next.
    { inForce: (tenantId) => approvals.policies.inForce(tenantId) },
    demoData ? { sources: [demoDocsSource()], tenantId: DEMO_TENANT_ID } : undefined,
  );
  let askPorts: AskPorts | undefined;
  const askPortsOf = () => (askPorts ??= createAskPorts(config, knowledge, models, approvals.policies, log));
  // The scheduler starts after the surfaces (its jobs deliver through them); approvals only schedule once
  // requests are served, after it has started.
  const approvals = createApprovalServices({
    models,
    log,
    metrics,
    policyFileYaml,
    notifiers: [
      ...(config.slack ? [slackApprovalNotifier(config.slack, log)] : []),
      // Every App Home lists the tenant's pending approvals: a new or changed one refreshes them (throttled).
      {
        async requestDecision(approval) {
          slack?.homes.changedTenant(approval.tenantId);
          return [];
        },
        async refresh(approval) {
          slack?.homes.changedTenant(approval.tenantId);
        },
        async tellRequester() {},
      },
      createTeamsApprovalNotifier({
        adapter: () => teams.adapter,
        appId: config.teams?.appId,
        conversations: models.TeamsConversation,
        policyFor: (tenantId) => approvals.policyFor(tenantId),
        log,
      }),
    ],
    executors: {
      // A standup report's request is only the permission to post; without this an approved one was recorded
      // as failed and its owner told to propose it again.
      [STANDUP_REPORT_ACTION]: allowReportExecutor,
      ...(config.sources.github
        ? githubActionExecutors({ token: config.sources.github.token, baseUrl: config.sources.github.apiUrl })
        : {}),
      ...options.executors,
    },
    async scheduleStep(tenantId, approvalId, at) {
      await scheduleApprovalStep(scheduler.agenda, tenantId, approvalId, at);
    },
  });
  const availability = createAvailabilityStore(models);
  const holidays = createPublicHolidays();
  const holidayRegions = createHolidayRegions(holidays);
  // The one calendar lookup standups, nudges, reviewer suggestions and metrics call (RunningServer.calendars).
  const calendars = createCalendarSource(models, holidays);
  const profileReports = createChatProfileReports(availability, holidayRegions, log);
  const clock = options.now ?? (() => new Date());
  // Delivery metrics: dirty marks after facts are applied, rollups brought up to date by the metrics-rollups job.
  const metricsSettings = createMetricsSettingsStore(models.MetricSettings);
  const metricsRollups = createMetricsRollupUpdates({
    facts: factModelsOf(models),
    MetricRollup: models.MetricRollup,
    MetricRollupVersion: models.MetricRollupVersion,
    MetricDirtyMark: models.MetricDirtyMark,
    settings: metricsSettings,
  });
  // Push-chain gaps filled with GitHub's compare API (the metrics-compare-gaps job), with the GitHub token.
  const compareGaps = config.sources.github
    ? createCompareGapFiller({
        facts: factModelsOf(models),
        settings: metricsSettings,
        MetricDirtyMark: models.MetricDirtyMark,
        octokit: createCompareOctokit(config.sources.github),
      })
    : undefined;
  // Personal PR notifications: events recorded from fact writes, delivered by the triage-notify job.
  const notify = createNotifyStore(models, { dailyBudget: config.notifications.dailyBudget });
  const triageSettings = createTriageSettingsStore(models.TriageSettings);
  // Sprint health reads Jira's facts with the team's calendar (its default hours and holidays).
  const sprint: SprintPorts = {
    source: createSprintSource(models, holidays, (tenantId) => availability.teamDefaultsOf(tenantId)),
    now: clock,
  };
  // Charts (/dora, the sprint burndown, /flow's aging WIP) are drawn in one worker thread: vega-lite patches Set.prototype where it
  // loads (docs/charts.md).
  const charts = createChartRenderer();
  const commandPorts = {
    sprint,
    notifications: notify.settings,
    flow: createFlowPorts({
      models,
      availability,
      holidays,
      settings: config.flow,
      metricsSettings,
      now: clock,
    }),
    metricsSettings: createMetricsSettingsPorts({
      models,
      store: metricsSettings,
      rollups: metricsRollups,
      flowDefaults: config.flow,
    }),
    retention: {
      rawEventsDays: config.sources.retentionDays,
      askAnswerDays: config.knowledge.answerRetentionDays,
      standupAnswerDays: config.standups.retentionDays,
    },
    identity: createIdentityDirectory(models.Person),
    team: createTeamFacts(models),
    availability,
    holidayRegions,
    standups: createStandupStore(models.Standup, models.StandupAnswer),
  };
  // Messages the bot sends on its own, paced to each surface's limits and retried on throttling.
  const poster = createChatPoster({
    slack: config.slack ? slackPoster(config.slack, log) : undefined,
    teams: createTeamsPoster({
      adapter: () => teams.adapter,
      appId: config.teams?.appId,
      conversations: models.TeamsConversation,
      log: log.child({ component: 'teams-poster' }),
    }),
    log,
  });
  const standupFlow = createStandupFlow({
    config,
    models,
    store: commandPorts.standups,
    calendars,
    poster,
    approvals,
    log: log.child({ component: 'standups' }),
    now: clock,
  });
  // Triage reads GitHub beyond the webhooks (PR files, mergeable state, CODEOWNERS) with the token, if any.
  const triageOctokit = config.sources.github
    ? new Octokit({
        auth: config.sources.github.token,
        baseUrl: config.sources.github.apiUrl,
        userAgent: 'em-agent-triage',
        log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
      })
    : undefined;
  const loadQueue = createTriageQueue({
    models,
    calendars,
    ...(triageOctokit ? { octokit: triageOctokit } : {}),
  });
  const triage: TriagePorts = {
    queue: options.triageQueue ?? loadQueue,
    ...createTriagePeople(models),
    marks: createTriageMarks(models),
    settings: triageSettings,
    calendars,
    poster,
    approvals,
    now: options.now ?? (() => new Date()),
  };
  // A person's home: their PRs (read once, judged by triage), standups, approvals, blockers.
  const home = createHomeBuilderOf({
    models,
    calendars,
    standups: { store: commandPorts.standups, calendars },
    blockers: standupFlow.blockers.blockers,
    approvals,
    now: options.now ?? (() => new Date()),
  });
  // Delivery metrics (/dora, its buttons, /v1/metrics): the one place the reader is chosen: the stored rollups
  // and facts (data/metrics/), unless a test hands in its own.
  const metricsReader: MetricsReader = options.metricsReader ?? createMetricsReader(models, metricsSettings);
  const delivery = { reader: metricsReader, now: clock };
  const deliveryDigests = createDeliveryDigestStore(models);
  // Doc answers reach people in chat ("ask this person", stale-docs digests) through their linked accounts.
  const reach = createChatReach(models.Person, poster);
  const chat: ChatDeps = {
    log,
    metrics,
    tenants,
    tenantOf: chatTenantOf(config.demo ? DEMO_TENANT_ID : undefined),
    runCommand: (input) =>
      runCommand(input, options.commands ?? COMMANDS, {
        ...commandPorts,
        approvals,
        home,
        ask: askPortsOf(),
        standupStats: standupFlow.stats,
        triage,
        ...(delivery ? { metrics: delivery, deliveryDigests } : {}),
      }),
    answers: { store: () => knowledge.answerStore, reach },
    emails: createChatEmailLearner(models.Person, log, profileReports),
    profileReports,
    standupFlow,
    triage: { triage, standups: commandPorts.standups },
    delivery: { ...(delivery ? { metrics: delivery } : {}), standups: commandPorts.standups },
    charts,
    standups: {
      standups: commandPorts.standups,
      approvals,
      teamsAccountsByEmail: createTeamsAccountsByEmail(models.Person),
    },
  };

  if (config.slack) {
    slack = await createSlackSurface(config.slack, {
      ...chat,
      approvals,
      home,
      ...(options.homeRefreshMs !== undefined ? { homeRefreshMs: options.homeRefreshMs } : {}),
    });
    if (slack.teamId && !config.demo) await tenants.ensure(slack.teamId, 'slack');
  }
  if (config.demo) await tenants.ensure(DEMO_TENANT_ID, 'demo', 'Demo team');
  if (config.teams?.appTenantId) await tenants.ensure(config.teams.appTenantId, 'teams');
  const teams = createTeamsSurface(config.teams, {
    ...chat,
    demoServiceUrls: config.demoServiceUrls,
    conversations: models.TeamsConversation,
    approvals,
    charts,
    direct: poster,
  });

  // Triage's facts beyond the payloads: PR files and mergeable state from GitHub (with a token), check status.
  const enrichFromFacts = createPullRequestEnricher({ facts: factModelsOf(models), log });
  const enrichPullRequests = createPullRequestEnricher({
    facts: factModelsOf(models),
    log,
    ...(triageOctokit ? { octokit: triageOctokit } : {}),
  });
  // Delivery metrics' facts beyond the payloads: merged PRs' first commit times, releases' commits.
  const enrichDelivery = triageOctokit
    ? createDeliveryEnricher({ facts: factModelsOf(models), octokit: triageOctokit, log })
    : undefined;
  // Jira transitions' status categories: from the site's status list, or (no credentials, the demo) from the
  // statuses the tenant's own issues show.
  const readJiraStatuses = config.sources.jira ? createStatusListReader(config.sources.jira) : undefined;
  const readFactStatuses = createFactStatusReader(models.JiraIssue);
  const enrichStatusCategories = createStatusCategoryEnricher({
    facts: factModelsOf(models),
    readStatuses: (tenantId) =>
      readJiraStatuses && !(demoData && tenantId === DEMO_TENANT_ID)
        ? readJiraStatuses()
        : readFactStatuses(tenantId),
    log,
  });
  const normalizerDeps = {
    EventRaw: models.EventRaw,
    EventPending: models.EventPending,
    facts: factModelsOf(models),
    log,
    afterApply: async (tenantId: string, writes: readonly FactWrite[]) => {
      await linkByEmail(models.Person, tenantId, emailsInWrites(writes));
      // A sprint_started webhook: the sprint's contents now, kept as its start snapshot.
      await takeSprintSnapshots(models, tenantId, writes, clock());
      // The demo's repositories are made up: never ask GitHub about them.
      await (tenantId === DEMO_TENANT_ID ? enrichFromFacts : enrichPullRequests)(tenantId, writes);
      // Only the loaded demo dataset's repositories are made up (the `demo` tenant may receive real webhooks).
      if (!(demoData && tenantId === DEMO_TENANT_ID)) await enrichDelivery?.(tenantId, writes);
      await enrichStatusCategories(tenantId, writes);
      if (slack) await refreshHomesTouchedBy(tenantId, writes);
      // A failed mark is retried with the batch (afterApply throws): rollups never silently miss a fact.
      await metricsRollups.recordWrites(tenantId, writes);
      // Notifications are idempotent, so a failure here is logged, not retried at ingestion's expense.
      await notify
        .recordWrites(tenantId, writes, clock())
        .catch((error: unknown) => log.warn({ tenantId, err: error }, 'recording PR notifications failed'));
    },
  };
  // The App Homes of the people on the PRs just written (Teams home cards refresh when looked at).
  async function refreshHomesTouchedBy(tenantId: string, writes: readonly FactWrite[]) {
    try {
      const accounts = await accountsTouchedBy(models, tenantId, writes);
      slack?.homes.changed(
        accounts
          .filter((account) => account.tool === 'slack')
          .map((account) => ({ tenantId, userId: account.handle })),
      );
    } catch (error) {
      log.warn({ err: error, tenantId }, 'could not find the homes a fact change touches');
    }
  }
  const normalizer = createNormalizeQueue(normalizerDeps);
  let demoLoad: Promise<void> | undefined;
  const scheduler = await startScheduler(
    connection.db!,
    {
      log,
      metrics,
      approvals,
      knowledge,
      models,
      reach,
      calendars,
      ingest: {
        queue: normalizer,
        EventRaw: models.EventRaw,
        EventPending: models.EventPending,
        retentionDays: config.sources.retentionDays,
      },
      ...(demoData ? { demoTenantId: DEMO_TENANT_ID } : {}),
      standupRetentionDays: config.standups.retentionDays,
      standups: standupFlow,
      standupBlockers: standupFlow.blockers,
      metricsRollups,
      ...(compareGaps
        ? {
            compareGaps: {
              fillTenant: compareGaps.fillTenant,
              // The loaded demo dataset's repositories are made up: never ask GitHub about them.
              tenants: async () =>
                (await compareGaps.tenants()).filter(
                  (tenantId) => !(demoData && tenantId === DEMO_TENANT_ID),
                ),
            },
          }
        : {}),
      triage: {
        notices: { notices: notify.notices, calendars, poster },
        digest: {
          digests: createDigestStore(models, triageSettings),
          queue: options.triageQueue ?? loadQueue,
          poster,
          calendars,
        },
        teams: () => standupFlow.active(),
        now: clock,
      },
      deliveryDigest: {
        deps: {
          digests: deliveryDigests,
          metrics: metricsReader,
          flow: commandPorts.flow,
          sprint,
          poster,
          calendars,
        },
        teams: () => standupFlow.active(),
        now: clock,
      },
    },
    options.scheduler,
  );

  let accepting = true;
  const app = createHttpApp({
    log,
    metrics,
    probe: {
      database: () => pingDatabase(connection),
      accepting: () => accepting,
      async schedulerLastTick() {
        // eslint-disable-next-line no-restricted-syntax -- agenda's own collection, not a tenant's documents
        const job = await connection.db!.collection(JOBS_COLLECTION).findOne({ name: HEARTBEAT_JOB });
        return job?.lastFinishedAt instanceof Date ? job.lastFinishedAt : undefined;
      },
    },
    routers: [
      slack?.router ??
        unavailableSlackRouter('Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.'),
      // Without app credentials Teams activities are unsigned: acceptable for the demo tenant only, since anyone
      // could otherwise name any tenant (a Slack workspace's included) and read its data.
      config.teams || config.demo
        ? teams.router
        : unavailableTeamsRouter('Teams is not configured: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD.'),
      apiRoutes(
        {
          ApiToken: models.ApiToken,
          envToken: config.apiToken,
          envTenantId: envTenantId(),
        },
        approvals,
        [
          flowRoutes(commandPorts.flow, commandPorts.standups),
          metricsRoutes({ ...(delivery ? { metrics: delivery } : {}), standups: commandPorts.standups }),
          ...(sprint ? [sprintRoutes(sprint)] : []),
        ],
      ),
      webhookRoutes({
        log,
        EventRaw: models.EventRaw,
        EventPending: models.EventPending,
        Tenant: models.Tenant,
        envTenantId: envTenantId(),
        envSecrets: config.sources.webhookSecrets,
        envJiraClientKey: config.sources.jiraClientKey,
        onStored: (tenantId, event) => normalizer.kick(tenantId, event),
      }),
    ],
  });
  const server = createServer(app);
  const port = await listen(server, config.port);
  const url = `http://localhost:${port}`;
  await slack?.start();

  if (config.demo) log.info(nextStepsForDemo(url, config));
  if (demoData) {
    demoLoad = loadDemoDataset(models, normalizerDeps, DEMO_TENANT_ID)
      .then(async (result) => {
        // The working days since the dataset ends (or since the last run), before anyone looks.
        const activity = await addDemoActivity({ models, queue: normalizer }, DEMO_TENANT_ID);
        const summary = await summarizeTenant(models, DEMO_TENANT_ID);
        log.info(
          { ...summary, loadedNow: result?.loaded ?? 0, activityNow: activity?.stored ?? 0 },
          'demo team ready',
        );
      })
      .catch((error: unknown) => log.error({ err: error }, 'loading the demo team failed'));
  } else log.info({ url, slack: Boolean(slack), teams: Boolean(config.teams) }, 'em-agent is ready');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      accepting = false;
      log.info('shutting down: no new requests, finishing jobs');
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const jobs = await scheduler.stop(config.shutdownTimeoutMs);
      await slack?.stop();
      server.closeAllConnections();
      await stopped;
      await demoLoad;
      await normalizer.idle();
      await connection.close();
      await knowledge.close();
      await charts.close();
      await embedded?.stop();
      log.info(jobs, 'em-agent stopped');
    })());

  return {
    url,
    port,
    connection,
    models,
    metrics,
    scheduler,
    approvals,
    knowledge,
    calendars,
    normalizer,
    demoLoaded: () => demoLoad ?? Promise.resolve(),
    close,
  };
}

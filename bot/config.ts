import { z } from 'zod';
import { ConfigError } from './errors.ts';

/** Variables whose values must never appear in an error message or a log line. */
export const SECRET_VARIABLES = new Set([
  'MONGODB_URI',
  'FERRETDB_POSTGRESQL_URL',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'MICROSOFT_APP_PASSWORD',
  'API_TOKEN',
  'OPENAI_API_KEY',
  'GITHUB_TOKEN',
  'CONFLUENCE_API_TOKEN',
  'GITHUB_WEBHOOK_SECRET',
  'JIRA_WEBHOOK_SECRET',
  'PAGERDUTY_WEBHOOK_SECRET',
  'JIRA_API_TOKEN',
  'PAGERDUTY_TOKEN',
]);

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const httpUrl = (what: string) =>
  optionalText.refine(
    (value) => value === undefined || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)),
    `expected ${what}`,
  );

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `expected a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `expected a whole number from ${min} to ${max}`);

const envSchema = z.object({
  PORT: wholeNumber(0, 65_535).default(3000),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  DEMO_MODE: z.enum(['auto', 'on']).default('auto'),
  DEMO_SERVICE_URLS: optionalText.refine(
    (value) =>
      value === undefined ||
      value
        .split(/[\s,]+/)
        .filter(Boolean)
        .every((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)),
    'expected http(s) URLs separated by commas',
  ),

  MONGODB_URI: optionalText.refine(
    (value) => value === undefined || /^mongodb(\+srv)?:\/\//.test(value),
    'expected a connection string starting with mongodb:// or mongodb+srv://',
  ),
  EMBEDDED_DB: z.enum(['auto', 'ferretdb', 'mongodb-memory-server']).default('auto'),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  FERRETDB_POSTGRESQL_URL: optionalText.refine(
    (value) => value === undefined || (/^postgres(ql)?:\/\//.test(value) && URL.canParse(value)),
    'expected a PostgreSQL URL such as postgres://user:password@localhost:5432/em_agent',
  ),

  SLACK_BOT_TOKEN: optionalText.refine(
    (value) => value === undefined || value.startsWith('xoxb-'),
    'expected a bot token starting with xoxb-',
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine(
    (value) => value === undefined || value.startsWith('xapp-'),
    'expected an app-level token starting with xapp-',
  ),
  SLACK_API_URL: httpUrl('an http(s) URL such as https://slack.com/api/'),

  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MICROSOFT_BOT_OPENID_METADATA: httpUrl('the https URL of an OpenID metadata document'),

  POLICY_FILE: optionalText,
  API_TOKEN: optionalText.refine(
    (value) => value === undefined || value.length >= 24,
    'expected at least 24 characters',
  ),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(0, 600_000).default(25_000),

  // Doc answers (issue 5).
  CHROMA_URL: httpUrl('the http(s) URL of a Chroma server, such as http://localhost:8000'),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: httpUrl('an http(s) URL such as https://api.openai.com/v1'),
  OPENAI_CHAT_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().trim().min(1).default('text-embedding-3-small'),
  LLM_MONTHLY_COST_CAP_USD: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'expected an amount of US dollars such as 200 or 12.50')
    .transform(Number)
    .default(200),
  DOCS_DIR: optionalText,
  DOCS_GITHUB_REPOS: optionalText.refine(
    (value) =>
      value === undefined ||
      value
        .split(/[\s,]+/)
        .filter(Boolean)
        .every((repo) => /^[\w.-]+\/[\w.-]+(@\S+)?$/.test(repo)),
    'expected owner/repo names (optionally owner/repo@branch), separated by commas',
  ),
  DOCS_TENANT_ID: optionalText,
  DOCS_REINDEX_EVERY: z.string().trim().min(1).default('1 hour'),
  DOCS_DIGEST_CHANNEL: optionalText.refine(
    (value) => value === undefined || /^(slack|teams):\S+$/.test(value),
    'expected slack:<channel id> or teams:<conversation id>',
  ),
  ASK_RETENTION_DAYS: wholeNumber(1, 3650).default(90),
  GITHUB_TOKEN: optionalText,
  GITHUB_API_URL: httpUrl('an http(s) URL such as https://api.github.com'),
  CONFLUENCE_BASE_URL: httpUrl('your Confluence site, such as https://acme.atlassian.net'),
  CONFLUENCE_SPACE: optionalText,
  CONFLUENCE_EMAIL: optionalText,
  CONFLUENCE_API_TOKEN: optionalText,
  GITHUB_WEBHOOK_SECRET: optionalText,
  JIRA_WEBHOOK_SECRET: optionalText,
  JIRA_CLIENT_KEY: optionalText,
  PAGERDUTY_WEBHOOK_SECRET: optionalText,
  JIRA_BASE_URL: httpUrl('your Jira site URL, such as https://your-team.atlassian.net'),
  JIRA_EMAIL: optionalText,
  JIRA_API_TOKEN: optionalText,
  PAGERDUTY_TOKEN: optionalText,
  PAGERDUTY_API_URL: httpUrl('an http(s) URL such as https://api.pagerduty.com'),
  RETENTION_DAYS: wholeNumber(1, 3650).default(30),

  // Standups (issue 11).
  STANDUP_RETENTION_DAYS: wholeNumber(1, 3650).default(180),
  STANDUP_ESCALATE_AFTER_DAYS: wholeNumber(1, 30).default(2),

  // PR notifications and the team triage digest (issue 12).
  NOTIFY_DAILY_BUDGET: wholeNumber(1, 50).default(10),

  // Flow metrics (issue 13).
  FLOW_AGE_MODE: z.enum(['calendar', 'working']).default('working'),
  FLOW_STATUS_STATES: z
    .string()
    .trim()
    .default('')
    .refine(
      (value) =>
        value === '' || value.split(',').every((pair) => /^[^=]+=(active|waiting)$/i.test(pair.trim())),
      'expected Jira status names mapped to active or waiting, e.g. In Review=waiting,Blocked=waiting',
    ),
});

type Env = z.infer<typeof envSchema>;

export interface SlackConfig {
  botToken: string;
  /** Absent in Socket Mode, where Slack authenticates the WebSocket instead of each request. */
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
}

export interface TeamsConfig {
  appId: string;
  appPassword?: string;
  appTenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** Where the signing keys for inbound activity JWTs are published (sovereign clouds; the tests' fake). */
  openIdMetadataUrl?: string;
}

export interface KnowledgeConfig {
  /** Absent: `npm start` runs the Chroma server from the chromadb package, with its data in DATA_DIR. */
  chromaUrl?: string;
  docsDir?: string;
  /** `owner/repo` or `owner/repo@ref`. */
  githubRepos: string[];
  github: { token?: string; apiUrl?: string };
  confluence?: { baseUrl: string; space: string; email: string; apiToken: string };
  /** The tenant the configured sources belong to; the server's own tenant when absent. */
  tenantId?: string;
  reindexEvery: string;
  /** Where stale-docs digests go for owners with no chat account linked; absent: recorded as undelivered. */
  digestChannel?: { surface: 'slack' | 'teams'; id: string };
  /** Questions and answers are kept this long; then their text is purged (votes and citations stay). */
  answerRetentionDays: number;
}

export interface OpenAiConfig {
  apiKey: string;
  baseUrl?: string;
  chatModel: string;
  embeddingModel: string;
}

/** Webhook secrets and API access for the single tenant the environment sets up (others keep theirs in the database). */
export interface SourcesConfig {
  webhookSecrets: { github?: string; jira?: string; pagerduty?: string };
  /** A Jira Connect installation's client key: the `iss` its JWT-signed webhooks must carry. */
  jiraClientKey?: string;
  github?: { token: string; apiUrl?: string };
  jira?: { baseUrl: string; email: string; apiToken: string };
  pagerduty?: { token: string; apiUrl?: string };
  /** Raw webhook deliveries older than this many days are purged once normalized. */
  retentionDays: number;
}

export interface StandupsConfig {
  /** Answers are purged after this many days (with the text of blockers closed by then); day counts stay. */
  retentionDays: number;
  /** Working days a blocker stays open before the standup's owner is told. */
  escalateAfterDays: number;
}

export interface NotificationsConfig {
  /** Personal PR messages a person gets per local day unless they set their own (`notify settings budget <n>`). */
  dailyBudget: number;
}

export interface FlowMetricsConfig {
  /** Ages and durations in every hour, or in the team's working hours only. */
  ageMode: 'calendar' | 'working';
  /** Jira status name → active or waiting, over its category. */
  statusStates: Record<string, 'active' | 'waiting'>;
}

export interface Config {
  port: number;
  logLevel: Env['LOG_LEVEL'];
  /** `auto`: readable lines when stdout is a terminal, JSON otherwise. */
  logFormat: Env['LOG_FORMAT'];
  database: {
    uri?: string;
    embedded: Env['EMBEDDED_DB'];
    dataDir: string;
    /** The embedded FerretDB keeps its data in this PostgreSQL database instead of SQLite files in DATA_DIR. */
    ferretdbPostgresqlUrl?: string;
  };
  slack?: SlackConfig;
  teams?: TeamsConfig;
  policyFile?: string;
  apiToken?: string;
  shutdownTimeoutMs: number;
  sources: SourcesConfig;
  /**
   * Serve every chat request from the demo tenant: when no chat credentials are set (Teams then accepts the
   * unauthenticated traffic of the Emulator and the Agents Playground), or with DEMO_MODE=on.
   */
  demo: boolean;
  /** Demo mode replies only to a Teams serviceUrl on this machine or one of these origins. */
  demoServiceUrls: string[];
  knowledge: KnowledgeConfig;
  /** Absent: embeddings are local and answers extractive. */
  openai?: OpenAiConfig;
  /** Per tenant per month, unless POLICY_FILE sets limits.max_monthly_cost_usd. */
  llmMonthlyCostCapUsd: number;
  standups: StandupsConfig;
  notifications: NotificationsConfig;
  flow: FlowMetricsConfig;
}

type Problem = { variable: string; expected: string };

/** Rules between variables; they read only presence and a few literal values, so raw strings will do. */
function crossFieldProblems(env: Record<string, string | undefined>): Problem[] {
  const problems: Problem[] = [];
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    problems.push({
      variable: 'SLACK_SIGNING_SECRET',
      expected: 'required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)',
    });
  }
  if (!env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN)) {
    problems.push({
      variable: 'SLACK_BOT_TOKEN',
      expected: 'required when other SLACK_* credentials are set',
    });
  }
  if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !env.MICROSOFT_APP_PASSWORD) {
    problems.push({ variable: 'MICROSOFT_APP_PASSWORD', expected: 'required with MICROSOFT_APP_ID' });
  }
  if (!env.MICROSOFT_APP_ID && env.MICROSOFT_APP_PASSWORD) {
    problems.push({ variable: 'MICROSOFT_APP_ID', expected: 'required with MICROSOFT_APP_PASSWORD' });
  }
  if (env.MICROSOFT_APP_TYPE === 'SingleTenant' && !env.MICROSOFT_APP_TENANT_ID) {
    problems.push({
      variable: 'MICROSOFT_APP_TENANT_ID',
      expected: 'required when MICROSOFT_APP_TYPE=SingleTenant',
    });
  }
  const confluence = ['CONFLUENCE_BASE_URL', 'CONFLUENCE_SPACE', 'CONFLUENCE_EMAIL', 'CONFLUENCE_API_TOKEN'];
  if (confluence.some((name) => env[name])) {
    for (const name of confluence.filter((candidate) => !env[candidate])) {
      problems.push({
        variable: name,
        expected: `required with ${confluence.filter((other) => env[other]).join(', ')}`,
      });
    }
  }
  if (env.FERRETDB_POSTGRESQL_URL && env.MONGODB_URI) {
    problems.push({
      variable: 'FERRETDB_POSTGRESQL_URL',
      expected: 'not used with MONGODB_URI (it is for the embedded FerretDB); set one of them',
    });
  }
  if (env.FERRETDB_POSTGRESQL_URL && env.EMBEDDED_DB === 'mongodb-memory-server') {
    problems.push({
      variable: 'FERRETDB_POSTGRESQL_URL',
      expected: 'not used with EMBEDDED_DB=mongodb-memory-server (it is for the embedded FerretDB)',
    });
  }
  const jira = ['JIRA_BASE_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN'] as const;
  if (jira.some((name) => env[name]) && !jira.every((name) => env[name])) {
    for (const name of jira.filter((candidate) => !env[candidate])) {
      problems.push({
        variable: name,
        expected: `required with ${jira.filter((n) => n !== name).join(' and ')}`,
      });
    }
  }
  return problems;
}

function describeProblem({ variable, expected }: Problem, env: NodeJS.ProcessEnv): string {
  const raw = env[variable];
  const shown = raw === undefined || raw === '' || SECRET_VARIABLES.has(variable) ? '' : ` (got "${raw}")`;
  return `${variable}: ${expected}${shown}`;
}

/**
 * Reads and validates every setting from the environment. Pure: no I/O, no defaults from the machine.
 * Throws one ConfigError whose message is a single line naming each bad variable.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // A variable set to nothing (`PORT=`) means "use the default", as it does for most twelve-factor apps.
  const setVariables = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(setVariables);
  const problems: Problem[] = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({ variable: String(issue.path[0]), expected: issue.message }))),
    ...crossFieldProblems(setVariables),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(problems.map((problem) => describeProblem(problem, env)).join('; '));
  }
  const e = parsed.data;
  const slack: SlackConfig | undefined = e.SLACK_BOT_TOKEN
    ? {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL && (e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`),
      }
    : undefined;
  const teams: TeamsConfig | undefined = e.MICROSOFT_APP_ID
    ? {
        appId: e.MICROSOFT_APP_ID,
        appPassword: e.MICROSOFT_APP_PASSWORD,
        appTenantId: e.MICROSOFT_APP_TENANT_ID,
        appType: e.MICROSOFT_APP_TYPE,
        openIdMetadataUrl: e.MICROSOFT_BOT_OPENID_METADATA,
      }
    : undefined;
  return {
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    database: {
      uri: e.MONGODB_URI,
      embedded: e.EMBEDDED_DB,
      dataDir: e.DATA_DIR,
      ...(e.FERRETDB_POSTGRESQL_URL ? { ferretdbPostgresqlUrl: e.FERRETDB_POSTGRESQL_URL } : {}),
    },
    slack,
    teams,
    policyFile: e.POLICY_FILE,
    apiToken: e.API_TOKEN,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    sources: {
      webhookSecrets: {
        github: e.GITHUB_WEBHOOK_SECRET,
        jira: e.JIRA_WEBHOOK_SECRET,
        pagerduty: e.PAGERDUTY_WEBHOOK_SECRET,
      },
      ...(e.JIRA_CLIENT_KEY ? { jiraClientKey: e.JIRA_CLIENT_KEY } : {}),
      github: e.GITHUB_TOKEN ? { token: e.GITHUB_TOKEN, apiUrl: e.GITHUB_API_URL } : undefined,
      jira:
        e.JIRA_BASE_URL && e.JIRA_EMAIL && e.JIRA_API_TOKEN
          ? { baseUrl: e.JIRA_BASE_URL, email: e.JIRA_EMAIL, apiToken: e.JIRA_API_TOKEN }
          : undefined,
      pagerduty: e.PAGERDUTY_TOKEN ? { token: e.PAGERDUTY_TOKEN, apiUrl: e.PAGERDUTY_API_URL } : undefined,
      retentionDays: e.RETENTION_DAYS,
    },
    demo: e.DEMO_MODE === 'on' || (!slack && !teams),
    demoServiceUrls: (e.DEMO_SERVICE_URLS ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((url) => new URL(url).origin),
    knowledge: {
      chromaUrl: e.CHROMA_URL,
      docsDir: e.DOCS_DIR,
      githubRepos: (e.DOCS_GITHUB_REPOS ?? '').split(/[\s,]+/).filter(Boolean),
      github: { token: e.GITHUB_TOKEN, apiUrl: e.GITHUB_API_URL },
      confluence:
        e.CONFLUENCE_BASE_URL && e.CONFLUENCE_SPACE && e.CONFLUENCE_EMAIL && e.CONFLUENCE_API_TOKEN
          ? {
              baseUrl: e.CONFLUENCE_BASE_URL,
              space: e.CONFLUENCE_SPACE,
              email: e.CONFLUENCE_EMAIL,
              apiToken: e.CONFLUENCE_API_TOKEN,
            }
          : undefined,
      tenantId: e.DOCS_TENANT_ID,
      reindexEvery: e.DOCS_REINDEX_EVERY,
      digestChannel: e.DOCS_DIGEST_CHANNEL
        ? {
            surface: e.DOCS_DIGEST_CHANNEL.startsWith('slack:') ? 'slack' : 'teams',
            id: e.DOCS_DIGEST_CHANNEL.replace(/^(slack|teams):/, ''),
          }
        : undefined,
      answerRetentionDays: e.ASK_RETENTION_DAYS,
    },
    openai: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseUrl: e.OPENAI_BASE_URL,
          chatModel: e.OPENAI_CHAT_MODEL,
          embeddingModel: e.OPENAI_EMBEDDING_MODEL,
        }
      : undefined,
    llmMonthlyCostCapUsd: e.LLM_MONTHLY_COST_CAP_USD,
    standups: {
      retentionDays: e.STANDUP_RETENTION_DAYS,
      escalateAfterDays: e.STANDUP_ESCALATE_AFTER_DAYS,
    },
    notifications: { dailyBudget: e.NOTIFY_DAILY_BUDGET },
    flow: {
      ageMode: e.FLOW_AGE_MODE,
      statusStates: Object.fromEntries(
        e.FLOW_STATUS_STATES.split(',')
          .filter((pair) => pair.trim() !== '')
          .map((pair) => {
            const [name = '', state = ''] = pair.split('=');
            return [name.trim(), state.trim().toLowerCase() as 'active' | 'waiting'];
          }),
      ),
    },
  };
}

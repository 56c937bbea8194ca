import assert from 'node:assert/strict';
import { readConfig, SECRET_VARIABLES } from '../../bot/config.ts';
import { ConfigError } from '../../bot/errors.ts';

/** Runs readConfig expecting a ConfigError and returns its message. */
function configErrorFor(env: Record<string, string>): string {
  try {
    readConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.equal(error.code, 'config_invalid');
    return error.message;
  }
  assert.fail(`readConfig accepted ${JSON.stringify(env)}`);
}

describe('readConfig', () => {
  describe('defaults', () => {
    it('serves the demo on port 3000 with an automatic embedded database when nothing is set', () => {
      const config = readConfig({});
      assert.equal(config.port, 3000);
      assert.equal(config.logLevel, 'info');
      assert.equal(config.demo, true);
      assert.equal(config.slack, undefined);
      assert.equal(config.teams, undefined);
      assert.deepEqual(config.database, { uri: undefined, embedded: 'auto', dataDir: '.data' });
      assert.equal(config.shutdownTimeoutMs, 25_000);
      assert.equal(config.policyFile, undefined);
      assert.equal(config.apiToken, undefined);
    });

    it('reads nothing from process.env when given an explicit env', () => {
      const saved = process.env.PORT;
      process.env.PORT = '4321';
      try {
        assert.equal(readConfig({}).port, 3000);
      } finally {
        if (saved === undefined) delete process.env.PORT;
        else process.env.PORT = saved;
      }
    });

    it('coerces numeric settings from strings', () => {
      const config = readConfig({ PORT: '8080', SHUTDOWN_TIMEOUT_MS: '500' });
      assert.equal(config.port, 8080);
      assert.equal(config.shutdownTimeoutMs, 500);
    });

    it('is not in demo mode once Slack or Teams credentials are set', () => {
      const slack = readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing' });
      assert.equal(slack.demo, false);
      assert.equal(slack.slack?.botToken, 'xoxb-1');
      assert.equal(slack.slack?.signingSecret, 'signing');
      assert.equal(slack.slack?.appToken, undefined);
      assert.equal(slack.slack?.apiUrl, undefined);
      assert.equal(slack.teams, undefined);
      const teams = readConfig({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'pw' });
      assert.equal(teams.demo, false);
      assert.equal(teams.teams?.appId, 'app-id');
      assert.equal(teams.teams?.appPassword, 'pw');
      assert.equal(teams.teams?.appTenantId, undefined);
      assert.equal(teams.teams?.appType, 'MultiTenant');
      assert.equal(teams.slack, undefined);
    });

    it('serves the demo team with chat credentials too when DEMO_MODE=on', () => {
      const config = readConfig({ DEMO_MODE: 'on', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
      assert.equal(config.demo, true);
      assert.equal(config.slack?.botToken, 'xoxb-1');
      assert.match(configErrorFor({ DEMO_MODE: 'yes' }), /^DEMO_MODE: /);
    });

    it('reads the serviceUrl origins demo mode may reply to, and refuses what is not an http(s) URL', () => {
      const config = readConfig({
        DEMO_SERVICE_URLS: 'https://tunnel.example.dev/api/, http://10.0.0.5:3978',
      });
      assert.deepEqual(config.demoServiceUrls, ['https://tunnel.example.dev', 'http://10.0.0.5:3978']);
      assert.deepEqual(readConfig({}).demoServiceUrls, []);
      assert.match(configErrorFor({ DEMO_SERVICE_URLS: 'smba.example.net' }), /^DEMO_SERVICE_URLS: expected/);
    });
  });

  describe('cross-field rules', () => {
    it('requires SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN when SLACK_APP_TOKEN is not set', () => {
      const message = configErrorFor({ SLACK_BOT_TOKEN: 'xoxb-1' });
      assert.match(message, /^SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN/);
      assert.match(message, /SLACK_APP_TOKEN for Socket Mode/);
    });

    it('accepts Socket Mode: a bot token and an app token without a signing secret', () => {
      const config = readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
      assert.equal(config.slack?.botToken, 'xoxb-1');
      assert.equal(config.slack?.appToken, 'xapp-1');
      assert.equal(config.slack?.signingSecret, undefined);
      assert.equal(config.demo, false);
    });

    it('requires SLACK_BOT_TOKEN when only other Slack credentials are set', () => {
      assert.match(configErrorFor({ SLACK_SIGNING_SECRET: 'signing' }), /^SLACK_BOT_TOKEN: required/);
      assert.match(configErrorFor({ SLACK_APP_TOKEN: 'xapp-1' }), /^SLACK_BOT_TOKEN: required/);
    });

    it('requires MICROSOFT_APP_PASSWORD with MICROSOFT_APP_ID, except for a managed identity', () => {
      assert.equal(
        configErrorFor({ MICROSOFT_APP_ID: 'app-id' }),
        'MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID',
      );
      const msi = readConfig({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_TYPE: 'UserAssignedMSI' });
      assert.equal(msi.teams?.appType, 'UserAssignedMSI');
      assert.equal(msi.teams?.appPassword, undefined);
    });

    it('requires MICROSOFT_APP_ID with MICROSOFT_APP_PASSWORD', () => {
      assert.match(configErrorFor({ MICROSOFT_APP_PASSWORD: 'pw' }), /^MICROSOFT_APP_ID: required/);
    });

    it('requires MICROSOFT_APP_TENANT_ID for a SingleTenant app', () => {
      const message = configErrorFor({
        MICROSOFT_APP_ID: 'app-id',
        MICROSOFT_APP_PASSWORD: 'pw',
        MICROSOFT_APP_TYPE: 'SingleTenant',
      });
      assert.equal(message, 'MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE=SingleTenant');
      const ok = readConfig({
        MICROSOFT_APP_ID: 'app-id',
        MICROSOFT_APP_PASSWORD: 'pw',
        MICROSOFT_APP_TYPE: 'SingleTenant',
        MICROSOFT_APP_TENANT_ID: 'tenant-1',
      });
      assert.equal(ok.teams?.appTenantId, 'tenant-1');
    });

    it('reports every problem at once, separated by semicolons', () => {
      const message = configErrorFor({ SLACK_BOT_TOKEN: 'xoxb-1', MICROSOFT_APP_ID: 'app-id' });
      assert.match(message, /SLACK_SIGNING_SECRET: .*; MICROSOFT_APP_PASSWORD: /);
    });
  });

  describe('error messages', () => {
    for (const port of ['not-a-port', '70000', '-1', '3.5']) {
      it(`names PORT and shows the bad value for PORT=${port}`, () => {
        const message = configErrorFor({ PORT: port });
        assert.match(message, /^PORT: /);
        assert.ok(message.includes(`(got "${port}")`), message);
      });
    }

    it('rejects an unknown LOG_LEVEL and shows it', () => {
      const message = configErrorFor({ LOG_LEVEL: 'loud' });
      assert.match(message, /^LOG_LEVEL: /);
      assert.ok(message.includes('"loud"'), message);
    });

    it('names a malformed secret without ever showing its value', () => {
      const message = configErrorFor({ SLACK_BOT_TOKEN: 'not-a-token-SECRETVALUE' });
      assert.match(message, /^SLACK_BOT_TOKEN: expected a bot token starting with xoxb-/);
      assert.ok(!message.includes('SECRETVALUE'), message);
      assert.ok(!message.includes('not-a-token'), message);
    });

    it('never shows the value of any secret variable, whatever is wrong with it', () => {
      const env = {
        MONGODB_URI: 'postgres://user:SECRETVALUE1@host',
        SLACK_BOT_TOKEN: 'SECRETVALUE2',
        SLACK_APP_TOKEN: 'SECRETVALUE3',
        API_TOKEN: 'SECRETVALUE4',
        MICROSOFT_APP_PASSWORD: 'SECRETVALUE5',
      };
      const message = configErrorFor(env);
      for (const variable of ['MONGODB_URI', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'API_TOKEN']) {
        assert.ok(message.includes(`${variable}: `), `${variable} not named in: ${message}`);
      }
      assert.doesNotMatch(message, /SECRETVALUE/);
      assert.ok(SECRET_VARIABLES.has('MICROSOFT_APP_PASSWORD'));
    });

    it('is a single line, even with several problems', () => {
      const message = configErrorFor({
        PORT: 'x',
        LOG_LEVEL: 'loud',
        EMBEDDED_DB: 'sqlite',
        SLACK_API_URL: 'not a url',
        SLACK_BOT_TOKEN: 'bad',
      });
      assert.doesNotMatch(message, /[\r\n]/);
      for (const variable of ['PORT', 'LOG_LEVEL', 'EMBEDDED_DB', 'SLACK_API_URL', 'SLACK_BOT_TOKEN']) {
        assert.ok(message.includes(`${variable}: `), `${variable} not named in: ${message}`);
      }
    });
  });

  describe('normalisation', () => {
    it('adds a trailing slash to SLACK_API_URL, and keeps one that is there', () => {
      const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing' };
      assert.equal(
        readConfig({ ...base, SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slack?.apiUrl,
        'http://127.0.0.1:9999/api/',
      );
      assert.equal(
        readConfig({ ...base, SLACK_API_URL: 'https://slack.com/api/' }).slack?.apiUrl,
        'https://slack.com/api/',
      );
    });

    it('rejects a SLACK_API_URL that is not a URL', () => {
      assert.match(configErrorFor({ SLACK_API_URL: 'slack dot com' }), /^SLACK_API_URL: expected/);
    });

    it('treats empty and blank optional strings as unset', () => {
      const config = readConfig({
        SLACK_BOT_TOKEN: '',
        SLACK_SIGNING_SECRET: '   ',
        SLACK_APP_TOKEN: '',
        SLACK_API_URL: '',
        MICROSOFT_APP_ID: '',
        MICROSOFT_APP_PASSWORD: ' ',
        MONGODB_URI: '',
        POLICY_FILE: '',
        API_TOKEN: '',
      });
      assert.equal(config.demo, true);
      assert.equal(config.slack, undefined);
      assert.equal(config.teams, undefined);
      assert.equal(config.database.uri, undefined);
      assert.equal(config.policyFile, undefined);
      assert.equal(config.apiToken, undefined);
    });

    it('trims whitespace around values', () => {
      const config = readConfig({
        SLACK_BOT_TOKEN: ' xoxb-1 ',
        SLACK_SIGNING_SECRET: ' signing\n',
        POLICY_FILE: ' policy.yaml ',
      });
      assert.equal(config.slack?.botToken, 'xoxb-1');
      assert.equal(config.slack?.signingSecret, 'signing');
      assert.equal(config.policyFile, 'policy.yaml');
    });

    it('accepts mongodb:// and mongodb+srv:// connection strings only', () => {
      assert.equal(readConfig({ MONGODB_URI: 'mongodb://h:27017/db' }).database.uri, 'mongodb://h:27017/db');
      assert.equal(
        readConfig({ MONGODB_URI: 'mongodb+srv://cluster/db' }).database.uri,
        'mongodb+srv://cluster/db',
      );
      assert.match(configErrorFor({ MONGODB_URI: 'http://h' }), /^MONGODB_URI: expected a connection string/);
    });

    it('lets the embedded FerretDB keep its data in the PostgreSQL FERRETDB_POSTGRESQL_URL names', () => {
      const url = 'postgres://em:pw@db.internal:5432/em_agent';
      const config = readConfig({ FERRETDB_POSTGRESQL_URL: url });
      assert.deepEqual(config.database, {
        uri: undefined,
        embedded: 'auto',
        dataDir: '.data',
        ferretdbPostgresqlUrl: url,
      });
      assert.equal(
        readConfig({ FERRETDB_POSTGRESQL_URL: 'postgresql://db/em', EMBEDDED_DB: 'ferretdb' }).database
          .ferretdbPostgresqlUrl,
        'postgresql://db/em',
      );
    });

    it('rejects a FERRETDB_POSTGRESQL_URL that is not a PostgreSQL URL without showing it', () => {
      for (const url of [
        'mysql://em:SECRETVALUE@db/em',
        'postgres://em:SECRETVALUE@db:port/em',
        'SECRETVALUE',
      ]) {
        const message = configErrorFor({ FERRETDB_POSTGRESQL_URL: url });
        assert.match(message, /^FERRETDB_POSTGRESQL_URL: expected a PostgreSQL URL such as postgres:\/\//);
        assert.doesNotMatch(message, /SECRETVALUE/);
      }
      assert.ok(SECRET_VARIABLES.has('FERRETDB_POSTGRESQL_URL'));
    });

    it('refuses FERRETDB_POSTGRESQL_URL where no embedded FerretDB would use it', () => {
      const url = 'postgres://em:SECRETVALUE@db/em';
      const withUri = configErrorFor({ FERRETDB_POSTGRESQL_URL: url, MONGODB_URI: 'mongodb://h/db' });
      assert.match(withUri, /^FERRETDB_POSTGRESQL_URL: not used with MONGODB_URI/);
      const withMemory = configErrorFor({
        FERRETDB_POSTGRESQL_URL: url,
        EMBEDDED_DB: 'mongodb-memory-server',
      });
      assert.match(withMemory, /^FERRETDB_POSTGRESQL_URL: not used with EMBEDDED_DB=mongodb-memory-server/);
      assert.doesNotMatch(withUri + withMemory, /SECRETVALUE/);
    });

    it('requires API_TOKEN to be at least 24 characters', () => {
      assert.match(configErrorFor({ API_TOKEN: 'short' }), /^API_TOKEN: expected at least 24 characters$/);
      assert.equal(readConfig({ API_TOKEN: 'x'.repeat(24) }).apiToken, 'x'.repeat(24));
    });
  });
  describe('doc answers', () => {
    it('defaults to local embeddings, extractive answers, a $200 cap and an hourly re-index', () => {
      const config = readConfig({});
      assert.equal(config.openai, undefined);
      assert.equal(config.llmMonthlyCostCapUsd, 200);
      assert.deepEqual(config.knowledge, {
        chromaUrl: undefined,
        docsDir: undefined,
        githubRepos: [],
        github: { token: undefined, apiUrl: undefined },
        confluence: undefined,
        tenantId: undefined,
        reindexEvery: '1 hour',
        digestChannel: undefined,
        answerRetentionDays: 90,
      });
    });

    it('reads the digest fallback channel and the answer retention', () => {
      const slack = readConfig({ DOCS_DIGEST_CHANNEL: 'slack:C0DIGEST', ASK_RETENTION_DAYS: '30' });
      assert.deepEqual(slack.knowledge.digestChannel, { surface: 'slack', id: 'C0DIGEST' });
      assert.equal(slack.knowledge.answerRetentionDays, 30);
      const teams = readConfig({ DOCS_DIGEST_CHANNEL: 'teams:19:abc@thread.tacv2' });
      assert.deepEqual(teams.knowledge.digestChannel, { surface: 'teams', id: '19:abc@thread.tacv2' });
      assert.match(
        configErrorFor({ DOCS_DIGEST_CHANNEL: 'C0DIGEST' }),
        /^DOCS_DIGEST_CHANNEL: expected slack:/,
      );
      assert.match(configErrorFor({ ASK_RETENTION_DAYS: '0' }), /^ASK_RETENTION_DAYS/);
    });

    it('reads Chroma, OpenAI, docs sources and the cap', () => {
      const config = readConfig({
        CHROMA_URL: 'http://chroma:8000',
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: 'http://localhost:9999/v1',
        OPENAI_CHAT_MODEL: 'gpt-4.1-mini',
        LLM_MONTHLY_COST_CAP_USD: '12.50',
        DOCS_DIR: './docs',
        DOCS_GITHUB_REPOS: 'acme/api, acme/runbooks@main',
        GITHUB_TOKEN: 'ghp_x',
        CONFLUENCE_BASE_URL: 'https://acme.atlassian.net',
        CONFLUENCE_SPACE: 'ENG',
        CONFLUENCE_EMAIL: 'bot@acme.example',
        CONFLUENCE_API_TOKEN: 'secret',
      });
      assert.equal(config.knowledge.chromaUrl, 'http://chroma:8000');
      assert.deepEqual(config.openai, {
        apiKey: 'sk-test',
        baseUrl: 'http://localhost:9999/v1',
        chatModel: 'gpt-4.1-mini',
        embeddingModel: 'text-embedding-3-small',
      });
      assert.equal(config.llmMonthlyCostCapUsd, 12.5);
      assert.deepEqual(config.knowledge.githubRepos, ['acme/api', 'acme/runbooks@main']);
      assert.equal(config.knowledge.github.token, 'ghp_x');
      assert.equal(config.knowledge.confluence?.space, 'ENG');
    });

    it('rejects malformed doc-answer settings and never shows the OpenAI key', () => {
      assert.match(configErrorFor({ CHROMA_URL: 'chroma:8000' }), /^CHROMA_URL: expected the http\(s\) URL/);
      assert.match(
        configErrorFor({ DOCS_GITHUB_REPOS: 'acme' }),
        /^DOCS_GITHUB_REPOS: expected owner\/repo names/,
      );
      assert.match(
        configErrorFor({ LLM_MONTHLY_COST_CAP_USD: '-5' }),
        /^LLM_MONTHLY_COST_CAP_USD: expected an amount/,
      );
      assert.match(
        configErrorFor({ CONFLUENCE_BASE_URL: 'https://acme.atlassian.net' }),
        /CONFLUENCE_SPACE: required with CONFLUENCE_BASE_URL/,
      );
      assert.ok(SECRET_VARIABLES.has('OPENAI_API_KEY'));
      assert.ok(SECRET_VARIABLES.has('GITHUB_TOKEN'));
      assert.ok(SECRET_VARIABLES.has('CONFLUENCE_API_TOKEN'));
    });
  });

  describe('sources (ingestion)', () => {
    it('has no webhook secrets or API access by default and keeps raw events 30 days', () => {
      const { sources } = readConfig({});
      assert.deepEqual(sources.webhookSecrets, { github: undefined, jira: undefined, pagerduty: undefined });
      assert.equal(sources.github, undefined);
      assert.equal(sources.jira, undefined);
      assert.equal(sources.pagerduty, undefined);
      assert.equal(sources.retentionDays, 30);
    });

    it('reads webhook secrets, API access, base URLs and RETENTION_DAYS', () => {
      const { sources } = readConfig({
        GITHUB_WEBHOOK_SECRET: 'gh',
        JIRA_WEBHOOK_SECRET: 'jira',
        PAGERDUTY_WEBHOOK_SECRET: 'pd',
        GITHUB_TOKEN: 'ghp_x',
        GITHUB_API_URL: 'https://ghe.example.com/api/v3',
        JIRA_BASE_URL: 'https://team.atlassian.net',
        JIRA_EMAIL: 'bot@example.com',
        JIRA_API_TOKEN: 'jt',
        PAGERDUTY_TOKEN: 'pt',
        PAGERDUTY_API_URL: 'http://127.0.0.1:9',
        RETENTION_DAYS: '7',
      });
      assert.deepEqual(sources, {
        webhookSecrets: { github: 'gh', jira: 'jira', pagerduty: 'pd' },
        github: { token: 'ghp_x', apiUrl: 'https://ghe.example.com/api/v3' },
        jira: { baseUrl: 'https://team.atlassian.net', email: 'bot@example.com', apiToken: 'jt' },
        pagerduty: { token: 'pt', apiUrl: 'http://127.0.0.1:9' },
        retentionDays: 7,
      });
    });

    it('requires the three JIRA_* access variables together and never echoes the secrets', () => {
      const message = configErrorFor({
        JIRA_BASE_URL: 'https://team.atlassian.net',
        JIRA_API_TOKEN: 'hidden',
      });
      assert.match(message, /^JIRA_EMAIL: required with JIRA_BASE_URL and JIRA_API_TOKEN$/);
      assert.match(configErrorFor({ RETENTION_DAYS: '0' }), /^RETENTION_DAYS: expected a whole number/);
      assert.match(configErrorFor({ GITHUB_API_URL: 'ftp://x' }), /^GITHUB_API_URL: expected an http/);
      for (const name of ['GITHUB_WEBHOOK_SECRET', 'JIRA_WEBHOOK_SECRET', 'PAGERDUTY_WEBHOOK_SECRET']) {
        assert.ok(SECRET_VARIABLES.has(name), name);
      }
    });
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_PEOPLE } from '../../data/demo/demo-team.ts';
import { testDatabaseUri, openTestDatabase } from '../support/database.ts';
import {
  launchChromium,
  PlaygroundChat,
  startPlaygroundCommand,
  urlIn,
  type PlaygroundRun,
} from '../support/playground.ts';
import { runCli } from '../support/run-cli.ts';

const API_TOKEN = 'playground-e2e-api-token-0123456789';
/** Screenshots are test artifacts, kept out of git (.gitignore). */
const ARTIFACTS = path.resolve('.test-artifacts');

function playgroundEnv(dataDir: string, suffix = ''): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    MONGODB_URI: testDatabaseUri(import.meta.url, suffix),
    ...(process.env.TEST_CHROMA_URL ? { CHROMA_URL: process.env.TEST_CHROMA_URL } : {}),
    API_TOKEN,
  };
}

describe('npm run playground: the demo team in the Microsoft 365 Agents Playground, driven in Chromium', function () {
  this.timeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'em-agent-playground-'));
  let run: PlaygroundRun;
  let browser: Browser;
  let chat: PlaygroundChat;
  let botUrl: string;

  before(async () => {
    await (await openTestDatabase(import.meta.url)).close();
    run = await startPlaygroundCommand(playgroundEnv(dataDir));
    botUrl = run.botUrl;
    browser = await launchChromium();
    chat = await PlaygroundChat.open(browser, run.playgroundUrl);
  });
  after(async () => {
    if (chat) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await chat.page.screenshot({ path: path.join(ARTIFACTS, 'playground.png') }).catch(() => undefined);
    }
    await browser?.close();
    assert.equal(await run?.stop(), 0, 'Ctrl-C stops the bot and the Playground cleanly');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers help with the commands', async () => {
    const text = await chat.send('help');
    assert.match(text, /em-agent commands/);
    assert.match(text, /\bask\b/);
    assert.match(text, /\bteam\b/);
  });

  it('shows the demo team to the Playground user: 8 people, 3 repositories', async () => {
    const text = await chat.send('team');
    assert.match(text, /People\s+8/);
    assert.match(text, /Repositories\s+3/);
    assert.match(text, /Open pull requests\s+[1-9]/);
  });

  it('answers a question from the demo handbook, citing it', async () => {
    const text = await chat.send('ask how do we deploy to production?');
    assert.doesNotMatch(text, /I don't know/);
    assert.match(text, /From Deploy to production \[\d\]/);
    assert.match(text, /\[\d\] Deploy to production · runbooks\/deploy-to-production\.md lines \d+–\d+/);
  });

  it('brings an approval proposed through the API to the signed-in approver, and Approve decides it', async () => {
    const [signedIn, requester] = DEMO_PEOPLE;
    const before = await chat.cards().count();
    const proposed = await fetch(`${botUrl}/v1/actions/propose`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        action_type: 'pr.merge',
        target_ref: 'github:acme/payments-api#212',
        proposed_payload: { merge_method: 'squash' },
        requester: `teams:${requester!.teams}`,
      }),
    });
    assert.equal(proposed.status, 201, await proposed.clone().text());
    const { action_id: actionId } = (await proposed.json()) as { action_id: string };
    const request = await chat.nextCard(before);
    assert.match(request, /pr\.merge/);
    const card = chat.cards().nth(before);
    await card.getByRole('button', { name: 'Approve' }).click();
    await card
      .getByText(/^Approved by /)
      .first()
      .waitFor({ timeout: 30_000 });
    assert.match(await card.innerText(), /Approved by .*Ana Lima|Approved by /);
    const status = await fetch(`${botUrl}/v1/approvals/${actionId}`, {
      headers: { authorization: `Bearer ${API_TOKEN}` },
    });
    const approval = (await status.json()) as { status: string; decisions?: { decided_by: string }[] };
    assert.equal(approval.status, 'approved');
    assert.match(JSON.stringify(approval), new RegExp(signedIn!.teams));
  });
});

describe('npm run playground without a browser to open', function () {
  this.timeout(120_000);

  it('exits 1 and says why', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'em-agent-playground-'));
    await (await openTestDatabase(import.meta.url, '_nobrowser')).close();
    const env = {
      ...playgroundEnv(dataDir, '_nobrowser'),
      // Only node on PATH: no xdg-open.
      PATH: path.dirname(process.execPath),
      PORT: '0',
      LOG_FORMAT: 'json',
    };
    const run = runCli(['playground', '--port', '0'], env);
    assert.equal(await run.exited, 1);
    assert.match(run.stderr.join('\n'), /Agents Playground stopped.*TEAMSAPPTESTER_BROWSER=none/s);
    assert.equal(urlIn(run.stdout, /(the demo team is ready)/), undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });
});

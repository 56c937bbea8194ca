// `npm run screenshot`: regenerates docs/images/playground.png, the README's picture of the demo team in the
// Agents Playground, with the same Playwright code as test/e2e/playground.test.ts. Runs under
// scripts/with-test-database.sh (a database and a Chroma of its own).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, PlaygroundChat, startPlaygroundCommand } from '../test/support/playground.ts';

const OUTPUT = path.resolve('docs/images/playground.png');
const database = new URL(process.env.TEST_MONGODB_URI ?? '');
database.pathname = '/em_agent_screenshot';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'em-agent-screenshot-'));
const run = await startPlaygroundCommand({
  DATA_DIR: dataDir,
  MONGODB_URI: database.toString(),
  ...(process.env.TEST_CHROMA_URL ? { CHROMA_URL: process.env.TEST_CHROMA_URL } : {}),
});
const browser = await launchChromium();
try {
  const chat = await PlaygroundChat.open(browser, run.playgroundUrl);
  // Tall enough for the whole team card below the question.
  await chat.page.setViewportSize({ width: 1400, height: 1280 });
  await chat.send('team');
  mkdirSync(path.dirname(OUTPUT), { recursive: true });
  await chat.page.screenshot({ path: OUTPUT });
  console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}`);
} finally {
  await browser.close();
  await run.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { runCli, type CliRun } from './run-cli.ts';

/** Debian's Chromium, installed by scripts/chromium.sh; Playwright's own browser download is not reachable here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps dialling Google on this closed network.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * The Agents Playground's personal chat with the bot, driven as a person would: type into the compose box,
 * read the Adaptive Cards as rendered.
 */
export class PlaygroundChat {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  static async open(browser: Browser, url: string): Promise<PlaygroundChat> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    const chat = new PlaygroundChat(page);
    // The Playground installs the bot on load; its welcome is the help card, then the person's home card.
    await chat.cards().nth(1).waitFor({ timeout: 30_000 });
    return chat;
  }

  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  /** Sends a message and resolves with the text of the card the bot answers with. */
  async send(text: string, timeoutMs = 30_000): Promise<string> {
    const before = await this.cards().count();
    const box = this.page.getByRole('textbox').first();
    await box.fill(text);
    await box.press('Enter');
    return this.nextCard(before, timeoutMs);
  }

  /** Resolves with the text of the first card after the `before`-th: an answer, or one the bot sent by itself. */
  async nextCard(before: number, timeoutMs = 30_000): Promise<string> {
    const card = this.cards().nth(before);
    await card.waitFor({ timeout: timeoutMs });
    return card.innerText();
  }
}

/** A folder holding a no-op `xdg-open`: the Playground opens its page in a browser, and there is none to open here. */
function noopBrowserOpener(): string {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'em-agent-xdg-'));
  writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(bin, 'xdg-open'), 0o755);
  return bin;
}

export function urlIn(lines: string[], pattern: RegExp): string | undefined {
  for (const line of lines) {
    const found = pattern.exec(line);
    if (found) return found[1];
  }
  return undefined;
}

async function waitForUrl(run: CliRun, pattern: RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const url = urlIn(run.stdout, pattern);
    if (url) return url;
    if (run.child.exitCode !== null)
      throw new Error(`exited ${run.child.exitCode}: ${run.stderr.join('\n')}`);
    if (Date.now() > deadline)
      throw new Error(`no ${pattern} within ${timeoutMs} ms: ${run.stderr.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface PlaygroundRun {
  cli: CliRun;
  /** The page the command tells you to open. */
  playgroundUrl: string;
  /** The bot itself (its REST API). */
  botUrl: string;
  /** Ctrl-C, as a person would; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs `em-agent playground` (what `npm run playground` runs) as its own process, on free ports, with only node
 * and a no-op `xdg-open` on PATH, and resolves once it prints the URL to open.
 */
export async function startPlaygroundCommand(env: Record<string, string>): Promise<PlaygroundRun> {
  const opener = noopBrowserOpener();
  const cli = runCli(['playground', '--port', '0'], {
    PATH: `${opener}:${path.dirname(process.execPath)}`,
    PORT: '0',
    LOG_FORMAT: 'json',
    ...env,
  });
  try {
    const playgroundUrl = await waitForUrl(cli, /Open (http:\/\/localhost:\d+)/, 180_000);
    const botUrl = urlIn(cli.stdout, /demo mode at (http:\/\/localhost:\d+)/)!;
    return {
      cli,
      playgroundUrl,
      botUrl,
      async stop() {
        cli.child.kill('SIGINT');
        const code = await cli.exited;
        rmSync(opener, { recursive: true, force: true });
        return code;
      },
    };
  } catch (error) {
    cli.child.kill('SIGKILL');
    rmSync(opener, { recursive: true, force: true });
    throw error;
  }
}

import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

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
    // The Playground installs the bot on load; its welcome is the help card.
    await chat.cards().first().waitFor({ timeout: 30_000 });
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

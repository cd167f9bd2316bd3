// Launches Debian's Chromium headless through playwright-core (its own browser download does not work offline).
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from './paths';

export const CHROMIUM_ARGS = [
  '--no-sandbox', // required as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new Error(
      `Could not launch Chromium at ${chromiumPath} (install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH): ${(err as Error).message}`,
      { cause: err },
    );
  }
}

/** A fresh context (1280×800) allowed to use the clipboard on `origin`, and its page. */
export async function newPage(browser: Browser, origin: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  return { context, page };
}

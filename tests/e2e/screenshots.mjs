// Screenshots of the release site for people to look at: every view at desktop and phone
// width, the first screen (what is above the fold) and the whole page, into .screenshots/.
// Usage: node tests/e2e/screenshots.mjs [name=address ...]; a name starting with "toc" opens
// the table of contents first, one starting with "embedcode" opens the Embed button's code.
// An address ending in `|answer` (Practice) types the answer and checks it, then scrolls to the
// verdict; a name containing "hint" also asks for the hint.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, CHROMIUM_ARGS } from './serve.mjs';

const defaults = {
  'home': '#/',
  'x2': '#/?f=x%5E2',
  'tan': '#/?f=tan(x)',
  'abs': '#/?f=abs(x)&x0=0',
  'error': '#/?f=x%5E2%20%2B%20sine(x)',
  'typing': '#/typing',
  'toc': '#/typing',
};
const views = process.argv.length > 2
  ? Object.fromEntries(process.argv.slice(2).map((a) => a.split(/=(.*)/s).slice(0, 2)))
  : defaults;
const sizes = [[1280, 800], [1366, 768], [390, 844]];
const out = path.resolve('.screenshots');
fs.mkdirSync(out, { recursive: true });

const { server, port } = await serveDist('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  for (const [name, query] of Object.entries(views)) {
    for (const [w, h] of sizes) {
      const page = await browser.newPage({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
      page.on('console', (m) => { if (m.type() === 'error') console.log(`[${name} ${w}] console error: ${m.text()}`); });
      const [address, answer] = query.split('|');
      await page.goto(`http://127.0.0.1:${port}/${address}`);
      await page.waitForFunction(() => document.querySelectorAll('canvas[data-testid^="plot-"][data-drawn="true"]').length >= 2, null, { timeout: 20000 }).catch(() => {});
      if (name.startsWith('toc') && await page.isVisible('[data-testid="toc-toggle"]')) await page.click('[data-testid="toc-toggle"]');
      if (name.startsWith('embedcode')) {
        await page.click('[data-testid="embed-button"]');
        await page.locator('[data-testid="embed-code"]').scrollIntoViewIfNeeded();
      }
      if (answer !== undefined) {
        await page.waitForTimeout(500);
        await page.getByLabel('Your derivative').fill(answer);
        await page.getByLabel('Your derivative').press('Enter');
        await page.waitForTimeout(300);
        if (name.includes('hint')) await page.click('[data-testid="show-hint"]');
        await page.locator('[data-testid="verdict"]').scrollIntoViewIfNeeded();
      }
      await page.waitForTimeout(300);
      const fold = path.join(out, `${name}-${w}x${h}-fold.png`);
      await page.screenshot({ path: fold });
      const file = path.join(out, `${name}-${w}x${h}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(fold);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

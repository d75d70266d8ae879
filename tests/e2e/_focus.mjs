import { chromium } from 'playwright-core';
import { serveDist } from './serve.mjs';
const { server, port } = await serveDist('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
for (const route of ['#/', '#/partial-derivatives']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/${route}`);
  await page.waitForTimeout(1000);
  const input = page.locator('[data-testid="function-input"]');
  await input.click();
  await page.keyboard.press('End');
  await page.keyboard.type('+x^', { delay: 80 });
  await page.waitForTimeout(600);
  const a = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') || document.activeElement?.tagName);
  await page.keyboard.type('2', { delay: 80 });
  await page.waitForTimeout(600);
  const b = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') || document.activeElement?.tagName);
  await page.keyboard.press('Control+A'); await page.keyboard.press('Backspace');
  await page.waitForTimeout(600);
  const c = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') || document.activeElement?.tagName);
  console.log(route, a, b, c, await input.inputValue());
  await page.close();
}
await browser.close(); server.close();

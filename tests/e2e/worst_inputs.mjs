// Measures how long the page's main thread is blocked after typing each of the slowest
// inputs we know (long tasks, as the browser reports them), on the release build. A
// measurement, not a test: `make worst` prints one line per input and the worst of all.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, CHROMIUM_ARGS } from './serve.mjs';

const range = (n) => Array.from({ length: n }, (_, i) => i + 1);
const nest = (n, f) => range(n).reduce((s) => f(s), 'x');
const inputs = [
  ['chained quotient of 40', range(40).map((i) => `(x+${i})`).join('/')],
  ['product of 59 sums', range(59).map((i) => `(x+${i})`).join('*')],
  ['20-level continued fraction', nest(20, (s) => `1/(1+${s})`)],
  ['60 nested sines', nest(60, (s) => `sin(${s})`)],
  ['10 nested leaky_relu(…, x)', nest(10, (s) => `leaky_relu(${s}, x)`)],
  ['power tower of 30 x', Array(30).fill('x').join('^')],
  ['sum of 39 quotients', range(39).map((i) => `x^${i}/(x+${i})`).join('+')],
  ['product of 59 sines', range(59).map((i) => `sin(${i}x)`).join('*')],
  ['product of 29 powers of sums', range(29).map((i) => `(x^2+${i})^${i}`).join('*')],
  ['25 nested (…)^x', nest(25, (s) => `(${s})^x`)],
  ['chained quotient of 49 sines', range(49).map((i) => `sin(x+${i})`).join('/')],
  ['(sum of 59 powers)^6', `(${range(59).map((i) => `x^${i}`).join('+')})^6`],
].filter(([, f]) => f.length <= 1000);

const { server, port } = await serveDist(path.resolve('dist'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
let worst = ['', 0];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/#/?f=x%5E2`);
  await page.waitForFunction(() => document.querySelectorAll('canvas[data-drawn="true"]').length >= 2);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration)))
      .observe({ type: 'longtask', buffered: false });
  });
  for (const [name, f] of inputs) {
    await page.evaluate(() => { window.__long = []; });
    const field = page.locator('[data-testid="function-input"]');
    await field.fill(f);
    // Past the debounce, the derivation, the plots and the step list.
    await page.waitForTimeout(1500);
    const longest = await page.evaluate(() => Math.max(0, ...window.__long));
    console.log(`${longest.toFixed(0).padStart(6)} ms  ${name} (${f.length} chars)`);
    if (longest > worst[1]) worst = [name, longest];
  }
  console.log(`worst: ${worst[0]}, main thread blocked for ${worst[1].toFixed(0)} ms`);
} finally {
  await browser.close();
  server.close();
}

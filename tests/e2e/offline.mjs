// End-to-end test of Slope offline and installed, against the built release site (a copy of
// dist/) served under a sub-path:
// - after one online visit, with the server cutting every connection, every route loads and
//   draws in its full and embed form, reloads included, in light and dark, with axe finding
//   nothing; the example page and an old `?f=` address load too;
// - the web app manifest is the one Chromium reads without errors, its start address is the
//   site's sub-path, and its icons load at their sizes;
// - a new build (a changed, renamed stylesheet and a new sw.js, written as the post-build
//   step writes it) is offered with the "A new version is ready" notice; until Reload the page
//   keeps the old build, after it only the new one, and the old cache is gone.
// Also prints first_plot_cold_ms and first_plot_warm_ms (a second visit, from the service
// worker's cache): medians of 5 loads, figures, not assertions.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { serveDist, CHROMIUM_ARGS, axe, everyCanvasDrawn } from './serve.mjs';
import { writeServiceWorker } from '../../scripts/service-worker.mjs';

const failures = [];
let passed = 0;
function check(name, ok, detail = '') {
  if (ok) { passed++; console.log(`ok   ${name}`); } else { failures.push(name); console.log(`FAIL ${name} ${detail}`); }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'slope-offline-'));
fs.cpSync(path.resolve('dist'), work, { recursive: true });
const SUB = '/teacher/slope/';
let down = false;
const { server, port } = await serveDist(work, SUB, { down: () => down });
const site = `http://127.0.0.1:${port}${SUB}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const plotsDrawn = () => document.querySelectorAll('canvas[data-testid^="plot-"][data-drawn="true"]').length >= 2;
const firstPlot = (p) => p.$$eval('canvas[data-testid^="plot-"]', (cs) => Math.max(...cs.map((c) => Number(c.dataset.firstDrawnAt))));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];


/** The names of the build's files a page has loaded (stylesheet, glue, WebAssembly). */
const cleanups = [];
const loaded = (p) => p.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop())
  .filter((f) => /\.(css|js|wasm)$/.test(f)));

try {
  // Cold: fresh profiles, as the smoke test measures first_plot_ms.
  const cold = [];
  for (let i = 0; i < 5; i++) {
    const c = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await c.newPage();
    await p.goto(`${site}#/?f=x%5E2%20sin(x)`);
    await p.waitForFunction(plotsDrawn, null, { timeout: 20000 });
    cold.push(await firstPlot(p));
    await c.close();
  }

  // A profile on disk (not incognito, where Chromium installs nothing), fresh for the test.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'slope-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 },
  });
  cleanups.push(async () => { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); });
  const errors = [];
  const watch = (p, name) => {
    p.on('console', (m) => { if (m.type() === 'error') errors.push(`${name}: ${m.text()}`); });
    p.on('pageerror', (e) => errors.push(`${name}: ${e}`));
  };
  const page = await context.newPage();
  watch(page, 'first visit');
  await page.goto(`${site}#/?f=x%5E2%20sin(x)`);
  await page.waitForFunction(plotsDrawn, null, { timeout: 20000 });
  const sw = fs.readFileSync(path.join(work, 'sw.js'), 'utf8');
  const files = JSON.parse(/\[("[^\]]*")\]/.exec(sw)[0]);
  check('sw.js lists every file of the build, the page as "./"', files.includes('./') && !files.includes('sw.js')
    && files.length === fs.readdirSync(work).length - 1, JSON.stringify(files));
  // The first visit: the worker installs, takes the page and holds the whole build.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  const cached = await page.evaluate(async () => {
    const keys = (await caches.keys()).filter((k) => k.startsWith('slope-'));
    const entries = keys.length ? await (await caches.open(keys[0])).keys() : [];
    return { keys, urls: entries.map((r) => r.url) };
  });
  check('after the first visit one cache holds the whole build', cached.keys.length === 1
    && files.every((f) => cached.urls.includes(new URL(f, site).href)), JSON.stringify(cached));
  check('the first visit shows no update notice', (await page.locator('.update').count()) === 0);

  // The manifest, as Chromium reads it, and its icons.
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  check('Chromium reads the manifest without errors', manifest.url === `${site}manifest.webmanifest` && manifest.errors.length === 0,
    JSON.stringify(manifest.errors));
  const m = JSON.parse(manifest.data);
  check('the manifest names Slope and starts at the site\'s sub-path', m.short_name === 'Slope' && /^Slope/.test(m.name)
    && new URL(m.start_url, manifest.url).href === site && new URL(m.scope, manifest.url).href === site && m.display === 'standalone',
    manifest.data);
  const icons = await page.evaluate(async (list) => Promise.all(list.map(async ({ src, sizes }) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return { src, sizes, width: img.naturalWidth, height: img.naturalHeight };
  })), m.icons);
  check('the manifest has an SVG icon and PNG icons at 192 and 512', ['any', '192x192', '512x512'].every((s) => icons.some((i) => i.sizes === s)));
  check('every icon loads at its size', icons.every((i) => i.width > 0 && (i.sizes === 'any' || i.sizes === `${i.width}x${i.height}`)), JSON.stringify(icons));
  const installable = await cdp.send('Page.getInstallabilityErrors');
  check('Chromium finds Slope installable', installable.installabilityErrors.length === 0, JSON.stringify(installable.installabilityErrors));

  // Warm: a second visit in the same profile, from the worker's cache.
  const warm = [];
  for (let i = 0; i < 5; i++) {
    const p = await context.newPage();
    await p.goto(`${site}#/?f=x%5E2%20sin(x)`);
    await p.waitForFunction(plotsDrawn, null, { timeout: 20000 });
    warm.push(await firstPlot(p));
    await p.close();
  }

  // The network off.
  down = true;
  const probe = await context.newPage();
  await probe.goto(`${site}#/typing`);
  const net = await probe.evaluate(() => fetch(`not-cached-${Math.random()}`).then(() => 'answered', () => 'failed'));
  await probe.close();
  check('with the network off, a file that is not cached fails to load', net === 'failed', net);
  const toc = await page.$$eval('nav[aria-label="Table of contents"] a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  check('the contents list the course', toc.length > 20, String(toc.length));
  const embedForm = (hash) => `${hash}${hash.includes('?') ? '&' : '?'}embed`;
  for (const [name, hash] of toc) {
    for (const [form, address] of [['full', hash], ['embed', embedForm(hash)]]) {
      const p = await context.newPage();
      watch(p, `${name} (${form}, offline)`);
      await p.goto(`${site}${address}`);
      await p.waitForSelector('main h1, h1', { timeout: 20000 });
      await p.reload();
      const plots = hash === '#/' ? 2 : 0;
      await everyCanvasDrawn(p, plots, '');
      const h1 = await p.textContent('h1');
      const contents = await p.locator('nav[aria-label="Table of contents"]').count();
      check(`${name}, ${form} form, offline: loads, reloads and draws`, h1 === name && (form === 'embed') === (contents === 0), `${h1} ${contents}`);
      for (const scheme of ['light', 'dark']) {
        await p.emulateMedia({ colorScheme: scheme });
        await p.waitForFunction((d) => document.documentElement.classList.contains('dark') === d, scheme === 'dark', { timeout: 5000 }).catch(() => {});
        const dark = await p.evaluate(() => document.documentElement.classList.contains('dark'));
        const violations = await axe(p);
        check(`${name}, ${form} form, ${scheme}: axe finds no violations`, dark === (scheme === 'dark') && violations.length === 0,
          `dark=${dark} ${violations.join('\n')}`);
      }
      await p.close();
    }
  }
  const example = await context.newPage();
  watch(example, 'embed example (offline)');
  await example.goto(`${site}embed-example.html`);
  await example.frameLocator('#explorer').locator('canvas[data-testid="plot-f"][data-drawn="true"]').waitFor({ timeout: 20000 });
  check('the embed example and its views load offline', (await example.locator('iframe').count()) === 3);
  await example.close();
  const legacy = await context.newPage();
  watch(legacy, 'old address (offline)');
  await legacy.goto(`${site}?f=x%5E3&x0=2`);
  await legacy.waitForFunction(plotsDrawn, null, { timeout: 20000 });
  check('an old ?f= address opens its function offline', (await legacy.inputValue('[data-testid="function-input"]')) === 'x^3');
  await legacy.close();

  // A new deployment: the stylesheet changes (so its hashed name does), index.html points at
  // it with its new integrity hash, and sw.js is written anew.
  down = false;
  const oldCss = fs.readdirSync(work).find((f) => f.endsWith('.css'));
  const newCss = oldCss.replace(/-[0-9a-f]{8,}\.css$/, '-0000000000000002.css');
  check('the stylesheet has a hashed name to change', newCss !== oldCss, oldCss);
  const css = `${fs.readFileSync(path.join(work, oldCss), 'utf8')}:root{--build:2}`;
  fs.writeFileSync(path.join(work, newCss), css);
  fs.rmSync(path.join(work, oldCss));
  const sri = (data) => `sha384-${crypto.createHash('sha384').update(data).digest('base64')}`;
  const html = fs.readFileSync(path.join(work, 'index.html'), 'utf8');
  const oldSri = /href=\.\/[^ >]+\.css integrity=(sha384-[^ >]+)/.exec(html)?.[1];
  check('index.html links its stylesheet with an integrity hash', Boolean(oldSri), html.slice(0, 600));
  fs.writeFileSync(path.join(work, 'index.html'), html.split(oldCss).join(newCss).split(oldSri).join(sri(css)));
  const { version } = await writeServiceWorker(work);
  const build = (p) => p.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--build').trim());

  await page.reload();
  await page.waitForFunction(plotsDrawn, null, { timeout: 20000 });
  await page.waitForSelector('.update[role="status"] button', { timeout: 30000 });
  const notice = await page.textContent('.update');
  check('a new build is offered: "A new version is ready" with Reload', /^A new version is ready/.test(notice)
    && (await page.getByRole('button', { name: 'Reload' }).count()) === 1, notice);
  check('until Reload the page runs the old build only', (await build(page)) === '' && (await loaded(page)).every((f) => f !== newCss),
    JSON.stringify(await loaded(page)));
  fs.mkdirSync('.screenshots', { recursive: true });
  await page.screenshot({ path: '.screenshots/update-notice-1280.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '.screenshots/update-notice-390.png' });
  const violations = await axe(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  check('axe finds no violations with the notice showing', violations.length === 0, violations.join('\n'));
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  await page.waitForFunction(plotsDrawn, null, { timeout: 20000 });
  const after = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('slope-')));
  check('after Reload the page runs the new build only', (await build(page)) === '2' && (await loaded(page)).includes(newCss)
    && !(await loaded(page)).includes(oldCss), JSON.stringify(await loaded(page)));
  check('after Reload only the new build\'s cache is left', after.length === 1 && after[0] === `slope-${version}`, JSON.stringify(after));
  check('after Reload there is no notice', (await page.locator('.update').count()) === 0);
  down = true;
  const offlineAgain = await context.newPage();
  await offlineAgain.goto(`${site}#/power-rule`);
  await offlineAgain.waitForSelector('h1');
  check('the new build works offline', (await build(offlineAgain)) === '2');
  await offlineAgain.close();

  check('no console errors', errors.length === 0, errors.join('\n'));
  console.log(`figures: first_plot_cold_ms=${median(cold).toFixed(0)} first_plot_warm_ms=${median(warm).toFixed(0)} (cold ${cold.map((x) => x.toFixed(0)).join(' ')}; warm ${warm.map((x) => x.toFixed(0)).join(' ')})`);
} finally {
  for (const f of cleanups) await f();
  await browser.close();
  server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(`\n${passed} passed, ${failures.length} failed`);
if (failures.length) process.exit(1);

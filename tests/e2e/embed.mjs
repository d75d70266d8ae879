// End-to-end test of embedding, against the built release site served under a sub-path: the
// example course page's three iframes show only their pages, report their heights and are
// resized to them by embed.js; the message API sets and reports state, refuses what is
// malformed and listens to the parent window only; Back/Forward restore a full page's
// state; axe finds nothing on any embed view at 1280 and 390 px.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, CHROMIUM_ARGS } from './serve.mjs';

const failures = [];
let passed = 0;
function check(name, ok, detail = '') {
  if (ok) { passed++; console.log(`ok   ${name}`); } else { failures.push(name); console.log(`FAIL ${name} ${detail}`); }
}

const SUB = '/course/slope/';
const { server, port } = await serveDist(path.resolve('dist'), SUB);
const site = `http://127.0.0.1:${port}${SUB}`;
const axeSource = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const plotsDrawn = () => document.querySelectorAll('canvas[data-testid^="plot-"][data-drawn="true"]').length >= 2;

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  const dialogs = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`${site}embed-example.html`);
  const explorer = page.frameLocator('#explorer');
  await page.waitForFunction(() => document.getElementById('state').textContent.includes('f = sin(x)'), null, { timeout: 30000 });
  check('the example subscribes and shows the explorer\'s state', true);

  // Every iframe: only the page, no header or contents, an "Open in Slope" link, and sized
  // to its content by embed.js.
  const frames = page.locator('iframe');
  const n = await frames.count();
  check('the example embeds three views', n === 3, String(n));
  for (let i = 0; i < n; i++) {
    const el = frames.nth(i);
    const title = await el.getAttribute('title');
    const frame = await (await el.elementHandle()).contentFrame();
    await frame.waitForSelector('main h1', { timeout: 30000 });
    const shown = await frame.evaluate(() => ({
      header: document.querySelectorAll('header, nav[aria-label="Table of contents"], footer, .pager').length,
      open: document.querySelector('.embed-open a')?.getAttribute('href') || '',
      target: document.querySelector('.embed-open a')?.getAttribute('target') || '',
      height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    }));
    check(`${title}: no header, contents, pager or footer`, shown.header === 0, JSON.stringify(shown));
    check(`${title}: "Open in Slope" opens the full page in a new tab`, shown.target === '_blank' && !/embed/.test(shown.open) && shown.open.includes(SUB), shown.open);
    // embed.js sized the iframe to the height the page reported.
    await page.waitForFunction((i) => {
      const f = document.querySelectorAll('iframe')[i];
      const inner = f.contentDocument.documentElement.getBoundingClientRect().height;
      return f.style.height && Math.abs(parseFloat(f.style.height) - Math.ceil(inner)) <= 1;
    }, i, { timeout: 10000 }).then(() => check(`${title}: resized to its content`, true),
      async () => check(`${title}: resized to its content`, false, `${await el.evaluate((f) => f.style.height)} vs ${shown.height}`));
  }

  // The example as a teacher first sees it, at both widths (back to 1280 for what follows).
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width > 500 ? 800 : 844 });
    await page.waitForTimeout(600);
    fs.mkdirSync('.screenshots', { recursive: true });
    await page.screenshot({ path: `.screenshots/embed-example-${width}.png` });
  }

  // slope:set of f through the example's own field and button.
  await page.fill('#f', 'x^3 - 2x');
  await page.click('#set');
  await page.waitForFunction(() => document.getElementById('state').textContent.includes('f = x^3 - 2x'), null, { timeout: 10000 })
    .then(() => check('slope:set of f is echoed by slope:state', true),
      async () => check('slope:set of f is echoed by slope:state', false, await page.textContent('#state')));
  const echo = await explorer.locator('[data-testid="echo"]').textContent();
  check('slope:set of f changes the explorer', /x3−2/.test(echo), echo);
  await explorer.locator('canvas[data-testid="plot-f"]').waitFor();
  const label = await explorer.locator('canvas[data-testid="plot-f"]').getAttribute('aria-label');
  check('…and its plots', /x³/.test(label), label);

  // A slope:set on a lesson: the product rule's own function.
  const rule = await (await frames.nth(1).elementHandle()).contentFrame();
  await page.evaluate(() => document.querySelectorAll('iframe')[1].contentWindow.postMessage({ type: 'slope:set', f: 'x^2 cos(x)' }, location.origin));
  await rule.waitForFunction(() => /cos/.test(document.querySelector('main input[type="text"]')?.value || ''), null, { timeout: 10000 })
    .then(() => check('slope:set on a lesson changes its state', true),
      async () => check('slope:set on a lesson changes its state', false, await rule.evaluate(() => document.querySelector('main input[type="text"]')?.value)));

  // Malformed and hostile messages: ignored, or refused inline as a typed input would be.
  const ex = await (await frames.nth(0).elementHandle()).contentFrame();
  const before = await ex.evaluate(() => location.hash);
  await page.evaluate(() => {
    const w = document.getElementById('explorer').contentWindow;
    for (const m of ['slope:set', 42, null, { type: 'slope:set', f: 3 }, { type: 'slope:set', params: 'f=x' },
      { type: 'slope:set', params: { embed: '0' } }, { type: 'slope:set', params: { 'x<0': '1' } }, { type: 'nonsense' }]) {
      w.postMessage(m, location.origin);
    }
  });
  await page.waitForTimeout(300);
  check('malformed messages are ignored', (await ex.evaluate(() => location.hash)) === before, await ex.evaluate(() => location.hash));
  await page.evaluate(() => document.getElementById('explorer').contentWindow.postMessage({ type: 'slope:set', f: '<img src=x onerror=alert(1)>' }, location.origin));
  await ex.waitForSelector('[role="alert"], .field-error, [data-testid="input-error"]', { timeout: 10000 }).catch(() => {});
  const markup = await ex.evaluate(() => document.querySelectorAll('main img').length);
  const refused = await ex.evaluate(() => document.querySelector('[data-testid="function-input"]')?.getAttribute('aria-invalid'));
  check('markup in a message stays text, refused inline', markup === 0 && refused === 'true', `${markup} img, aria-invalid=${refused}`);
  await page.evaluate(() => document.getElementById('explorer').contentWindow.postMessage({ type: 'slope:set', f: 'x+'.repeat(2500) + 'x' }, location.origin));
  await page.waitForTimeout(500);
  const longShown = await ex.evaluate(() => ({
    invalid: document.querySelector('[data-testid="function-input"]')?.getAttribute('aria-invalid'),
    plots: document.querySelectorAll('canvas[data-testid^="plot-"]').length,
  }));
  check('a 5 000-character f is refused inline and the page stays alive', longShown.invalid === 'true' && longShown.plots === 2, JSON.stringify(longShown));

  // A window that is not the parent (a popup of the parent's) is not listened to.
  const stranger = await page.evaluate(async () => {
    const w = window.open('about:blank', '_blank');
    const target = document.getElementById('explorer').contentWindow;
    // A script of the popup posts to the explorer's frame: the source is the popup.
    w.eval("opener.document.getElementById('explorer').contentWindow.postMessage({ type: 'slope:set', f: 'tan(x)' }, '*')");
    await new Promise((r) => setTimeout(r, 400));
    w.close();
    return target.location.hash;
  });
  check('a message from another window is ignored', !/tan/.test(decodeURIComponent(stranger)), stranger);
  check('no dialog was opened by any message', dialogs.length === 0, dialogs.join(' | '));
  const still = await ex.evaluate(() => ({ hash: location.hash, header: document.querySelectorAll('header, nav[aria-label="Table of contents"]').length }));
  check('the explorer is still embedded after it rewrote its address', /[?&]embed(&|$)/.test(still.hash) && still.header === 0, JSON.stringify(still));
  check('no console errors in the example', errors.length === 0, errors.join('\n'));


  // Back and Forward on a full page restore its earlier state.
  const full = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await full.goto(`${site}#/?f=x%5E2`);
  await full.waitForFunction(plotsDrawn, null, { timeout: 30000 });
  await full.goto(`${site}#/?f=cos(x)`);
  await full.waitForFunction(() => document.querySelector('[data-testid="function-input"]').value === 'cos(x)', null, { timeout: 10000 });
  await full.goBack();
  await full.waitForFunction(() => document.querySelector('[data-testid="function-input"]').value === 'x^2', null, { timeout: 10000 })
    .then(() => check('Back restores the earlier function', true), async () => check('Back restores the earlier function', false, await full.inputValue('[data-testid="function-input"]')));
  await full.goForward();
  await full.waitForFunction(() => document.querySelector('[data-testid="function-input"]').value === 'cos(x)', null, { timeout: 10000 })
    .then(() => check('Forward restores the later function', true), async () => check('Forward restores the later function', false, await full.inputValue('[data-testid="function-input"]')));
  // A lesson's state follows its address too, after load.
  await full.goto(`${site}#/softmax?z=1,2,3`);
  await full.waitForSelector('main h1');
  await full.goto(`${site}#/softmax?z=3,1,0.1`);
  await full.waitForFunction(() => /3/.test(document.querySelector('main input')?.value || ''), null, { timeout: 10000 }).catch(() => {});
  await full.goBack();
  await full.waitForTimeout(500);
  const softmax = await full.evaluate(() => [...document.querySelectorAll('main input')].map((i) => i.value).join(' '));
  check('Back restores a lesson\'s state', /^1\b/.test(softmax), softmax);

  // The Embed button's snippet on a full page.
  await full.goto(`${site}#/product-rule?f=x%5E2%20sin(x)`);
  await full.waitForSelector('main h1');
  await full.click('[data-testid="embed-button"]');
  const code = await full.inputValue('textarea[data-testid="embed-code"]');
  const label2 = await full.getAttribute('textarea[data-testid="embed-code"]', 'readonly');
  check('the Embed button shows a snippet of the current state', /<iframe src="[^"]*#\/product-rule\?embed&amp;f=/.test(code) && /title="Product rule — Slope"/.test(code) && /loading="lazy"/.test(code) && /height="\d+"/.test(code) && /<script src="[^"]*embed\.js"/.test(code), code);
  check('the snippet is in a read-only field labelled "Embed code"', label2 !== null && (await full.getByLabel('Embed code').count()) === 1);
  await full.close();

  // Practice in an iframe: every check posts slope:score to the embedding page, and the
  // wrong-answer state (plot, steps, hint button) passes axe too.
  {
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await p.goto(`${site}embed-example.html`);
    await p.evaluate(() => {
      localStorage.clear();
      window.scores = [];
      addEventListener('message', (e) => { if (e.data && e.data.type === 'slope:score') window.scores.push(e.data); });
      const f = document.createElement('iframe');
      f.id = 'practice';
      f.title = 'Practice — Slope';
      f.src = 'index.html#/practice?embed&set=7&n=1';
      document.body.appendChild(f);
    });
    const frame = p.frameLocator('#practice');
    const answer = frame.getByLabel('Your derivative');
    await answer.waitFor({ timeout: 30000 });
    await p.waitForTimeout(500);
    await answer.fill('0');
    await answer.press('Enter');
    await p.waitForFunction(() => window.scores.length === 1, null, { timeout: 10000 }).catch(() => {});
    const first = await p.evaluate(() => window.scores[0]);
    check('a check in Practice posts slope:score to the parent',
      first && first.page === '/practice' && first.params.set === '7' && first.params.n === '1' && first.right === false
        && first.score === 0 && first.max === 10 && first.attempts === 1 && first.firstTry === 0 && first.hints === 0
        && first.progress === 'slope-practice-1 7 1.0.0.0' + ' 0.0.0.0'.repeat(9),
      JSON.stringify(first));
    const verdict = await frame.getByRole('status', { name: 'Verdict' }).textContent();
    check('the verdict is in the Verdict status region', verdict.startsWith('Not quite'), verdict);
    const drawn = await frame.locator('[data-testid="compare-plot"] canvas[data-drawn="true"]').count();
    check('the answer is drawn over f′', drawn === 1, `${drawn}`);
    const el = await (await p.$('#practice')).contentFrame();
    await el.evaluate(axeSource);
    const violations = await el.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id} ×${v.nodes.length}: ${v.help} (${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')})`);
    });
    check('Practice after a wrong answer: axe finds no violations', violations.length === 0, violations.join('\n'));
    await frame.getByText('Next exercise →').click();
    await p.waitForTimeout(500);
    const next = await el.evaluate(() => ({ hash: location.hash, chrome: document.querySelectorAll('header, footer').length }));
    check('Next exercise stays in the embed form', next.hash.startsWith('#/practice?') && next.hash.includes('embed') && next.hash.includes('n=2') && next.chrome === 0, JSON.stringify(next));
    await p.close();
  }

  // axe on every embed view, at both widths.
  const routes = await (async () => {
    const p = await browser.newPage();
    await p.goto(site);
    await p.waitForSelector('nav[aria-label="Table of contents"] a');
    const r = await p.$$eval('nav[aria-label="Table of contents"] a', (as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
    await p.close();
    return r;
  })();
  for (const [name, href] of routes) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const p = await browser.newPage({ viewport });
      const hash = href.slice(href.indexOf('#'));
      await p.goto(`${site}${hash}${hash.includes('?') ? '&' : '?'}embed`);
      await p.waitForSelector('main h1', { timeout: 30000 });
      await p.waitForTimeout(200);
      const chrome = await p.$$eval('header, nav[aria-label="Table of contents"], footer', (e) => e.length);
      await p.evaluate(axeSource);
      const violations = await p.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id} ×${v.nodes.length}: ${v.help} (${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')})`);
      });
      check(`${name} embed at ${viewport.width}px: only the page, and axe finds no violations`, chrome === 0 && violations.length === 0, `${chrome} chrome; ${violations.join('\n')}`);
      await p.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`\n${passed} passed, ${failures.length} failed`);
if (failures.length) process.exit(1);

// The SCORM package inside an LMS. scorm-again (an LMS-side SCORM 1.2 runtime, pinned in
// package-lock.json) installs window.API on a host page that iframes the package's launch
// page, as Moodle's player does; its commits go to this test's server, which keeps them as
// an LMS would. Packages are built from dist/ by scripts/scorm.mjs (`make build` first).
//
//   node tests/e2e/scorm.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { unzipSync } from 'fflate';
import { writePackage } from '../../scripts/scorm.mjs';
import { serveDist, CHROMIUM_ARGS, axe } from './serve.mjs';

const failures = [];
let passed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failures.push(name);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n     ${detail}` : ''}`);
}

// The LMS's folder: the host page, the runtime, and each package unzipped under pkg-<name>/.
const lms = fs.mkdtempSync(path.join(os.tmpdir(), 'slope-lms-'));
const built = fs.mkdtempSync(path.join(os.tmpdir(), 'slope-scorm-'));
const zips = {
  practice: writePackage('dist', built, { page: 'practice' }),
  lesson: writePackage('dist', built, { page: 'chain-rule' }),
};
const manifests = {};
for (const [name, zip] of Object.entries(zips)) {
  const files = unzipSync(fs.readFileSync(zip));
  const dir = path.join(lms, `pkg-${name}`);
  fs.mkdirSync(dir);
  for (const [f, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), data);
  manifests[name] = { xml: Buffer.from(files['imsmanifest.xml']).toString('utf8'), names: Object.keys(files) };
}
fs.copyFileSync('node_modules/scorm-again/dist/scorm12.min.js', path.join(lms, 'scorm12.min.js'));
fs.writeFileSync(path.join(lms, 'host.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Week 3 — a course in an LMS</title>
<script src="scorm12.min.js"></script>
<style>body { margin: 0; font: 16px system-ui; } h1 { margin: 8px 16px; font-size: 1.2rem; }
iframe { display: block; width: 100%; height: calc(100vh - 48px); border: 0; }</style></head>
<body><main><h1>Week 3: derivatives</h1><iframe id="sco" title="Slope"></iframe></main></body></html>
`);

// What the LMS received, in order: every commit's body.
let commits = [];
const { server, port } = await serveDist(lms, '/', {
  handle(req, res) {
    if (req.method !== 'POST' || !req.url.startsWith('/commit')) return false;
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      try { commits.push(JSON.parse(body)); } catch { commits.push({ unreadable: body }); }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"result": true, "errorCode": 0}');
    });
    return true;
  },
});
const host = `http://127.0.0.1:${port}/host.html`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });

// The derivative of f as Slope's engine writes it (the CLI, examples/derive.rs).
const derivative = (f) => execFileSync('cargo', ['run', '--quiet', '--locked', '--example', 'derive', '--', f], { encoding: 'utf8' }).trim();

/** A page of the host with the package `name` launched in it; `api` is "runtime" (scorm-again,
 * loaded with `cmi`) or the name of a broken API. Returns the page and the Slope frame. */
async function launch(context, name, api = 'runtime', cmi = {}) {
  const page = await context.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(host);
  await page.evaluate(([name, api, cmi]) => {
    const broken = {
      missing: {},
      throwing: new Proxy({}, { get: () => () => { throw new Error('LMS down'); } }),
      refusing: new Proxy({}, { get: () => () => 'false' }),
      hostile: {
        LMSInitialize: () => 'true',
        LMSGetValue: (k) => (k === 'cmi.suspend_data' ? '<img src=x onerror=alert(1)>' : k === 'cmi.student_data.mastery_score' ? 'NaN' : undefined),
        LMSSetValue: () => { throw new Error('read only'); },
        LMSCommit: () => 42,
        LMSFinish: () => { throw new Error('gone'); },
      },
    };
    window.commits = 0;
    if (api === 'runtime') {
      window.API = new window.Scorm12API({ lmsCommitUrl: '/commit', autocommit: false, logLevel: 5 });
      window.API.loadFromJSON(cmi);
      window.API.on('LMSCommit', () => { window.commits++; });
    } else {
      window.API = broken[api];
    }
    document.getElementById('sco').src = `pkg-${name}/launch.html`;
  }, [name, api, cmi]);
  const slope = page.frameLocator('#sco').frameLocator('#slope');
  await slope.locator('main h1').waitFor({ timeout: 30000 });
  await page.waitForTimeout(300);
  const frame = () => page.frames().find((f) => f.url().includes('index.html'));
  return { page, slope, frame, errors };
}

const cmiOf = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.API.cmi)));
const progressLine = (slope) => slope.getByTestId('progress').textContent();

/** Types `text` as the answer and checks it; waits for the verdict. */
async function answer(slope, text) {
  const field = slope.getByLabel('Your derivative');
  await field.fill(text);
  await field.press('Enter');
  await slope.getByTestId('verdict-line').waitFor({ timeout: 10000 });
}

async function go(slope, frame, n) {
  await frame().evaluate((n) => { location.hash = `#/practice?embed&set=1&n=${n}`; }, n);
  await slope.getByTestId('exercise').filter({ hasText: `exercise ${n} of 10` }).waitFor({ timeout: 10000 });
  await slope.getByLabel('Your derivative').waitFor();
}

const functionOf = (slope) => slope.getByLabel('Function').first().inputValue();

try {
  // 1. The manifest, read by the browser's own XML parser.
  for (const [name, { xml, names }] of Object.entries(manifests)) {
    const page = await browser.newPage();
    const m = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length) return { error: doc.documentElement.textContent };
      const CP = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
      const ADL = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
      const one = (tag) => doc.getElementsByTagNameNS(CP, tag)[0];
      const res = [...doc.getElementsByTagNameNS(CP, 'resource')];
      return {
        root: doc.documentElement.namespaceURI === CP && doc.documentElement.localName === 'manifest',
        id: doc.documentElement.getAttribute('identifier'),
        schema: one('schema')?.textContent, version: one('schemaversion')?.textContent,
        resources: res.map((r) => ({ type: r.getAttribute('type'), sco: r.getAttributeNS(ADL, 'scormtype'), href: r.getAttribute('href'), id: r.getAttribute('identifier') })),
        ref: one('item')?.getAttribute('identifierref'),
        org: one('organizations')?.getAttribute('default') === one('organization')?.getAttribute('identifier'),
        title: one('title')?.textContent,
        mastery: doc.getElementsByTagNameNS(ADL, 'masteryscore')[0]?.textContent ?? null,
        files: [...doc.getElementsByTagNameNS(CP, 'file')].map((f) => f.getAttribute('href')),
      };
    }, xml);
    await page.close();
    check(`${name} package: imsmanifest.xml is well-formed SCORM 1.2 (namespaces, ADL SCORM 1.2)`,
      !m.error && m.root && m.schema === 'ADL SCORM' && m.version === '1.2', JSON.stringify(m));
    check(`${name} package: one SCO, launched by launch.html, that the organization's item points to`,
      m.resources?.length === 1 && m.resources[0].sco === 'sco' && m.resources[0].type === 'webcontent' && m.resources[0].href === 'launch.html'
        && m.ref === m.resources[0].id && m.org && /^Slope: /.test(m.title), JSON.stringify(m));
    const zipped = names.filter((f) => f !== 'imsmanifest.xml').sort();
    check(`${name} package: every file in the zip is listed, and every listed file is in the zip`,
      JSON.stringify([...m.files].sort()) === JSON.stringify(zipped), `${m.files} vs ${zipped}`);
    check(`${name} package: the site, the launch page, no service worker`,
      ['index.html', 'launch.html', 'embed.js'].every((f) => zipped.includes(f)) && zipped.some((f) => f.endsWith('.wasm')) && !zipped.includes('sw.js'), `${zipped}`);
    check(`${name} package: a mastery score only on Practice`, name === 'practice' ? m.mastery === '70' : m.mastery === null, m.mastery);
  }
  const again = writePackage('dist', fs.mkdtempSync(path.join(os.tmpdir(), 'slope-scorm-')), { page: 'practice' });
  check('the same dist/ makes the same zip, byte for byte', fs.readFileSync(again).equals(fs.readFileSync(zips.practice)));

  // 2. Practice in the LMS: one right, one wrong, one right after a hint.
  const mastery = { student_data: { mastery_score: '70' } };
  let restored;
  {
    const context = await browser.newContext();
    const { page, slope, frame, errors } = await launch(context, 'practice', 'runtime', mastery);
    const start = await cmiOf(page);
    check('the launch page initializes the LMS and marks the attempt incomplete', start.core.lesson_status === 'incomplete', JSON.stringify(start.core));
    check('Practice opens in its embed form (no header or contents)', (await frame().evaluate(() => document.querySelectorAll('header, footer').length)) === 0);

    const f1 = await functionOf(slope);
    await answer(slope, derivative(f1));
    check(`exercise 1 (f = ${f1}) answered right`, /right/i.test(await slope.getByTestId('verdict-line').textContent()), await slope.getByTestId('verdict-line').textContent());
    let cmi = await cmiOf(page);
    check('after a right answer: score 10 of 100 and suspend data set, and committed',
      cmi.core.score.raw === '10' && cmi.core.score.min === '0' && cmi.core.score.max === '100' && cmi.suspend_data.startsWith('slope-practice-1 1 1.1.1.0 ')
        && commits.at(-1)?.cmi?.core?.score?.raw === '10', JSON.stringify({ core: cmi.core, s: cmi.suspend_data, last: commits.at(-1) }));

    await go(slope, frame, 2);
    await answer(slope, '0');
    check('exercise 2 answered wrong', /not quite/i.test(await slope.getByTestId('verdict-line').textContent()));

    await go(slope, frame, 3);
    const f3 = await functionOf(slope);
    await answer(slope, '0');
    await slope.getByTestId('show-hint').click();
    await slope.getByTestId('hint').waitFor();
    await answer(slope, derivative(f3));
    check(`exercise 3 (f = ${f3}) answered right after a hint`, /right/i.test(await slope.getByTestId('verdict-line').textContent()));
    cmi = await cmiOf(page);
    const text = 'slope-practice-1 1 1.1.1.0 1.0.0.0 2.1.0.1' + ' 0.0.0.0'.repeat(7);
    check('the runtime holds score 20, status incomplete and the set\'s progress', cmi.core.score.raw === '20' && cmi.core.lesson_status === 'incomplete' && cmi.suspend_data === text, JSON.stringify({ core: cmi.core, s: cmi.suspend_data }));
    const last = commits.at(-1)?.cmi;
    check('…and the LMS received them in a commit', last?.core?.score?.raw === '20' && last?.core?.lesson_status === 'incomplete' && last?.suspend_data === text, JSON.stringify(last));
    check('the page says where progress goes', (await slope.locator('.practice-keep').textContent()).startsWith('Progress is kept in this browser and sent to your course.'));
    check('one set per package: no New set button', !(await slope.getByTestId('new-set').isVisible()));
    check('the progress line counts 2 of 10', (await progressLine(slope)).startsWith('Set 1: 2 of 10 right, 1 on the first try, 1 hint used.'), await progressLine(slope));

    const violations = await axe(page);
    check('the host, the launch page and Practice: axe finds no violations', violations.length === 0, violations.join('\n'));
    for (const [w, h] of [[1280, 800], [390, 844]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(400);
      fs.mkdirSync('.screenshots', { recursive: true });
      await page.screenshot({ path: `.screenshots/scorm-practice-${w}.png` });
    }

    // Leaving the page finishes the session: exit suspend, a session time, committed.
    const before = commits.length;
    await page.goto('about:blank');
    await new Promise((r) => setTimeout(r, 500));
    const final = commits.slice(before).at(-1)?.cmi;
    check('leaving: LMSFinish commits exit "suspend" and a session time', final?.core?.exit === 'suspend' && /^\d{2,4}:\d\d:\d\d/.test(final?.core?.session_time ?? ''), JSON.stringify(final?.core));
    check('no error and no dialog on the page', errors.length === 0, errors.join('\n'));
    restored = last;
    await context.close();
  }

  // 3. Back another day, in a fresh browser: progress comes from the LMS.
  {
    const context = await browser.newContext();
    const { page, slope, frame, errors } = await launch(context, 'practice', 'runtime', { ...mastery, suspend_data: restored.suspend_data, core: { entry: 'resume', lesson_status: 'incomplete', score: { raw: '20' } } });
    check('a returning student continues where they stopped (from cmi.suspend_data)', (await progressLine(slope)).startsWith('Set 1: 2 of 10 right, 1 on the first try, 1 hint used.'), await progressLine(slope));
    const kept = await frame().evaluate(() => localStorage.getItem('slope-practice-1:set-1'));
    check('…and this browser keeps it again', kept === restored.suspend_data, kept);
    check('no error on the page', errors.length === 0, errors.join('\n'));
    await context.close();
  }

  // 4. Passed at the manifest's mastery score; failed when every exercise is tried short of it.
  for (const [seed, n, expect, raw] of [
    ['slope-practice-1 1 1.1.1.0 0.0.0.0' + ' 1.1.1.0'.repeat(5) + ' 0.0.0.0'.repeat(3), 2, 'passed', '70'],
    ['slope-practice-1 1' + ' 1.0.0.0'.repeat(9) + ' 0.0.0.0', 10, 'failed', '0'],
  ]) {
    const context = await browser.newContext();
    const { page, slope, frame } = await launch(context, 'practice', 'runtime', { ...mastery, suspend_data: seed, core: { entry: 'resume' } });
    await go(slope, frame, n);
    await answer(slope, expect === 'passed' ? derivative(await functionOf(slope)) : '0');
    const cmi = await cmiOf(page);
    check(`Practice ${expect}: status "${expect}" at score ${raw} (mastery 70)`, cmi.core.lesson_status === expect && cmi.core.score.raw === raw, JSON.stringify(cmi.core));
    await context.close();
  }

  // 5. A reset starts the set again on the page; the gradebook keeps the best score.
  {
    const context = await browser.newContext();
    const seed = 'slope-practice-1 1 0.0.0.0' + ' 1.1.1.0'.repeat(7) + ' 0.0.0.0'.repeat(2);
    const { page, slope } = await launch(context, 'practice', 'runtime', { ...mastery, suspend_data: seed, core: { entry: 'resume', lesson_status: 'passed', score: { raw: '70' } } });
    await slope.getByTestId('reset').click();
    await answer(slope, derivative(await functionOf(slope)));
    const cmi = await cmiOf(page);
    check('after Reset progress and one right answer: the page shows 1 of 10, the grade stays 70 and passed',
      (await progressLine(slope)).startsWith('Set 1: 1 of 10 right') && cmi.core.score.raw === '70' && cmi.core.lesson_status === 'passed'
        && cmi.suspend_data === 'slope-practice-1 1 1.1.1.0' + ' 0.0.0.0'.repeat(9), JSON.stringify({ core: cmi.core, s: cmi.suspend_data }));
    await context.close();
  }

  // 6. A shared computer, or another course with the same set: a student never starts from
  // someone else's progress, on a new attempt or on a return with nothing kept.
  for (const entry of ['ab-initio', 'resume']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host);
    await page.evaluate(() => localStorage.setItem('slope-practice-1:set-1', 'slope-practice-1 1' + ' 1.1.1.0'.repeat(10)));
    await page.close();
    const { slope } = await launch(context, 'practice', 'runtime', { ...mastery, core: { entry } });
    check(`entry "${entry}" with no suspend data starts at 0 of 10 whatever this browser kept`, (await progressLine(slope)).startsWith('Set 1: 0 of 10 right'), await progressLine(slope));
    await context.close();
  }

  // 7. Broken and hostile APIs: the page works as on the site, with local storage.
  for (const api of ['missing', 'throwing', 'refusing', 'hostile']) {
    const context = await browser.newContext();
    const seeded = 'slope-practice-1 1 0.0.0.0 2.1.0.0' + ' 0.0.0.0'.repeat(8);
    const page0 = await context.newPage();
    await page0.goto(host);
    await page0.evaluate((t) => localStorage.setItem('slope-practice-1:set-1', t), seeded);
    await page0.close();
    const { page, slope, frame, errors } = await launch(context, 'practice', api);
    const shown = await progressLine(slope);
    await answer(slope, derivative(await functionOf(slope)));
    const verdict = await slope.getByTestId('verdict-line').textContent();
    const kept = await frame().evaluate(() => localStorage.getItem('slope-practice-1:set-1'));
    const said = await slope.locator('.practice-keep').textContent();
    check(`a ${api} API: the page works from local storage and says nothing about it`,
      shown.startsWith('Set 1: 1 of 10 right') && /right/i.test(verdict) && kept.startsWith('slope-practice-1 1 1.1.1.0 2.1.0.0') && said.startsWith('Progress is kept in this browser only.'),
      JSON.stringify({ shown, verdict, kept, said }));
    await page.goto('about:blank');
    check(`a ${api} API: no error, no dialog, no markup from it`, errors.length === 0, errors.join('\n'));
    await context.close();
  }

  // 8. A lesson page: completed when its end has been on screen, or when the student used it.
  {
    const context = await browser.newContext();
    const { page, frame } = await launch(context, 'lesson');
    check('the lesson opens in its embed form', (await frame().evaluate(() => document.querySelector('main h1').textContent)) === 'Chain rule');
    check('a lesson starts incomplete', (await cmiOf(page)).core.lesson_status === 'incomplete');
    const launchFrame = page.frames().find((f) => f.url().includes('launch.html'));
    await launchFrame.evaluate(() => scrollTo(0, document.body.scrollHeight / 2));
    await page.waitForTimeout(300);
    check('…and stays so halfway down', (await cmiOf(page)).core.lesson_status === 'incomplete');
    await launchFrame.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => window.API.cmi.core.lesson_status === 'completed', null, { timeout: 5000 }).catch(() => {});
    check('a lesson scrolled to its end is completed, and committed', (await cmiOf(page)).core.lesson_status === 'completed' && commits.at(-1)?.cmi?.core?.lesson_status === 'completed');
    await context.close();
  }
  {
    const context = await browser.newContext();
    const { page, slope } = await launch(context, 'lesson');
    await slope.locator('main input').first().press('ArrowRight');
    await slope.locator('main input').first().fill('x^3');
    await page.waitForTimeout(300);
    check('a lesson the student used is completed', (await cmiOf(page)).core.lesson_status === 'completed');
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`\n${passed} passed, ${failures.length} failed`);
if (failures.length) process.exit(1);

// A tiny static file server for dist/ on loopback, shared by the e2e tests and the
// screenshot script; it serves files as they are, with the right MIME types. Also the checks
// the tests share: axe, and every canvas drawn.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
};

// `prefix` serves the folder under a sub-path (`/some/sub/path/`), as a GitHub Pages project
// site or an LMS folder would; anything outside it is 404, so an absolute asset URL fails.
// While `down()` is true every connection is cut, as when the network is off. `handle(req,
// res)` may answer a request itself (an LMS's commit address) by returning true.
export function serveDist(dir, prefix = '/', { down = () => false, handle = () => false } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    if (down()) { req.socket.destroy(); return; }
    if (handle(req, res)) return;
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404); res.end('not found'); return; }
    let file = path.join(root, decodeURIComponent(url.pathname.slice(prefix.length - 1)));
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port }));
  });
}

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

let axeSource;

/** axe-core's violations on the page as it is now (WCAG 2.x A and AA, and best practices). */
export async function axe(page) {
  axeSource ??= fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} ×${v.nodes.length}: ${v.help} (${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')})`);
  });
}

/** Waits until at least `atLeast` canvases inside `scope` are shown and every one is drawn. */
export function everyCanvasDrawn(page, atLeast, scope = 'main') {
  return page.waitForFunction(([n, selector]) => {
    const cs = [...document.querySelectorAll(selector)];
    return cs.length >= n && cs.every((c) => c.dataset.drawn === 'true');
  }, [atLeast, `${scope} canvas:not([hidden])`.trim()], { timeout: 20000 });
}

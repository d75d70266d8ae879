// A tiny static file server for dist/ on loopback, shared by the smoke test and the
// screenshot script. Serves precompressed-free files with the right MIME types.
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
};

// `prefix` serves the folder under a sub-path (`/some/sub/path/`), as a GitHub Pages project
// site or an LMS folder would; anything outside it is 404, so an absolute asset URL fails.
// While `down()` is true every connection is cut, as when the network is off.
export function serveDist(dir, prefix = '/', { down = () => false } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    if (down()) { req.socket.destroy(); return; }
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

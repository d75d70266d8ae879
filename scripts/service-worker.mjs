// Writes `dir`/sw.js from scripts/sw.js: FILES is every file of the build in `dir` (the page
// itself as "./", the address the site is opened at), VERSION a hash of their names and
// contents. Used by the post-build step and by the offline test, which rebuilds a changed copy
// of dist/ the way a new deployment would.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';

export async function writeServiceWorker(dir) {
  const names = fs.readdirSync(dir).filter((f) => f !== 'sw.js' && !f.startsWith('.') && fs.statSync(path.join(dir, f)).isFile()).sort();
  if (!names.includes('index.html')) throw new Error(`service worker: no index.html in ${dir}`);
  const hash = crypto.createHash('sha256');
  for (const f of names) hash.update(f).update('\0').update(fs.readFileSync(path.join(dir, f)));
  const version = hash.digest('hex').slice(0, 16);
  const files = names.map((f) => (f === 'index.html' ? './' : f));
  const template = fs.readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
  if (!template.includes('["__FILES__"]') || !template.includes('"__VERSION__"')) throw new Error('service worker: the template lost its placeholders');
  const code = template.replace('["__FILES__"]', JSON.stringify(files)).replace('"__VERSION__"', JSON.stringify(version));
  const out = await minify(code, { ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!out.code) throw new Error('service worker: terser produced nothing');
  fs.writeFileSync(path.join(dir, 'sw.js'), out.code);
  return { version, files };
}

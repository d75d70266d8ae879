// Trunk post-build hook (release builds only). What makes the download smaller, then the
// sub-resource integrity hashes in index.html are recomputed, so the browser still checks
// exactly what it runs, and last the service worker is written:
// 0. The functions are put in the order gzip packs best (scripts/order-functions.mjs; trunk's
//    wasm-opt keeps the names for it with -g, and the run below drops them).
// 1. The WebAssembly's import and export names are shortened. wasm-bindgen names every import
//    `./slope_bg.js` / `__wbg_fillRect_e1f0b9915220348b` and the closures' exports run to
//    150 characters; binaryen's `--minify-imports-and-exports-and-modules` renames them
//    `a` / `$` and prints the renaming, which is applied to the JavaScript glue: its import
//    object's keys and its calls to the exports. (5 KB less gzipped, in a 300 KB budget.)
//    The optimisation trunk ran, once more after the renaming (`--flatten --rereloop -Oz
//    -Oz`), finds another 1.4 KB: shorter names sort and fold differently. A third run
//    finds nothing.
//    The glue is checked afterwards: no old name may be left in it.
// 2. The glue is minified by terser (about 45 KB → 20 KB; 2.5 KB less gzipped), and the
//    shims wasm-bindgen writes around Math.sin, Math.exp, … are replaced by the functions.
// 3. The service worker (scripts/sw.js) is written to sw.js with the list of every file
//    of the build and a version that is a hash of all of them, so any change to any file is a
//    new worker (see scripts/sw.js).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { minify } from 'terser';
import { writeServiceWorker } from './service-worker.mjs';
import { orderFunctions } from './order-functions.mjs';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const dir = process.env.TRUNK_STAGING_DIR;
const html = path.join(dir, 'index.html');
let page = fs.readFileSync(html, 'utf8');
const sri = (data) => `sha384-${crypto.createHash('sha384').update(data).digest('base64')}`;
const files = fs.readdirSync(dir);
const wasmName = files.find((f) => f.endsWith('_bg.wasm'));
// The glue is named after the wasm (other .js files, such as embed.js, are copied as they are).
const jsName = wasmName && wasmName.replace(/_bg\.wasm$/, '.js');
if (!wasmName || !files.includes(jsName)) throw new Error(`post-build: no wasm and glue in ${dir}: ${files}`);
const wasmFile = path.join(dir, wasmName);
const jsFile = path.join(dir, jsName);
const wasmBefore = fs.readFileSync(wasmFile);
const jsBefore = fs.readFileSync(jsFile);

// 1. Short names.
const features = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue']
  .map((f) => `--enable-${f}`);
orderFunctions(wasmFile, features);
const renaming = JSON.parse(execFileSync('wasm-opt', [wasmFile, '--reorder-functions-by-name', '--minify-imports-and-exports-and-modules', '--flatten', '--rereloop', '-Oz', '-Oz', ...features, '-o', wasmFile],
  { encoding: 'utf8', maxBuffer: 1 << 24 }));
let js = jsBefore.toString('utf8');
const word = (name) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
const modules = new Set(renaming.imports.map(([module]) => module));
if (modules.size !== 1) throw new Error(`post-build: expected one import module, got ${[...modules]}`);
const [module] = modules;
const { imports: [{ module: shortModule }] } = { imports: WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(wasmFile))) };
js = js.split(`"${module}"`).join(`"${shortModule}"`);
for (const [, name, short] of renaming.imports) js = js.replace(word(name), short);
// Exports: the glue reads them as properties (`wasm.__wbindgen_malloc`, `wasm.memory`).
// Our own (sin, main, …) are not read by the glue, and `.log` there is console.log.
const glue = (name) => /^(__wbindgen|__wbg|__externref|wasm_bindgen)/.test(name) || name === 'memory';
for (const [name, short] of renaming.exports) {
  if (glue(name)) js = js.replace(new RegExp(`\\.${name}(?![\\w$])`, 'g'), `.${short}`);
}

// 2. Minified glue (terser also renames the glue's own functions named after the exports).
const out = await minify(js, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
if (!out.code) throw new Error(`terser produced nothing for ${jsName}`);
// The Math functions src/libm.rs imports become the imports themselves instead of a shim
// each: smaller, and V8 calls them from the WebAssembly directly (XOR epochs 18 % faster).
out.code = out.code
  .replace(/([\w$]+):function\(\)\{return Math\.(\w+)\(\)\}/g, '$1:Math.$2')
  .replace(/([\w$]+):function\((\w+)\)\{return Math\.(\w+)\(\2\)\}/g, '$1:Math.$3')
  .replace(/([\w$]+):function\((\w+),(\w+)\)\{return Math\.(\w+)\(\2,\3\)\}/g, '$1:Math.$4');
if (/return Math\.\w+\(/.test(out.code)) throw new Error('post-build: a Math shim is left in the glue');
const left = [...renaming.imports.map(([, name]) => name), ...renaming.exports.map(([name]) => name).filter(glue), module]
  .filter((name) => (name === 'memory' ? /\.memory(?![\w$])/.test(out.code) : out.code.includes(name)));
if (left.length) throw new Error(`post-build: the glue still names ${left.join(', ')}`);
fs.writeFileSync(jsFile, out.code);

const wasmAfter = fs.readFileSync(wasmFile);
page = page.split(sri(jsBefore)).join(sri(out.code)).split(sri(wasmBefore)).join(sri(wasmAfter));
fs.writeFileSync(html, page);
console.log(`post-build: ${wasmName} ${wasmBefore.length} → ${wasmAfter.length} bytes, ${jsName} ${jsBefore.length} → ${out.code.length} bytes`);

// 3. The service worker.
await writeServiceWorker(dir);

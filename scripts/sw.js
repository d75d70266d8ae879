// Slope's service worker: after one visit every page works with no network. The post-build
// step (scripts/post-build.mjs) writes it to dist/sw.js with FILES, every file of the build
// by its hashed name, and VERSION, a hash of all of them, filled in; so a new build is a new
// worker, and the browser installs it beside the running one.
//
// - Install: the whole build into its own cache. A file whose name carries its hash may come
//   from the HTTP cache (the WebAssembly the page just loaded is not downloaded twice); the
//   others (the page, embed.js, icons) are fetched past it, since a host such as GitHub Pages
//   lets browsers keep files for 10 minutes, which could mix builds.
// - The new worker waits until the page asks for it (the "A new version is ready" notice,
//   index.html), then takes over and removes the caches of older builds. A page is served
//   from one cache only, so it never mixes old and new files.
// - Fetch: a file of the build comes from the cache; a page address that is not a file (the
//   site's own address, `index.html`, any query) gets the app, whose routes are in the hash.
//   Anything else (another origin, not GET) goes to the network untouched.
const VERSION = "__VERSION__";
const FILES = ["__FILES__"];
const CACHE = "slope-" + VERSION;

addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: /-[0-9a-f]{8,}\./.test(f) ? "default" : "reload" })))));
});

addEventListener("activate", (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("slope-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => clients.claim()),
  );
});

addEventListener("message", (e) => {
  if (e.data === "slope:update") skipWaiting();
});

addEventListener("fetch", (e) => {
  const r = e.request;
  if (r.method !== "GET" || new URL(r.url).origin !== location.origin) return;
  e.respondWith(
    caches.open(CACHE).then((c) =>
      c.match(r, { ignoreSearch: true })
        .then((hit) => hit || (r.mode === "navigate" ? c.match("./") : undefined))
        .then((hit) => hit || fetch(r))),
  );
});

// Service worker: precaches the page, its module, the English module and the
// take-away files (calendar, written application) so the tool works offline.
//
// One version at a time. The build stamps VERSION with a hash of every file
// below (web/tools/stamp-version.mjs), so any change to one of them is a new
// worker. A new worker fills its own cache with exactly its version's files:
// those the page loads under a versioned URL (`<file>?v=<build>`, BUILD, the
// same stamp as xueshe-check.js's) are taken from the browser's HTTP cache
// when the page has just loaded them there (on a first visit: the module,
// its script and the stylesheet, ≈ 85 KB a phone does not download twice),
// their bytes checked against this version's integrity hash, and from the
// server when not; every other file straight from the server (`cache:
// 'reload'`, whatever Cache-Control or Last-Modified the host sends). Then it
// waits: the pages open
// on the old version keep being served from the old cache until the member
// accepts the page's "new version" notice, which tells this worker to take over
// and reloads. (The page itself checks every file it loads against the
// integrity hashes stamped into it, so it never runs two versions even where no
// worker serves it.)
//
// Caches are per deployment: their names carry this worker's scope, so /a/ and
// /b/ on one origin keep their own, and a new version deletes only its own
// scope's older cache. Other same-origin files (a school's policy and its base
// files, the staff page) go to the network first and fall back to a copy kept
// in the scope's runtime cache, which outlives versions; the pages ask for
// theirs again once this worker is in control, so a first visit leaves them
// cached.
const VERSION = 'xueshe-version:dev';
const FILES = ['./', 'index.html', 'xueshe-check.js', 'xueshe-outcome.js', 'xueshe.css', 'xueshe.js', 'xueshe.wasm', 'xueshe-en.wasm', 'manifest.webmanifest', 'icon.svg',
  'xueshe-takeaway.js', 'xueshe-takeaway.wasm', 'xueshe-application.js', 'xueshe-application.css'];
const precached = new Set(FILES.map((f) => new URL(f, location).href));
const SCOPE = 'xueshe ' + self.registration.scope + ' ';
const CACHE = SCOPE + VERSION.slice(15);
const RUNTIME = SCOPE + 'runtime';

// This version's build and the integrity hash of each file the page loads under it (none in an unstamped build).
const BUILD = 'xueshe-build:dev';
const [V, ...HASHES] = BUILD.split(':')[1].split(';');
const SRI = Object.fromEntries(HASHES.map((x) => [x.slice(0, x.indexOf('=')), x.slice(x.indexOf('=') + 1)]));
// A file as this version has it: a versioned one from the HTTP cache if it is there with the right bytes, else
// from the server (the bytes checked again: another version's never enter this cache); any other from the server.
const fresh = (f) => {
  if (!SRI[f]) return fetch(new Request(f, { cache: 'reload' }));
  const url = f + '?v=' + V, integrity = SRI[f];
  return fetch(new Request(url, { cache: 'force-cache', integrity })).catch(() => fetch(new Request(url, { cache: 'reload', integrity })));
};
self.oninstall = (e) => e.waitUntil(caches.open(CACHE).then((c) => Promise.all(FILES.map((f) => fresh(f).then((res) => {
  if (!res.ok) throw new Error(`${f}: ${res.status}`);  // as addAll: no worker with a file missing
  return c.put(f, res);
})))));

// The page's "reload" button: this worker takes over now (then the page reloads).
self.onmessage = (e) => e.data == 'xueshe-activate' && self.skipWaiting();

self.onactivate = (e) => e.waitUntil(caches.keys()
  .then((keys) => Promise.all(keys.filter((k) => k.startsWith(SCOPE) && k != CACHE && k != RUNTIME).map((k) => caches.delete(k))))
  .then(() => self.clients.claim()));

self.onfetch = (e) => {
  const r = e.request, url = new URL(r.url);
  if (r.method != 'GET' || url.origin != location.origin) return;
  url.search = '';
  if (precached.has(url.href)) {
    e.respondWith(caches.open(CACHE).then((c) => c.match(url.href)).then((hit) => hit || fetch(r)));
    return;
  }
  e.respondWith(caches.open(RUNTIME).then((c) => fetch(r).then((res) => (res.ok && c.put(r, res.clone()), res), () => c.match(r))));
};

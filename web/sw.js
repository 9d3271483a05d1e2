// Service worker: precaches the page, its module, the English module and the
// take-away files (calendar, written application) so the tool works offline.
// The build stamps VERSION with a hash of those files; a new version replaces
// the old cache. Other same-origin files (a school's policy and its base
// files, the staff page) go to the network first and fall back to a cached
// copy; the pages ask for theirs again once this worker is in control, so a
// first visit leaves them cached.
const VERSION = 'xueshe-@VERSION@';
const FILES = ['./', 'index.html', 'xueshe-check.js', 'xueshe.css', 'xueshe.js', 'xueshe.wasm', 'xueshe-en.wasm', 'manifest.webmanifest', 'icon.svg',
  'xueshe-takeaway.js', 'xueshe-takeaway.wasm', 'xueshe-application.js', 'xueshe-application.css'];
const precached = new Set(FILES.map((f) => new URL(f, location).href));

self.oninstall = (e) => e.waitUntil(caches.open(VERSION).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));

self.onactivate = (e) => e.waitUntil(caches.keys()
  .then((keys) => Promise.all(keys.filter((k) => k.startsWith('xueshe-') && k != VERSION).map((k) => caches.delete(k))))
  .then(() => self.clients.claim()));

self.onfetch = (e) => {
  const r = e.request, url = new URL(r.url);
  if (r.method != 'GET' || url.origin != location.origin) return;
  url.search = '';
  e.respondWith(caches.open(VERSION).then((c) => precached.has(url.href)
    ? c.match(url.href).then((hit) => hit || fetch(r))
    : fetch(r).then((res) => (res.ok && c.put(r, res.clone()), res), () => c.match(r))));
};

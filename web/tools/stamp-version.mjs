// Versions the member's page as one set of files, at build time (and again by
// the update tests, on a copy of the site). Node 18+, built-ins only.
//   node stamp-version.mjs SITE_DIR INDEX_IN CHECK_IN SW_IN
// reads the module and the files loaded on demand from SITE_DIR and writes
// SITE_DIR/index.html, SITE_DIR/xueshe-check.js and SITE_DIR/sw.js:
// - xueshe-check.js gets BUILD: a hash of those files and each one's integrity
//   hash (SRI, sha384), so the element loads each as `<file>?v=<build>` and the
//   browser refuses any other version's bytes (the page then offers to reload
//   instead of running, say, this version's script with another's English module);
// - index.html loads xueshe.js as `xueshe.js?v=<build>`, xueshe-check.js as
//   `xueshe-check.js?v=<its hash>` and xueshe.css as the element does
//   (`xueshe.css?v=<build>`), each with its integrity, and preloads xueshe.wasm
//   under the URL and integrity the element fetches it with;
// - sw.js gets VERSION: a hash of every file it precaches (its FILES list), as
//   written here, so a change to any of them installs a new worker and cache;
//   and BUILD, xueshe-check.js's stamp, so it asks for the files the page loads
//   under the very URLs and integrity hashes the page uses.
// The inputs may be files stamped before: every stamp is replaced.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { integrity, once, reader, version } from './stamp.mjs';

const [site, indexIn, checkIn, swIn] = process.argv.slice(2);
if (!swIn) {
  console.error('usage: node stamp-version.mjs SITE_DIR INDEX_IN CHECK_IN SW_IN');
  process.exit(2);
}
// What the element loads itself (xueshe-check.js: `BUILD`), in this order.
const LOADED = ['xueshe.js', 'xueshe.wasm', 'xueshe-en.wasm', 'xueshe-policy.js', 'xueshe-policy.wasm', 'xueshe-policy-en.wasm', 'xueshe.css', 'xueshe-outcome.js', 'xueshe-takeaway.js', 'xueshe-takeaway.wasm',
  'xueshe-application.js', 'xueshe-application.css'];
const bytes = reader(site);
const sri = (f) => integrity(bytes(f));
const build = version(LOADED, bytes);

const buildStamp = `xueshe-build:${build};${LOADED.map((f) => `${f}=${sri(f)}`).join(';')}`;
const check = once(readFileSync(checkIn, 'utf8'), /xueshe-build:[^'"`]*/, buildStamp, 'xueshe-build: stamp in xueshe-check.js');
writeFileSync(path.join(site, 'xueshe-check.js'), check);

// Each file index.html loads under its version in the URL, with its integrity: a stale copy in the HTTP cache is never
// taken for this version's, and the stylesheet is asked for under the very URL the element's shadow root uses
// (`xueshe.css?v=<build>`), so the browser fetches it once for both.
const stamp = (text, tag, attr, f, v) => once(text, new RegExp(`${tag} ${attr}="${f.replace('.', '\\.')}[^"]*"( integrity="[^"]*")?`),
  `${tag} ${attr}="${f}?v=${v}" integrity="${sri(f)}"`, `${tag} ${attr}="${f}"> in index.html`);
const checkVersion = version(['xueshe-check.js'], bytes);
let index = readFileSync(indexIn, 'utf8');
index = stamp(index, '<script', 'src', 'xueshe.js', build);
index = stamp(index, '<script', 'src', 'xueshe-check.js', checkVersion);
index = stamp(index, '<link rel="stylesheet"', 'href', 'xueshe.css', build);
index = stamp(index, '<link rel="preload"', 'href', 'xueshe.wasm', build);
writeFileSync(path.join(site, 'index.html'), index);

const sw = readFileSync(swIn, 'utf8');
const files = sw.match(/const FILES = \[([^\]]*)\]/)[1].match(/'[^']+'/g).map((f) => f.slice(1, -1)).filter((f) => f != './');
const swStamped = once(sw, /xueshe-version:[^'"`]*/, 'xueshe-version:' + version(files, bytes), 'xueshe-version: stamp in sw.js');
writeFileSync(path.join(site, 'sw.js'), once(swStamped, /xueshe-build:[^'"`]*/, buildStamp, 'xueshe-build: stamp in sw.js'));
console.log(build);

// Builds xueshe-offline.html: index.html with the stylesheet, the page script
// and the single-file module (wasm inlined) written into it — and the take-away
// module and the application's script and stylesheet, which the page otherwise
// loads on demand — so the one file works opened from file:// with no network.
// Node 18+, node: built-ins only.
//   node build-offline.mjs WEB_DIR SINGLE_JS TAKEAWAY_SINGLE_JS OUT_HTML
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inlineParts } from './inline.mjs';

const [web, single, takeaway, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node build-offline.mjs WEB_DIR SINGLE_JS TAKEAWAY_SINGLE_JS OUT_HTML');
  process.exit(2);
}
const read = (f) => readFileSync(path.isAbsolute(f) ? f : path.join(web, f), 'utf8');

// Text inside <script>/<style> ends at the first "</script" / "</style"; "<!--" changes how a script is parsed.
const script = (js) => `<script>${js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')}</script>`;
const styleOf = (f) => {
  const css = read(f);
  if (/<\/style/i.test(css)) throw new Error(`${f} contains "</style"`);
  return `<style>${css}</style>`;
};
const style = styleOf('xueshe.css');

let html = read('index.html');
const replace = (from, to) => {
  if (html.split(from).length != 2) throw new Error(`index.html: expected exactly one ${from}`);
  html = html.replace(from, () => to);
};
replace('<link rel="manifest" href="manifest.webmanifest">\n', '');
// The module is inline here: nothing to fetch ahead.
replace('<link rel="preload" href="xueshe.wasm" as="fetch" type="application/wasm" crossorigin>\n', '');
replace('href="icon.svg"', `href="data:image/svg+xml,${encodeURIComponent(read('icon.svg').trim())}"`);
// The document gets the stylesheet; the element copies the <template> into its shadow root.
replace('<link rel="stylesheet" href="xueshe.css">', `${style}\n<template id="xueshe-css">${style}</template>`);
// The one module reads policy files too: the element asks for it under both names (xueshe-check.js, loadPolicy).
replace('<script src="xueshe.js" defer></script>', script(read(single) + '\nvar createXueshePolicy = createXueshe;'));
replace('<script src="xueshe-check.js" defer></script>', script(inlineParts(read('xueshe-check.js'), web)) + script(inlineParts(read('xueshe-outcome.js'), web)) +
  // On demand in the served page; here, in the file: the elements find them already defined.
  `\n<template id="xueshe-application-css">${styleOf('xueshe-application.css')}</template>` +
  script(read(takeaway)) + script(inlineParts(read('xueshe-application.js'), web)));
writeFileSync(out, html);

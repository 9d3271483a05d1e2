// Versions the staff page's files, at build time, as stamp-version.mjs does the member's page. Node 18+, built-ins only.
//   node stamp-staff.mjs SITE_DIR STAFF_HTML_IN STAFF_JS_IN
// reads staff.css, studio.css, studio.js, xueshe-staff.js and xueshe-staff.wasm from SITE_DIR and writes SITE_DIR/staff.js and
// SITE_DIR/staff.html:
// - staff.js gets BUILD: the module's version (its glue and wasm) and the wasm's integrity hash, so it loads
//   `xueshe-staff.wasm?v=<build>` and the browser refuses another version's bytes;
// - staff.html loads staff.css, xueshe-staff.js and staff.js each as `<file>?v=<version>` with its integrity hash,
//   so a copy of another version (in the browser's HTTP cache, however long the host lets it keep one) is never taken
//   for this one's.
// The inputs may be files stamped before: every stamp is replaced.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { integrity, once, reader, version } from './stamp.mjs';

const [site, htmlIn, jsIn] = process.argv.slice(2);
if (!jsIn) {
  console.error('usage: node stamp-staff.mjs SITE_DIR STAFF_HTML_IN STAFF_JS_IN');
  process.exit(2);
}
const bytes = reader(site);
const sri = (f) => integrity(bytes(f));
const build = version(['xueshe-staff.js', 'xueshe-staff.wasm'], bytes);

writeFileSync(path.join(site, 'staff.js'), once(readFileSync(jsIn, 'utf8'), /xueshe-staff-build:[^'"`]*/,
  `xueshe-staff-build:${build};xueshe-staff.wasm=${sri('xueshe-staff.wasm')}`, 'xueshe-staff-build: stamp in staff.js'));

const tag = (text, f, v, attr) => once(text, new RegExp(`${attr}="${f.replace('.', '\\.')}[^"]*"( integrity="[^"]*")?`),
  `${attr}="${f}?v=${v}" integrity="${sri(f)}"`, `${f} in staff.html`);
let html = readFileSync(htmlIn, 'utf8');
html = tag(html, 'staff.css', version(['staff.css'], bytes), 'href');
html = tag(html, 'xueshe-staff.js', build, 'src');
html = tag(html, 'staff.js', version(['staff.js'], bytes), 'src');
// The policy studio's tab (studio.js, studio.css), loaded beside them.
html = tag(html, 'studio.css', version(['studio.css'], bytes), 'href');
html = tag(html, 'studio.js', version(['studio.js'], bytes), 'src');
writeFileSync(path.join(site, 'staff.html'), html);
console.log(build);

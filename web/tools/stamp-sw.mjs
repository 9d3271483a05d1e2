// Writes the service worker with its cache version: a hash of the files it
// precaches, so any change to them installs a fresh cache. Node 18+, built-ins only.
//   node stamp-sw.mjs SW_IN SW_OUT FILE...
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, ...files] = process.argv.slice(2);
const hash = createHash('sha256');
for (const f of files) hash.update(readFileSync(f));
writeFileSync(output, readFileSync(input, 'utf8').replace('@VERSION@', hash.digest('hex').slice(0, 16)));

// Seeds for the fuzz targets from the project's own data: every scenario's
// answers (behind the two bytes fuzz_evaluate reads as language and date) and
// every policy, good and broken. Usage: node make_seeds.mjs OUT_DIR
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.argv[2];
mkdirSync(path.join(out, 'evaluate'), { recursive: true });
mkdirSync(path.join(out, 'policy'), { recursive: true });
mkdirSync(path.join(out, 'roster'), { recursive: true });

const scenarios = path.join(root, 'tests/scenarios');
let n = 0;
for (const f of readdirSync(scenarios).filter((f) => f.endsWith('.json'))) {
  const s = JSON.parse(readFileSync(path.join(scenarios, f), 'utf8'));
  const prefix = Buffer.from([s.lang === 'en' ? 1 : 0, (n * 37) % 256]);
  writeFileSync(path.join(out, 'evaluate', f), Buffer.concat([prefix, Buffer.from(JSON.stringify(s.answers))]));
  n++;
}
const policies = [
  path.join(root, 'policies/hxci-2022.json'),
  ...['tests/policies', 'tests/policies/broken'].flatMap((d) =>
    readdirSync(path.join(root, d)).filter((f) => f.endsWith('.json') && f !== 'expected.json').map((f) => path.join(root, d, f))),
];
for (const p of policies) writeFileSync(path.join(out, 'policy', path.basename(path.dirname(p)) + '-' + path.basename(p)), readFileSync(p));
const rosters = path.join(root, 'tests/roster');
const rosterFiles = readdirSync(rosters).filter((f) => f.endsWith('.csv'));
for (const f of rosterFiles) writeFileSync(path.join(out, 'roster', f), readFileSync(path.join(rosters, f)));
console.log(`${n} answer seeds, ${policies.length} policy seeds, ${rosterFiles.length} roster seeds in ${out}`);

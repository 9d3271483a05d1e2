#!/usr/bin/env node
// Runs every scenario file and every `xueshe paths` line of every policy
// through two builds of the CLI (before and after a change) and reports what
// differs. Usage:
//   node scripts/compare-cli.mjs OLD_XUESHE NEW_XUESHE [--structured] [--old-root DIR]
// Without --structured the outputs must be byte-identical; with it, only what
// the scenario files assert (status, route, alternatives, deadlines, clauses,
// warning codes, question id, error code and field) is compared.
// Exit 0 when nothing differs, 1 otherwise.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i < 0 ? null : argv.splice(i, 2)[1]; };
// The old build reads the policy files of its own tree (a worktree of the old commit).
const oldRoot = opt('--old-root') || root;
const [oldBin, newBin, flag] = argv;
if (!oldBin || !newBin) {
  console.error('usage: node scripts/compare-cli.mjs OLD_XUESHE NEW_XUESHE [--structured]');
  process.exit(2);
}
const structured = flag === '--structured';

function run(bin, args, input) {
  if (bin === oldBin) args = args.map((a) => (a.startsWith(root + '/') ? oldRoot + a.slice(root.length) : a));
  try {
    return execFileSync(bin, args, { input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] });
  } catch (e) {
    return `exit ${e.status}\n${e.stdout}`;
  }
}

function shape(text) {
  let r;
  try { r = JSON.parse(text); } catch { return text; }
  if (r.result) r = r.result;
  if (r.error) return JSON.stringify({ error: { code: r.error.code, field: r.error.field } });
  return JSON.stringify({
    status: r.status, question: r.question?.id, route: r.route, alternatives: r.alternatives,
    deadlines: r.deadlines?.map((d) => [d.kind, d.date, d.clause, d.days_left, d.state]),
    clauses: r.clauses, warnings: r.warnings?.map((w) => w.code),
  });
}

let same = 0, differ = 0;
function compare(what, args, input) {
  const a = run(oldBin, args, input), b = run(newBin, args, input);
  const la = a.split('\n'), lb = b.split('\n');
  if (la.length !== lb.length) {
    differ++;
    console.log(`DIFFERS ${what}: ${la.length} vs ${lb.length} lines`);
    return;
  }
  la.forEach((line, i) => {
    const x = structured ? shape(line) : line, y = structured ? shape(lb[i]) : lb[i];
    if (x === y) { same++; return; }
    differ++;
    if (differ <= 20) console.log(`DIFFERS ${what} line ${i + 1}\n  before: ${x.slice(0, 400)}\n  after:  ${y.slice(0, 400)}`);
  });
}

const dir = join(root, 'tests/scenarios');
const policies = new Set();
for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
  const s = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const args = ['evaluate'];
  if (s.today) args.push('--today', s.today);
  if (s.lang) args.push('--lang', s.lang);
  if (s.policy && s.policy !== 'hxci-2022') { args.push('--policy', join(root, s.policy)); policies.add(s.policy); }
  compare(`scenario ${f}`, args, JSON.stringify(s.answers));
}
for (const p of ['', ...policies])
  for (const lang of ['zh-CN', 'en'])
    for (const today of ['2022-07-01', '2026-12-01']) {
      const args = ['paths', '--today', today, '--lang', lang];
      if (p) args.push('--policy', join(root, p));
      compare(`paths ${p || 'hxci-2022'} ${lang} ${today}`, args, '');
    }
console.log(`${same} same, ${differ} differ (${structured ? 'structured outcome' : 'byte for byte'})`);
process.exit(differ ? 1 : 0);

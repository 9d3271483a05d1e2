// Seeds for the fuzz targets from the project's own data: every scenario's
// answers (behind the two bytes fuzz_evaluate reads as language and date) and
// every policy, good and broken; for the take-away target the answers with an
// applicant and (given the CLI) the evaluate results themselves.
// Usage: node make_seeds.mjs OUT_DIR [XUESHE_CLI]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [out, cli] = process.argv.slice(2);
mkdirSync(path.join(out, 'evaluate'), { recursive: true });
mkdirSync(path.join(out, 'policy'), { recursive: true });
mkdirSync(path.join(out, 'roster'), { recursive: true });
mkdirSync(path.join(out, 'takeaway'), { recursive: true });
// The application's fields, typed with what members really type (and worse).
const applicant = JSON.stringify({ name: '张三', student_id: '2018012345', college: '信息工程学院', country_or_region: '英国',
  institution: 'University of Edinburgh "MSc"', from: '2022-09-01', until: '2023-09-30', contact_name: '张父',
  contact_relationship: '父亲', contact_phone: '+86 138-0000-0000' });

const scenarios = path.join(root, 'tests/scenarios');
let n = 0;
for (const f of readdirSync(scenarios).filter((f) => f.endsWith('.json'))) {
  const s = JSON.parse(readFileSync(path.join(scenarios, f), 'utf8'));
  const prefix = Buffer.from([s.lang === 'en' ? 1 : 0, (n * 37) % 256]);
  writeFileSync(path.join(out, 'evaluate', f), Buffer.concat([prefix, Buffer.from(JSON.stringify(s.answers))]));
  // Take-away: the answers then the applicant (mode 0), and the CLI-shaped result itself is made by the
  // target from the answers; forged results (mode 1) come from the fuzzer's mutations of those.
  writeFileSync(path.join(out, 'takeaway', f), Buffer.concat([prefix, Buffer.from([0]),
    Buffer.from(JSON.stringify(s.answers) + '\x1f' + applicant)]));
  if (cli && s.expect.status === 'outcome') {
    const policy = s.policy && s.policy !== 'hxci-2022' ? ['--policy', path.join(root, s.policy)] : [];
    const r = spawnSync(cli, ['evaluate', '--today', s.today, '--lang', s.lang || 'zh-CN', ...policy], { input: JSON.stringify(s.answers) });
    if (r.status === 0) writeFileSync(path.join(out, 'takeaway', 'result-' + f), Buffer.concat([prefix, Buffer.from([1]), r.stdout]));
  }
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

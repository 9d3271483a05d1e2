// The policy studio's core in the staff module (xueshe-staff.wasm) under
// Node: a studio file from the seed notice, the split's corrections, the
// policy built and checked (the file loads in the CLI, and its decision table
// is the CLI's), errors named by the form field, the diff against the base.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, root, site } from './load.mjs';

let M;
before(async () => {
  const factory = createRequire(import.meta.url)(path.join(site, 'xueshe-staff.js'));
  M = await factory({ wasmBinary: readFileSync(path.join(site, 'xueshe-staff.wasm')) });
});

const seed = () => readFileSync(path.join(root, 'tests/notices/00-hxci-2022.txt'), 'utf8');
const start = (lang = 'zh-CN') => JSON.parse(M.studioStart('cn-league', M.splitNotice(seed(), lang), '2026-12-01', '', lang));

test('a studio file from the seed notice: its clauses, and the title, cohort and date proposed', () => {
  const s = start();
  assert.equal(s.studio, 1);
  assert.equal(s.base, 'cn-league');
  assert.ok(s.clauses.some((c) => c.id == '三.2④'));
  assert.equal(s.policy.cohort, 2022);
  assert.equal(s.policy.notice_date, '2022-05-16');
  // What its words name is proposed too (the national layer says none of it), each unverified.
  assert.deepEqual(s.unverified.slice(0, 3), ['title', 'cohort', 'notice_date']);
  assert.equal(s.policy.destinations.employed.clause, '二.1');
  assert.deepEqual(s.policy.destinations.unsettled.bases, { value: ['residence', 'hukou', 'origin'], clause: '二.4' });
  assert.equal(s.policy.rules.second_transfer, '二.8');
  assert.ok(['destinations.employed.clause', 'destinations.unsettled.bases', 'rules.second_transfer'].every((p) => s.unverified.includes(p)));
  // On last year's policy, which says all of that already, only the title, cohort and date are proposed.
  const last = JSON.parse(M.studioStart('hxci-2022', M.splitNotice(seed(), 'zh-CN'), '2026-12-01', '', 'zh-CN'));
  assert.deepEqual(last.unverified, ['title', 'cohort', 'notice_date']);
  const e = JSON.parse(M.studioStart('cn-league', M.splitNotice('', 'en'), '2026-12-01', '', 'en'));
  assert.equal(e.error.code, 'studio_no_split');
});

test('corrections: renumber, split by characters, merge; a duplicate id is an error naming it', () => {
  const clauses = JSON.stringify([{ id: '1', title: '甲', text: '第一句。第二句。' }, { id: '2', title: '乙', text: '第三句。' }]);
  const split = JSON.parse(M.studioEditClauses(clauses, JSON.stringify({ op: 'split', at: 0, chars: 4, id: '1.5' }), 'zh-CN'));
  assert.deepEqual(split.clauses.map((c) => c.id), ['1', '1.5', '2']);
  assert.equal(split.clauses[1].text, '第二句。');
  const merged = JSON.parse(M.studioEditClauses(JSON.stringify(split.clauses), JSON.stringify({ op: 'merge', at: 0 }), 'zh-CN'));
  assert.equal(merged.clauses[0].text, '第一句。\n第二句。');
  const dup = JSON.parse(M.studioEditClauses(clauses, JSON.stringify({ op: 'renumber', at: 1, id: '1' }), 'en'));
  assert.equal(dup.error.code, 'studio_duplicate_clause_id');
  assert.match(dup.error.message, /“1” is already taken/);
});

test('the built policy loads in the CLI and its decision table is the CLI\'s; an error names the field in words', () => {
  const s = start();
  Object.assign(s.policy, { id: 'studio-wasm-2022', school: '测试学院', ask_whom: { text: '所在学院团总支', clause: '三.1' },
    destinations: { military: { clause: '二.3', route: 'special_unit_pool' } },
    routes: { special_unit_pool: { clause: '二.3', transfers: true, ask_region: false, org: '特殊单位专属库', started_by: '原就读学校团组织', steps: [] } } });
  s.unverified = [];
  const built = JSON.parse(M.studioBuild(JSON.stringify(s), '', 'zh-CN'));
  assert.equal(built.error, null);
  assert.equal(built.finished, true);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'xueshe-studio-')), 'studio-wasm-2022.json');
  writeFileSync(file, built.policy_text);
  const check = spawnSync(cli, ['check-policy', file], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  const tool = new M.StaffTool(built.policy_text, '');
  const table = JSON.parse(tool.table('2022-06-01', 'zh-CN'));
  tool.delete();
  const csv = spawnSync(cli, ['table', '--policy', file, '--today', '2022-06-01', '--format', 'csv'], { encoding: 'utf8' }).stdout;
  // The page's table is grouped by route (staff_view): as many paths as the CLI's rows.
  assert.equal(csv.trimEnd().split('\n').length, table.count + 1);  // and the header
  assert.ok(table.groups.some((g) => g.route == 'special_unit_pool' && g.org == '特殊单位专属库' && g.rows.length));

  s.policy.routes.special_unit_pool.clause = '九.9';
  const bad = JSON.parse(M.studioBuild(JSON.stringify(s), '', 'zh-CN'));
  assert.equal(bad.error.path, 'routes.special_unit_pool.clause');
  assert.equal(bad.error.field, '路线 · special_unit_pool · 依据条款');
  assert.doesNotMatch(bad.error.message, /routes\./);
  assert.equal(M.studioFieldWords('deadlines[1].applies_to', 'en'), 'dates · item 2 · applies to');

  // The member's questionnaire under the built policy (the studio's preview asks it one question at a time): what
  // the CLI's evaluate answers for the same file, question by question up to the outcome.
  const asked = new M.StaffTool(built.policy_text, '');
  try {
    let answers = {};
    // In core's order (issue 13: the dates first).
    for (const [id, value] of [['graduation_date', '2022-06-30'], ['birth_date', '2000-01-01'], ['destination', 'military']]) {
      const ours = JSON.parse(asked.evaluate(JSON.stringify(answers), '2022-06-01', 'zh-CN'));
      const cli_ = spawnSync(cli, ['evaluate', '--policy', file, '--today', '2022-06-01'], { input: JSON.stringify(answers), encoding: 'utf8' });
      assert.deepEqual(ours, JSON.parse(cli_.stdout));
      if (ours.status == 'outcome') break;
      assert.equal(ours.question.id, id);
      answers = { ...answers, [id]: value };
    }
    answers.party_member = false;
    const last = JSON.parse(asked.evaluate(JSON.stringify(answers), '2022-06-01', 'zh-CN'));
    assert.equal(last.status, 'outcome', JSON.stringify(last.question));
    assert.equal(last.route, 'special_unit_pool');
    assert.equal(last.receiving.org, '特殊单位专属库');
    assert.equal(JSON.parse(asked.evaluate('{"destination": "nowhere"}', '2022-06-01', 'en')).error.field, 'destination');
    assert.equal(JSON.parse(asked.evaluate('{}', 'not a day', 'en')).error.code, 'bad_today');
  } finally { asked.delete(); }
});

test('the diff against the base and the built-in base texts', () => {
  assert.match(M.builtinPolicy('cn-league'), /"layer": "national"/);
  assert.equal(M.builtinPolicy('nowhere'), '');
  const d = JSON.parse(M.diffPolicies(M.builtinPolicy('hxci-2022'), M.builtinPolicy('hxci-2022'), '', 'zh-CN'));
  assert.deepEqual([d.values.length, d.clauses.length, d.paths.changed], [0, 0, 0]);
});

test('offers: what the notice and the base give for the empty fields, with clause and words, on the guide opened as base files', () => {
  const bases = JSON.stringify(Object.fromEntries(['zhtj-guide-2022', 'zhtj-guide-pre2022'].map((f) => [f, readFileSync(path.join(root, 'policies', f + '.json'), 'utf8')])));
  const split = JSON.parse(M.splitNotice(seed(), 'zh-CN'));
  const s = JSON.parse(M.studioStart('zhtj-guide-2022', JSON.stringify(split), '2026-12-01', bases, 'zh-CN'));
  const o = JSON.parse(M.studioOffers(JSON.stringify(s), JSON.stringify(split.values), bases, 'zh-CN'));
  const at = (p) => o.offers.find((x) => x.path == p);
  assert.deepEqual(at('school').set, [{ path: 'school', value: '哈尔滨信息工程学院' }]);
  assert.equal(at('rules.classified_as_military').clause, '二.3');
  assert.equal(at('destinations.work_abroad').from, 'zhtj-guide-pre2022');
  assert.match(at('destinations.work_abroad').field, /出国/);
  assert.deepEqual(at('routes.hometown_township_org.clause').unverified, ['routes.hometown_township_org.clause']);
  const deadlines = o.offers.filter((x) => x.add == 'deadlines').map((x) => [x.item.clause, x.item.kind]);
  assert.deepEqual(deadlines, [['三.2', 'apply_by'], ['三.2', 'all_complete_by'], ['三.2③', 'complete_by'], ['三.2④', 'complete_by']]);
  assert.ok(o.steps.special_unit_pool.some((x) => x.key == 'zhtj-guide-pre2022:offline'));
  // Bad base files: the error names them; an unreadable studio file offers nothing.
  assert.ok(JSON.parse(M.studioOffers(JSON.stringify(s), '[]', '{', 'en')).error);
  assert.deepEqual(JSON.parse(M.studioOffers('nonsense', '[]', '', 'en')), { offers: [], steps: {} });
});

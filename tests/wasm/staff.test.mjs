// The staff page's module (xueshe-staff.wasm, the very file the site serves)
// under Node, against the native CLI: the annotated roster byte for byte and
// the summary for every roster fixture, the template, the decision table, a
// draft policy, the column mapping, and errors as values.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, root, site } from './load.mjs';
import { parseCsv } from '../support/csv.mjs';

const TODAY = '2022-07-01';
const rosterDir = path.join(root, 'tests/roster');
const fixtures = readdirSync(rosterDir).filter((f) => f.endsWith('.csv')).sort();
let M;

before(async () => {
  const factory = createRequire(import.meta.url)(path.join(site, 'xueshe-staff.js'));
  M = await factory({ wasmBinary: readFileSync(path.join(site, 'xueshe-staff.wasm')) });
});

function run(args) {
  const r = spawnSync(cli, args, { maxBuffer: 256 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr.toString('utf8') };
}

// What the page does with a file's bytes: valid UTF-8 as it is, else GB18030.
function decoded(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return bytes;
  } catch {
    return new TextEncoder().encode(new TextDecoder('gb18030', { fatal: true }).decode(bytes));
  }
}


function withTool(policyText, fn) {
  const tool = new M.StaffTool(policyText, '');
  try { return fn(tool); } finally { tool.delete(); }
}

test('there are roster fixtures, a GB18030 one among them', () => {
  assert.ok(fixtures.length >= 3, fixtures.join(' '));
  assert.ok(fixtures.includes('gb18030.csv'));
});

for (const name of fixtures) {
  for (const lang of ['zh-CN', 'en']) {
    test(`${name} (${lang}): the annotated roster and the summary are the CLI's, byte for byte`, () => {
      const file = path.join(rosterDir, name);
      const dir = mkdtempSync(path.join(tmpdir(), 'xueshe-staff-'));
      const want = run(['roster', file, '--today', TODAY, '--lang', lang, '--summary', path.join(dir, 's.json')]);
      assert.equal(want.code, 0, want.err);
      const wantSummary = JSON.parse(readFileSync(path.join(dir, 's.json'), 'utf8'));
      withTool('', (tool) => {
        const r = JSON.parse(tool.check(decoded(readFileSync(file)), TODAY, lang, ''));
        assert.equal(r.error, undefined, JSON.stringify(r.error));
        const got = Buffer.from(tool.annotated().slice());
        assert.ok(got.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 with BOM');
        if (!got.equals(want.out)) {
          const a = got.toString('utf8').split('\r\n'), b = want.out.toString('utf8').split('\r\n');
          for (let i = 0; i < Math.max(a.length, b.length); i++) assert.equal(a[i], b[i], `line ${i + 1} of the output`);
        }
        assert.ok(got.equals(want.out));
        // The page's export: the same bytes handed over in pieces (each a view valid only during the call).
        const parts = [];
        const total = tool.annotatedParts((piece) => parts.push(Buffer.from(piece.slice())));
        assert.ok(parts.length >= 1 && total == want.out.length);
        assert.ok(Buffer.concat(parts).equals(want.out), 'annotatedParts: the CLI\'s bytes');
        delete wantSummary.file.encoding;  // the page decodes and says how itself
        assert.deepEqual(r.summary, wantSummary);
        // Every row is selectable and shown, with its line, none dropped.
        assert.equal(tool.select(''), wantSummary.rows);
        const rows = JSON.parse(tool.rows(0, 100000));
        assert.equal(rows.length, wantSummary.rows);
        const withErrors = rows.filter((x) => x.errors.length).length;
        assert.equal(withErrors, wantSummary.rows_with_errors);
      });
    });
  }
}

test('mixed.csv: rows carry their cells as read, lines, errors; filters select what they say', () => {
  withTool('', (tool) => {
    const r = JSON.parse(tool.check(readFileSync(path.join(rosterDir, 'mixed.csv')), TODAY, 'zh-CN', ''));
    const s = r.summary;
    const rows = JSON.parse(tool.rows(0, 1000));
    assert.deepEqual(rows.map((x) => x.line), [2, 3, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19]);
    const col = (h) => s.columns.findIndex((c) => c.header === h);
    assert.equal(rows[0].cells[col('姓名')], '张三, Jr.');
    assert.equal(rows[1].cells[col('备注')], '第一行\r\n第二行');
    assert.equal(rows[0].duplicate.student_id, '2022001');
    assert.deepEqual(rows[0].duplicate.lines, [2, 7]);
    assert.equal(rows[4].errors[0].code, 'unknown_value');
    assert.equal(rows[4].errors[0].column, '去向');
    assert.equal(rows[14].errors[0].code, 'csv_unterminated_quote');
    assert.equal(tool.select(JSON.stringify({ errors: true })), s.rows_with_errors);
    assert.equal(tool.select(JSON.stringify({ duplicates: true })), s.duplicates.rows);
    for (const [route, n] of Object.entries(s.routes))
      assert.equal(tool.select(JSON.stringify({ route })), n, route);
    for (const [state, n] of Object.entries(s.most_urgent))
      assert.equal(tool.select(JSON.stringify({ state })), n, state);
    assert.equal(tool.select(JSON.stringify({ text: '2022001' })), 2);
    assert.equal(tool.select(JSON.stringify({ text: '张三' })), 1);
    assert.equal(tool.select(JSON.stringify({ route: 'employer_org', duplicates: true })), 1);
    const one = JSON.parse(tool.rows(0, 10));
    assert.equal(one.length, 1);
    assert.equal(one[0].route, 'employer_org');
  });
});

test('practise checks a made-up roster and leaves the roster last checked, its selection and export as they were', () => {
  withTool('', (tool) => {
    const bytes = readFileSync(path.join(rosterDir, 'mixed.csv'));
    tool.check(bytes, TODAY, 'zh-CN', '');
    const routed = tool.select(JSON.stringify({ route: 'employer_org' }));
    const shown = tool.rows(0, 1000);
    const exported = Buffer.from(tool.annotated()).toString('utf8');
    tool.practise(TODAY, 1000);
    tool.practise('not a date', 1000);  // a date the field does not hold yet: nothing, quietly
    tool.practise(TODAY, 0);
    assert.equal(tool.rows(0, 1000), shown);
    assert.equal(tool.select(JSON.stringify({ route: 'employer_org' })), routed);
    assert.equal(Buffer.from(tool.annotated()).toString('utf8'), exported);
    assert.equal(Buffer.from(tool.annotated()).toString('utf8'), run(['roster', path.join(rosterDir, 'mixed.csv'), '--today', TODAY]).out.toString('utf8'));
  });
});

test('warmHeap grows the heap by what it is asked, writes it once and hands it back; a check after it is as before', () => {
  withTool('', (tool) => {
    const bytes = readFileSync(path.join(rosterDir, 'mixed.csv'));
    tool.check(bytes, TODAY, 'zh-CN', '');
    const before = Buffer.from(tool.annotated()).toString('utf8');
    const size = M.HEAPU8.length;
    const mb = (size >> 20) + 32;  // more than the whole memory holds now
    assert.equal(M.warmHeap(mb), true);
    assert.ok(M.HEAPU8.length >= mb << 20, `the memory holds ${mb} MiB in one block now: ${size} → ${M.HEAPU8.length}`);
    const grown = M.HEAPU8.length;
    // Handed back: the allocator gives the same memory out again, so warming as much again does not grow it.
    assert.equal(M.warmHeap(mb), true);
    assert.equal(M.HEAPU8.length, grown);
    // More than a module's memory can ever hold, nothing or less than nothing: false, quietly, and nothing breaks.
    assert.equal(M.warmHeap(3000), false);  // a 32-bit module's memory is 2 GiB at the most (Emscripten's default)
    assert.equal(M.warmHeap(8192), false);  // beyond even a 32-bit size
    assert.equal(M.warmHeap(0), false);
    assert.equal(M.warmHeap(-5), false);
    tool.check(bytes, TODAY, 'zh-CN', '');
    assert.equal(Buffer.from(tool.annotated()).toString('utf8'), before);
  });
});

test('the column mapping: a roster whose headers name nothing is checked once its columns are given', () => {
  const text = new TextEncoder().encode('编号,毕业后,状态\r\n1,延迟毕业,已完成\r\n2,火星,未完成\r\n');
  withTool('', (tool) => {
    const bad = JSON.parse(tool.check(text, TODAY, 'zh-CN', ''));
    assert.equal(bad.error.code, 'roster_no_destination_column');
    assert.deepEqual(bad.columns.map((c) => c.header), ['编号', '毕业后', '状态']);
    assert.deepEqual(bad.columns.map((c) => c.column), [null, null, null]);
    assert.ok(bad.column_choices.some((c) => c.id === 'destination' && c.name === '去向'));
    const ok = JSON.parse(tool.check(text, TODAY, 'zh-CN', JSON.stringify(['student_id', 'destination', 'status'])));
    assert.equal(ok.error, undefined);
    assert.deepEqual(ok.summary.columns.map((c) => c.column), ['student_id', 'destination', 'status']);
    assert.equal(ok.summary.routes.delayed_graduation_org, 1);
    assert.equal(ok.summary.rows_with_errors, 1);
    // null: as the header names it; "" kept as it is.
    const partial = JSON.parse(tool.check(text, TODAY, 'en', JSON.stringify([null, 'destination', ''])));
    assert.deepEqual(partial.summary.columns.map((c) => c.column), [null, 'destination', null]);
    assert.equal(partial.summary.completion, null);
    const dup = JSON.parse(tool.check(text, TODAY, 'en', JSON.stringify(['destination', 'destination'])));
    assert.equal(dup.error.code, 'roster_duplicate_column');
    const unknown = JSON.parse(tool.check(text, TODAY, 'en', JSON.stringify(['nonsense'])));
    assert.equal(unknown.error.code, 'roster_unknown_column');
    assert.match(unknown.error.message, /column 1 cannot be “nonsense”/);
    const far = JSON.parse(tool.check(text, TODAY, 'en', JSON.stringify([null, null, null, 'name'])));
    assert.equal(far.error.code, 'roster_column_out_of_range');
    const notJson = JSON.parse(tool.check(text, TODAY, 'en', '{'));
    assert.equal(notJson.error.code, 'malformed_json');
    assert.equal(notJson.error.field, 'columns');
    const wrong = JSON.parse(tool.check(text, TODAY, 'en', '[1]'));
    assert.equal(wrong.error.field, 'columns[0]');
  });
});

test('errors are values: bad date, language, bytes, policy — and the module keeps working', () => {
  withTool('', (tool) => {
    const bytes = readFileSync(path.join(rosterDir, 'mixed.csv'));
    assert.equal(JSON.parse(tool.check(bytes, '2022-02-30', 'zh-CN', '')).error.code, 'bad_today');
    assert.equal(JSON.parse(tool.check(bytes, TODAY, 'fr', '')).error.code, 'bad_lang');
    const gb = readFileSync(path.join(rosterDir, 'gb18030.csv'));
    const e = JSON.parse(tool.check(gb, TODAY, 'en', '')).error;
    assert.equal(e.code, 'roster_invalid_utf8');
    assert.match(e.message, /line 1/);
    assert.equal(JSON.parse(tool.check(new Uint8Array(), TODAY, 'en', '')).error.code, 'roster_empty');
    const notText = JSON.parse(tool.check(42, TODAY, 'en', '')).error;
    assert.deepEqual([notText.code, notText.field], ['wrong_type', 'roster']);
    assert.equal(tool.select(''), 0);
    assert.equal(tool.rows(0, 10), '[]');
    assert.equal(tool.annotated().length, 0);
    // A string works as well as bytes.
    assert.equal(JSON.parse(tool.check('去向\n延迟毕业\n', TODAY, 'en', '')).summary.routes.delayed_graduation_org, 1);
    assert.equal(JSON.parse(tool.check(bytes, TODAY, 'zh-CN', '')).summary.rows, 15);
  });
  withTool('{"not": "a policy"}', (tool) => {
    const p = JSON.parse(tool.policy('en'));
    assert.ok(p.error.code && p.error.message, JSON.stringify(p));
    assert.equal(JSON.parse(tool.check(readFileSync(path.join(rosterDir, 'mixed.csv')), TODAY, 'en', '')).error.code, p.error.code);
    assert.equal(JSON.parse(tool.table(TODAY, 'en')).error.code, p.error.code);
    assert.equal(tool.templateCsv('en').length, 0);
  });
  const body = JSON.parse(M.rosterError('roster_undecodable', 'encoding', JSON.stringify({ encoding: 'GB18030', line: '3' }), 'zh-CN'));
  assert.equal(body.error.message, '名单无法按 GB18030 解码（第 3 行附近）。请确认文件的编码。');
});

test('bytes that are not UTF-8: utf-8 names the line of the first, auto the later of that and GB18030\'s', () => {
  withTool('', (tool) => {
    const error = (bytes, encoding) => JSON.parse(tool.checkAs(bytes, encoding, TODAY, 'en', '')).error;
    const latin1 = (s) => Buffer.from(s, 'latin1');
    assert.equal(error(Buffer.from('学号,去向\r\n1,已就业\r\n', 'utf8'), 'utf-8'), undefined);
    assert.match(error(latin1('a\nb\nc\xff\n'), 'utf-8').message, /near line 3\)/);
    assert.match(error(latin1('\xe5\xad\n'), 'utf-8').message, /near line 1\)/, 'a cut-off character');
    const many = Buffer.concat([Buffer.from('行\r\n'.repeat(799), 'utf8'), Buffer.from([0xc3, 0x28])]);
    assert.equal(error(many, 'utf-8').code, 'roster_invalid_utf8');
    assert.match(error(many, 'utf-8').message, /near line 800\)/);
    // auto: GB18030 stops on line 1 (行 in UTF-8 is no GB18030), UTF-8 on line 800: line 800.
    const both = Buffer.concat([many, Buffer.from([0xff])]);
    assert.equal(error(both, 'auto').code, 'roster_undecodable');
    assert.match(error(both, 'auto').message, /UTF-8 \/ GB18030 \(near line 800\)/);
  });
});

test('the template is the CLI\'s, byte for byte, in both languages', () => {
  withTool('', (tool) => {
    for (const lang of ['zh-CN', 'en']) {
      const want = run(['roster', '--template', '--lang', lang]);
      assert.ok(Buffer.from(tool.templateCsv(lang).slice()).equals(want.out), lang);
    }
  });
});

test('a draft policy loads, with its unverified values and the banner; the decision table matches the CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xueshe-staff-'));
  const draft = path.join(dir, 'draft.json');
  const made = run(['policy', 'draft', '--from', 'hxci-2022', '--cohort', '2026', '-o', draft]);
  assert.equal(made.code, 0, made.err);
  const text = readFileSync(draft, 'utf8');
  const unverified = JSON.parse(text).unverified;
  assert.ok(unverified.length > 5);
  for (const [policyText, policyArg, cohort] of [['', [], 2022], [text, ['--policy', draft], 2026]]) {
    withTool(policyText, (tool) => {
      const p = JSON.parse(tool.policy('zh-CN'));
      assert.equal(p.cohort, cohort);
      assert.deepEqual(p.unverified, policyText ? unverified : []);
      if (policyText) assert.match(p.banner, new RegExp(`有 ${unverified.length} 个值尚未与通知核对`));
      else assert.equal(p.banner, undefined);
      const table = JSON.parse(tool.table(TODAY, 'zh-CN'));
      const csv = run(['table', '--format', 'csv', '--today', TODAY, ...policyArg]);
      assert.equal(csv.code, 0, csv.err);
      const [head, ...rows] = parseCsv(csv.out.toString('utf8'));
      // Grouped by route (staff_view): compared with the CLI in the paths' own order (number).
      const paths = table.groups.flatMap((g) => g.rows.map((r) => ({ ...r, route: g.route }))).sort((a, b) => a.number - b.number);
      assert.equal(table.count, rows.length);
      assert.equal(paths.length, rows.length);
      const routeCol = head.indexOf('路线');
      assert.deepEqual(paths.map((r) => r.route), rows.map((l) => l[routeCol]));
      assert.deepEqual(paths.map((r) => r.org), rows.map((l) => l[routeCol + 1]));
      assert.deepEqual(table.fields.map((f) => table.field_names[f]), head.slice(1, 1 + table.fields.length));
      assert.deepEqual(paths.map((r) => table.fields.map((f) => r.answers.find((a) => a.field == f)?.word ?? '')),
        rows.map((l) => l.slice(1, 1 + table.fields.length)));
    });
  }
});

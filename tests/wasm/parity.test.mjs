// Native and wasm agree exactly beyond the scenario files: on every path of
// every policy, in both languages, and on bad input of every kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadModules, policyText, root, runCli, cliJson, basesFor, openPolicy, site, wasmFile, policyWasmFile } from './load.mjs';

const modules = await loadModules();
const m = modules['zh-CN'];
// The built-in policy, the two test policies, and every school's layered policy in policies/ (on its bases).
const schools = readdirSync(path.join(root, 'policies')).filter((f) => f != 'hxci-2022.json' &&
  JSON.parse(readFileSync(path.join(root, 'policies', f), 'utf8')).layer == 'school').map((f) => 'policies/' + f);
const policies = ['hxci-2022', 'tests/policies/example-2025-12m.json', 'tests/policies/example-2024-0m.json', ...schools];

for (const policy of policies) {
  for (const lang of ['zh-CN', 'en']) {
    test(`every path of ${policy} (${lang}) gives the same bytes natively and in wasm`, () => {
      const args = ['paths', '--today', '2022-08-20', '--lang', lang];
      if (policy !== 'hxci-2022') args.push('--policy', path.join(root, policy));
      const r = runCli(args, '');
      assert.equal(r.code, 0);
      const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
      assert.ok(lines.length >= 15);
      const e = openPolicy(modules[lang], policyText(policy), basesFor(policy));
      for (const line of lines) {
        const answers = JSON.stringify(line.answers);
        const wasm = JSON.parse(e.evaluate(answers, '2022-08-20', lang));
        assert.deepEqual(wasm, line.result, answers);
        // The question module on its own: the same result where it is a plain question; where it is an outcome or
        // options side by side, the same result without them and marked for the take-away module.
        const own = JSON.parse(e.questions(answers, '2022-08-20', lang));
        const full = line.result;
        if (full.status == 'outcome' || full.question?.compare) {
          const { needs_outcome_module, ...rest } = own;
          assert.equal(needs_outcome_module, true, answers);
          const expected = { ...full };
          if (full.status == 'outcome')
            for (const k of Object.keys(full)) if (!['status', 'answered', 'policy', 'cohort_misfit', 'today', 'lang'].includes(k)) delete expected[k];
          if (full.question?.compare) {
            expected.question = { ...full.question };
            delete expected.question.compare;
          }
          assert.deepEqual(rest, expected, answers);
          assert.ok(!('route' in own) && !('deadlines' in own) && !('steps' in own), answers);
        } else {
          assert.deepEqual(own, full, answers);
        }
      }
      e.delete();
    });
  }
}

const bad = [
  '', ' \n', '{"destination":', '[1]', '"x"', '{"destinaton":"employed"}', '{"destination":"astronaut"}',
  '{"destination":3}', '{"destination":null}', '{"destination":"employed","destination":"military"}',
  '{"graduation_date":"2022-02-30"}', '{"graduation_date":"22/6/30"}', '{"departure_date":"2022-08-31x"}',
  '{"destination":"study_abroad","graduation_date":"2022-07-01","departure_date":"2022-06-30"}',
  '{"destination":"' + 'x'.repeat(20000) + '"}', '['.repeat(40) + ']'.repeat(40),
  '{"destination":"<script>alert(1)</script>"}',
];

test('bad input: the same error object natively and in wasm, never an abort', () => {
  const engines = { 'zh-CN': openPolicy(modules['zh-CN'], '', ''), en: openPolicy(modules.en, '', '') };
  for (const input of bad) {
    for (const lang of ['zh-CN', 'en']) {
      const wasm = engines[lang].evaluate(input, '2022-07-01', lang);
      const native = runCli(['evaluate', '--today', '2022-07-01', '--lang', lang], input);
      assert.equal(native.code, 2, input.slice(0, 60));
      assert.equal(wasm, cliJson(native), input.slice(0, 60));
      assert.ok(JSON.parse(wasm).error.message.length > 0);
    }
  }
  // Invalid UTF-8 cannot be passed as a JS string; the modules are still alive after all of the above.
  for (const lang of ['zh-CN', 'en']) {
    assert.equal(JSON.parse(engines[lang].evaluate('{}', '2022-07-01', lang)).status, 'question');
    engines[lang].delete();
  }
});

test('bad today and bad language come back as errors naming the field', () => {
  const e = openPolicy(m, '', '');
  assert.equal(JSON.parse(e.evaluate('{}', '2022-02-30', 'zh-CN')).error.field, 'today');
  assert.equal(JSON.parse(e.evaluate('{}', '2022-07-01', 'fr')).error.field, 'lang');
  // The zh-CN module does not carry English: asking it for English is an error, not a guess.
  assert.equal(JSON.parse(e.evaluate('{}', '2022-07-01', 'en')).error.code, 'bad_lang');
  e.delete();
});

test('each page module carries exactly its language', () => {
  const merged = (M, l) => Object.assign({}, ...JSON.parse(M.catalog(l)));  // as the page merges the parts
  for (const kind of ['builtin', 'policy']) {
    assert.equal(merged(modules['zh-CN'][kind], 'zh-CN')['bool.true'], '是', kind);
    assert.equal(merged(modules.en[kind], 'en')['bool.true'], 'Yes', kind);
    assert.equal(merged(modules.en[kind], 'zh-CN')['bool.true'], 'Yes', kind);  // falls back to what it has
    assert.deepEqual(JSON.parse(modules['zh-CN'][kind].catalog('zh-CN')), JSON.parse(modules['zh-CN'].builtin.catalog('zh-CN')));
  }
});

test('each page module holds the built-in policies in its own language, under the published file\'s hash', () => {
  // The CLI carries the files as published; each page module a one-language copy (wasm/embed-one-language.mjs).
  const native = JSON.parse(cliJson(runCli(['evaluate', '--today', '2022-07-01'], '{}'))).policy;
  for (const lang of ['zh-CN', 'en']) {
    const e = openPolicy(modules[lang], '', '');
    const policy = JSON.parse(e.evaluate('{}', '2022-07-01', lang)).policy;
    assert.equal(policy.hash, native.hash, lang);  // FNV-1a over each layer's published bytes
    e.delete();
  }
  // A school's file may carry only the module's language; the CLI (every language) and the other module refuse it, naming the path.
  const zhOnly = JSON.parse(readFileSync(path.join(root, 'tests/policies/example-2025-12m.json'), 'utf8'));
  const strip = (v) => Array.isArray(v) ? v.map(strip) : v && typeof v == 'object'
    ? ('zh-CN' in v && 'en' in v && Object.keys(v).length == 2 ? { 'zh-CN': v['zh-CN'] } : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)])))
    : v;
  const text = JSON.stringify(strip(zhOnly));
  const zh = openPolicy(modules['zh-CN'], text, '');
  assert.equal(zh.error('zh-CN'), '');
  zh.delete();
  const en = openPolicy(modules.en, text, '');
  const err = JSON.parse(en.error('en')).error;
  assert.equal(err.code, 'policy_missing_key');
  assert.match(err.field, /\.en$/);
  en.delete();
});

test('a broken policy is an error value with its JSON path, in both languages', () => {
  const broken = openPolicy(m, policyText('tests/policies/broken/impossible-date.json'), '');
  const err = JSON.parse(broken.error('en')).error;
  assert.equal(err.code, 'policy_invalid_date');
  assert.equal(err.field, 'deadlines[1].date');
  assert.equal(JSON.parse(broken.evaluate('{}', '2022-07-01', 'zh-CN')).error.field, 'deadlines[1].date');
  broken.delete();
});

test('a layered policy without its bases: the core names each missing base in turn, as the page fetches them', () => {
  assert.ok(schools.length >= 4, schools.join(' '));
  // The school's file alone in a folder: the CLI's error is the module's, byte for byte.
  const dir = mkdtempSync(path.join(tmpdir(), 'xueshe-layers-'));
  copyFileSync(path.join(root, 'policies/scut-marxism-2025.json'), path.join(dir, 'scut-marxism-2025.json'));
  const text = policyText('policies/scut-marxism-2025.json'), bases = {}, asked = [];
  for (const lang of ['zh-CN', 'en']) {
    const native = runCli(['evaluate', '--policy', path.join(dir, 'scut-marxism-2025.json'), '--lang', lang, '--today', '2025-06-19'], '{}');
    assert.equal(native.code, 2);
    const e = openPolicy(modules[lang], text, '');
    assert.equal(e.error(lang), cliJson(native));
    e.delete();
  }
  // What the page does: add the base the error names, and build the engine again, until it loads.
  for (;;) {
    const e = openPolicy(m, text, Object.keys(bases).length ? JSON.stringify(bases) : '');
    const err = e.error('zh-CN') && JSON.parse(e.error('zh-CN')).error;
    e.delete();
    if (!err) break;
    assert.equal(err.code, 'policy_missing_base', err.message);
    assert.ok(!(err.missing in bases) && asked.length < 8, asked.join(' '));
    assert.equal(err.policy, asked.length ? asked[asked.length - 1] : 'scut-marxism-2025', 'names the file that extends it');
    asked.push(err.missing);
    bases[err.missing] = policyText(`policies/${err.missing}.json`);
  }
  assert.deepEqual(asked, ['guangdong', 'zhtj-guide-2022', 'zhtj-guide-pre2022']);
});

// The page's first load carries the built-in policy in a compact form (policy_binary.hpp) instead of the
// policy loader; the policy modules read it from its files. Both must be the same policy.
test('the built-in policy: the first-load module and the policy module ask the same questions on every path, both languages', () => {
  for (const lang of ['zh-CN', 'en']) {
    for (const today of ['2022-05-01', '2022-08-20', '2023-03-01']) {
      const r = runCli(['paths', '--today', today, '--lang', lang], '');
      assert.equal(r.code, 0);
      const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
      assert.ok(lines.length >= 15);
      const compact = openPolicy(modules[lang].builtin, '', ''), files = openPolicy(modules[lang].policy, '', '');
      let steps = 0;
      for (const line of lines) {
        // Every prefix of the path's answers: each question on the way, and where it ends.
        const entries = Object.entries(line.answers);
        for (let n = 0; n <= entries.length; n++, steps++) {
          const answers = JSON.stringify(Object.fromEntries(entries.slice(0, n)));
          assert.equal(compact.questions(answers, today, lang), files.questions(answers, today, lang), `${lang} ${today} ${answers}`);
        }
      }
      assert.ok(steps > lines.length * 2);
      compact.delete();
      files.delete();
    }
  }
});

test('the first-load module refuses a policy file, saying which module reads one; it carries no policy reader', () => {
  for (const lang of ['zh-CN', 'en']) {
    const e = openPolicy(modules[lang].builtin, policyText('tests/policies/example-2025-12m.json'), '');
    const err = JSON.parse(e.error(lang)).error;
    assert.equal(err.code, 'policy_needs_policy_module');
    assert.equal(err.field, 'policy');
    assert.match(err.message, /xueshe-policy\.wasm/);
    e.delete();
    // Without the loader and its JSON reader the module is much smaller (measured: ≈ 59 KB against ≈ 78 KB gz).
    const gz = (f) => gzipSync(readFileSync(path.join(site, f)), { level: 9 }).length;
    assert.ok(gz(wasmFile[lang]) < gz(policyWasmFile[lang]) - 12000, `${gz(wasmFile[lang])} vs ${gz(policyWasmFile[lang])}`);
  }
});

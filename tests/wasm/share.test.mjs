// Share links through the shipped take-away module (what the page calls before copying) and the native CLI: for every
// scenario the shared answers hold no birth date, and the CLI and wasm give them the scenario's own outcome — the same
// route, deadlines, steps, clauses and warnings (the one that named the 28th birthday, without it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cliJson, enginesFor, root, runCli, scenarioDir, scenarioFiles, loadModules, loadTakeaway, site, policyText, basesFor } from './load.mjs';
import { checkExpectation } from './expect.mjs';

const dir = scenarioDir;
const files = scenarioFiles();
const engineFor = enginesFor(await loadModules());
// Built for the web like the page's modules: given the bytes (see load.mjs).
const takeaway = await loadTakeaway();

// A result with what the shared answers may change taken out: the answers summary, the birthday in one warning.
const comparable = (r) => ({ ...r, answered: undefined,
  warnings: r.warnings?.map((w) => (w.code == 'age_limit_before_deadline' ? { ...w, text: '' } : w)) });

let banded = 0;
for (const file of files) {
  const s = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  test(`shared: ${file}`, () => {
    const lang = s.lang || 'zh-CN', today = s.today || '2022-07-01';
    const engine = engineFor(s.policy, lang);
    const shared = JSON.parse(takeaway.share(policyText(s.policy), basesFor(s.policy), JSON.stringify(s.answers), today, lang));
    if (s.expect.error) return assert.equal(shared.error?.code, s.expect.error.code);
    const text = JSON.stringify(shared.answers);
    assert.ok(!('birth_date' in shared.answers), text);
    if (s.answers.birth_date) {
      const birth = JSON.parse(engine.evaluate(JSON.stringify(s.answers), today, lang)).answered.find((x) => x.id == 'birth_date').value;
      assert.ok(!text.includes(birth) && !text.includes(s.answers.birth_date), text);
      assert.ok(!JSON.stringify(shared).includes(birth), 'nor anywhere in what the page is told');
      banded += 'age_band' in shared.answers;
    }
    // What the page lists is exactly what the link carries.
    assert.deepEqual(shared.contains.map((x) => x.id).sort(), Object.keys(shared.answers).sort());
    const args = ['evaluate', '--today', today, '--lang', lang];
    if (s.policy && s.policy !== 'hxci-2022') args.push('--policy', path.join(root, s.policy));
    const native = runCli(args, text);
    assert.equal(native.code, 0, native.out);
    const wasm = engine.evaluate(text, today, lang);
    assert.equal(wasm, cliJson(native), 'wasm and native read the shared answers alike');
    const again = JSON.parse(wasm), original = JSON.parse(engine.evaluate(JSON.stringify(s.answers), today, lang));
    if (shared.left_out.length) return assert.equal(again.question.id, 'birth_date');
    checkExpectation(s.expect, again);
    assert.deepEqual(comparable(again), comparable(original));
  });
}

test('most scenarios carry the age answer in place of the birth date', () => assert.ok(banded > 100, `${banded}`));

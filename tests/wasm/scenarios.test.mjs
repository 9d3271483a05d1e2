// Every scenario file of tests/scenarios/ through the shipped wasm module: the
// expectation holds, and the result is byte-for-byte the native CLI's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cliJson, enginesFor, root, runCli, scenarioDir, scenarioFiles, loadModules } from './load.mjs';
import { checkExpectation } from './expect.mjs';

const dir = scenarioDir;
const files = scenarioFiles();
const engineFor = enginesFor(await loadModules());

test('there are scenario files', () => assert.ok(files.length >= 40, `${files.length} files`));

for (const file of files) {
  const s = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  test(`${file}: ${s.name}`, () => {
    const lang = s.lang || 'zh-CN';
    const answers = JSON.stringify(s.answers);
    const wasm = engineFor(s.policy, lang).evaluate(answers, s.today, lang);
    checkExpectation(s.expect, JSON.parse(wasm));

    const args = ['evaluate', '--today', s.today, '--lang', lang];
    if (s.policy && s.policy !== 'hxci-2022') args.push('--policy', path.join(root, s.policy));
    const native = runCli(args, answers);
    assert.equal(wasm, cliJson(native), 'wasm and native results are identical');
  });
}

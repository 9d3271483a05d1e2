// The policy studio's split in the staff module (xueshe-staff.wasm) under
// Node, against `xueshe policy split`: every notice in tests/notices/ as
// pasted text and as a file's bytes, both languages, and the hostile inputs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { cli, root, site } from './load.mjs';

const dir = path.join(root, 'tests/notices');
const notices = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
let M;

before(async () => {
  const factory = createRequire(import.meta.url)(path.join(site, 'xueshe-staff.js'));
  M = await factory({ wasmBinary: readFileSync(path.join(site, 'xueshe-staff.wasm')) });
});

function split(input, lang) {
  const r = spawnSync(cli, ['policy', 'split', '-', '--lang', lang], { input, maxBuffer: 64 << 20 });
  return { code: r.status, body: JSON.parse(r.stdout.toString('utf8')) };
}

test('every notice: the same clauses, values and notes as the CLI, pasted or from a file, in both languages', () => {
  assert.ok(notices.length >= 9);
  for (const name of notices) {
    const bytes = readFileSync(path.join(dir, name));
    for (const lang of ['zh-CN', 'en']) {
      const native = split(bytes, lang);
      assert.equal(native.code, 0, name);
      assert.deepEqual(JSON.parse(M.splitNotice(new Uint8Array(bytes), lang)), native.body, `${name} ${lang} bytes`);
      assert.deepEqual(JSON.parse(M.splitNotice(bytes.toString('utf8'), lang)), native.body, `${name} ${lang} text`);
    }
  }
});

test('the seed notice: 三.2 with ①–④ and its dates', () => {
  const body = JSON.parse(M.splitNotice(readFileSync(path.join(dir, '00-hxci-2022.txt'), 'utf8'), 'zh-CN'));
  const ids = body.clauses.map((c) => c.id);
  for (const id of ['二.1', '二.8', '三.1', '三.2', '三.2①', '三.2②', '三.2③', '三.2④']) assert.ok(ids.includes(id), id);
  const dates = body.values.filter((v) => v.kind === 'date').map((v) => `${v.value} ${v.clause}`);
  for (const d of ['2022-05-30 三.1', '2022-08-31 三.2', '2022-10-31 三.2', '2022-08-31 三.2③', '2022-10-01 三.2④'])
    assert.ok(dates.includes(d), d);
});

test('hostile input: invalid UTF-8, over 1 MB, empty, not text: errors as values, as the CLI gives them', () => {
  const gbk = Uint8Array.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xd4, 0xf2, 0x0a]);
  for (const lang of ['zh-CN', 'en']) {
    assert.deepEqual(JSON.parse(M.splitNotice(gbk, lang)), split(Buffer.from(gbk), lang).body);
    const big = new Uint8Array(1024 * 1024 + 1).fill(0x61);
    const e = JSON.parse(M.splitNotice(big, lang));
    assert.equal(e.error.code, 'notice_too_large');
    assert.deepEqual(e, split(Buffer.from(big), lang).body);
    assert.equal(JSON.parse(M.splitNotice('a'.repeat(1024 * 1024 + 1), lang)).error.code, 'notice_too_large');
    assert.equal(JSON.parse(M.splitNotice('\n \n', lang)).error.code, 'notice_empty');
    assert.equal(JSON.parse(M.splitNotice(42, lang)).error.field, 'notice');
  }
  const html = JSON.parse(M.splitNotice('<p>一、总则</p>\n<img src=x onerror=alert(1)>', 'zh-CN'));
  assert.equal(html.clauses[0].text, '<img src=x onerror=alert(1)>');
  assert.equal(html.notes[0].code, 'no_numbering');
});

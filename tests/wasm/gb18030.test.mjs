// The staff module reads GB18030 rosters itself (checkAs; core's gb18030.hpp):
// every code reads as the browser's TextDecoder('gb18030') reads it (Node's
// and Chromium's agree), and auto picks GB18030 for bytes that are not UTF-8.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { site } from './load.mjs';

const TODAY = '2022-07-01';
let M;

before(async () => {
  const factory = createRequire(import.meta.url)(path.join(site, 'xueshe-staff.js'));
  M = await factory({ wasmBinary: readFileSync(path.join(site, 'xueshe-staff.wasm')) });
});

function withTool(fn) {
  const tool = new M.StaffTool('', '');
  try { return fn(tool); } finally { tool.delete(); }
}

// Every GB18030 code but ASCII: 0x80, the 23,940 two-byte codes, the 39,420 four-byte codes up to U+FFFF and a few
// beyond it, as byte sequences.
function everyCode() {
  const codes = [[0x80]];
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) codes.push([lead, trail]);
  const four = (p) => [0x81 + Math.floor(p / 12600), 0x30 + (Math.floor(p / 1260) % 10), 0x81 + (Math.floor(p / 10) % 126), 0x30 + (p % 10)];
  for (let p = 0; p <= 39419; p++) codes.push(four(p));
  for (const p of [189000, 189001, 189000 + 0x10000, 1237575]) codes.push(four(p));  // U+10000, U+10001, U+20000, U+10FFFF
  return codes;
}

// A roster whose 备注 column holds them, 100 codes a row, in GB18030 bytes.
function rosterOf(codes) {
  const ascii = (s) => [...Buffer.from(s, 'latin1')];
  const header = '学号,姓名,学院,去向,毕业日期,出生日期,是否党员,是否担任团内职务,是否自主创业,是否涉密单位,是否公务员,' +
    '单位是否有团组织,青年之家是否有团组织,升学层次,入学日期,新学校团组织是否已建立,未就业安排,转往地依据,出国类别,出国日期,接收地区,转接状态,备注';
  // The Chinese cells in GB18030, from the two-byte codes' own table: TextDecoder has no encoder, so they are found by decoding.
  const table = new Map();
  const d = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) table.set(d.decode(new Uint8Array([lead, trail])), [lead, trail]);
  const encode = (s) => [...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? ascii(ch) : table.get(ch)));
  const bytes = [...encode(header), 13, 10];
  for (let i = 0; i * 100 < codes.length; i++) {
    bytes.push(...encode(`${2022000000 + i},学生,信息工程学院,已就业,2022-06-30,2000-03-15,否,,否,否,否,是,,,,,,,,,其他,未完成,`));
    for (const c of codes.slice(i * 100, (i + 1) * 100)) bytes.push(...c);
    bytes.push(13, 10);
  }
  return new Uint8Array(bytes);
}

test('every GB18030 code reads as TextDecoder reads it: the roster checked from GB18030 is the roster checked from its UTF-8', () => {
  const gbBytes = rosterOf(everyCode());
  const utf8Bytes = new TextEncoder().encode(new TextDecoder('gb18030', { fatal: true }).decode(gbBytes));
  withTool((tool) => {
    const fromUtf8 = JSON.parse(tool.check(utf8Bytes, TODAY, 'zh-CN', ''));
    assert.equal(fromUtf8.error, undefined);
    const expected = Buffer.from(tool.annotated());
    for (const encoding of ['gb18030', 'auto']) {
      const r = JSON.parse(tool.checkAs(gbBytes, encoding, TODAY, 'zh-CN', ''));
      assert.equal(r.error, undefined, encoding);
      assert.equal(r.encoding, 'gb18030');
      assert.equal(r.summary.rows, fromUtf8.summary.rows);
      assert.ok(Buffer.from(tool.annotated()).equals(expected), `${encoding}: the annotated roster is the UTF-8 roster's, byte for byte`);
    }
    // UTF-8 bytes in auto: read as they are.
    assert.equal(JSON.parse(tool.checkAs(utf8Bytes, 'auto', TODAY, 'zh-CN', '')).encoding, 'utf-8');
    assert.ok(Buffer.from(tool.annotated()).equals(expected));
  });
});

test('bytes that start no GB18030 code: refused naming their line; utf-8 refuses GB18030; an unknown encoding is named', () => {
  const good = rosterOf([[0xd6, 0xd0]]);
  const lines = (bytes) => bytes.filter((b) => b === 10).length;
  withTool((tool) => {
    for (const [bad, what] of [[[0xff], '0xFF'], [[0x81, 0x7f], 'a lead byte before 0x7F'], [[0x84, 0x31, 0xa5, 0x30], 'a four-byte code past U+FFFF below the supplementary planes']]) {
      const bytes = new Uint8Array([...good, ...Buffer.from('2022009999,'), ...bad, 13, 10]);
      const r = JSON.parse(tool.checkAs(bytes, 'gb18030', TODAY, 'zh-CN', ''));
      assert.equal(r.error?.code, 'roster_undecodable', what);
      assert.match(r.error.message, new RegExp(`第 ?${lines(good) + 1} ?行`), what);
    }
    const r = JSON.parse(tool.checkAs(good, 'utf-8', TODAY, 'zh-CN', ''));
    assert.equal(r.error?.code, 'roster_invalid_utf8');
    const e = JSON.parse(tool.checkAs(good, 'latin-1', TODAY, 'en', ''));
    assert.equal(e.error?.code, 'unknown_value');
    assert.equal(e.error.field, 'encoding');
    assert.match(e.error.message, /latin-1/);
    // And the module keeps working.
    assert.equal(JSON.parse(tool.checkAs(good, 'auto', TODAY, 'zh-CN', '')).encoding, 'gb18030');
  });
});

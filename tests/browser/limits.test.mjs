// Limits the pages keep: the staff page exports a 1,000,000-row roster (the
// documented maximum) in pieces instead of dying out of memory; a policy URL
// that never answers is an error within the element's timeout, with a retry,
// and `ready` settles; a policy larger than a policy may be is refused without
// being read to its end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, launch, phonePage, root, serve, siteCopy, writeFile } from './harness.mjs';

const TODAY = '2022-07-01';
let browser, server, dir, hang = true;
const huge = { sent: 0, closed: null };

before(async () => {
  browser = await launch();
  dir = siteCopy();
  const page = (name, policy, extra = '') => writeFile(dir, `${name}.html`, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
    <title>${name}</title><script src="xueshe-check.js" defer></script></head>
    <body><xueshe-check policy="${policy}" ${extra}></xueshe-check></body></html>`);
  page('hang', 'hang.json', 'timeout="1500"');
  page('hang-en', 'hang.json', 'timeout="1500" lang="en"');
  page('huge', 'huge.json');
  server = await serve(dir, {
    routes: {
      // Never answers while `hang` is set; then the built-in policy's own file.
      '/hang.json': (req, res) => {
        if (!hang) res.writeHead(200, { 'Content-Type': 'application/json' }).end(readFileSync(path.join(root, 'policies/hxci-2022.json')));
      },
      // 50 MB of JSON-looking text, written as fast as the client reads it: counts what was sent before the client hung up.
      '/huge.json': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(64 << 10, 0x20);
        const more = () => {
          while (huge.sent < 50e6) {
            huge.sent += chunk.length;
            if (!res.write(chunk)) return res.once('drain', more);
          }
          res.end();
        };
        res.on('close', () => (huge.closed = huge.sent));
        more();
      },
    },
  });
});
after(async () => { await browser.close(); await server.close(); });

test('a policy URL that never answers is an error within the timeout, in the page language, with a retry', async () => {
  for (const [name, words] of [['hang', /1\.5 秒内没有加载完/], ['hang-en', /did not arrive within 1\.5 seconds/]]) {
    hang = true;
    const page = await phonePage(browser, { today: TODAY });
    const t0 = Date.now();
    await page.goto(`${server.origin}/${name}.html`);
    await page.waitForFunction(() => document.querySelector('xueshe-check')?.ready);
    await page.evaluate(() => document.querySelector('xueshe-check').ready);  // settles
    const ms = Date.now() - t0;
    assert.ok(ms >= 1400 && ms < 6000, `the error after the 1.5 s timeout, not never: ${ms} ms`);
    const error = page.locator('[data-testid=error]');
    assert.equal(await error.getAttribute('data-code'), 'policy_timeout');
    assert.equal(await error.getAttribute('data-field'), 'policy');
    assert.match(await error.textContent(), words);
    // The server answers now: Retry loads the policy.
    hang = false;
    await page.locator('[data-testid=retry]').click();
    await page.locator('[data-testid=question][data-question-id=graduation_date]').waitFor();  // the first question (issue 13: dates first)
    assert.equal(await page.locator('[data-testid=error]').count(), 0);
    await page.context().close();
  }
});

test('a policy larger than a policy may be is refused without reading it to the end', async () => {
  const page = await phonePage(browser, { today: TODAY });
  await page.goto(`${server.origin}/huge.html`);
  await page.waitForFunction(() => document.querySelector('xueshe-check')?.ready);
  await page.evaluate(() => document.querySelector('xueshe-check').ready);
  const error = page.locator('[data-testid=error]');
  assert.equal(await error.getAttribute('data-code'), 'too_large');
  assert.equal(await error.getAttribute('data-field'), 'policy');
  assert.match(await error.textContent(), /超过 1048576 字节/);
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && huge.closed == null; i++) await page.waitForTimeout(100);
  assert.ok(huge.closed != null && huge.closed < 20e6, `stopped reading: ${huge.closed} of 50,000,000 bytes sent`);
  await page.context().close();
});

test('the staff page exports a 1,000,000-row roster, byte for byte what `xueshe roster` writes', { timeout: 600000 }, async () => {
  const ROWS = 1000000;
  const work = mkdtempSync(path.join(tmpdir(), 'xueshe-limits-'));
  const file = path.join(work, 'roster-1m.csv');
  // Five kinds of row in turn: employed, postgraduate, unsettled kept at school, an age-out, and a row with an error.
  const kinds = [
    (i) => `${i},学生${i},信息工程学院,已就业,2022-06-30,2000-03-15,否,,否,否,否,是,,,,,,,,,其他,未完成`,
    (i) => `${i},学生${i},信息工程学院,升学,2022-06-30,1999-11-02,是,,,,,,,研究生,2022-09-01,否,,,,,其他,已完成`,
    (i) => `${i},学生${i},信息工程学院,待就业,2022-06-30,2001-01-09,否,,,,,,,,,,在校保留,,,,,未完成`,
    (i) => `${i},学生${i},信息工程学院,已就业,2022-06-30,1994-06-30,否,否,,,,,,,,,,,,,,`,
    (i) => `${i},学生${i},信息工程学院,已就业,2022-02-30,2000-03-15,否,,否,否,否,是,,,,,,,,,其他,未完成`,
  ];
  const fd = openSync(file, 'w');
  writeSync(fd, '学号,姓名,学院,去向,毕业日期,出生日期,是否党员,是否担任团内职务,是否自主创业,是否涉密单位,是否公务员,单位是否有团组织,' +
    '青年之家是否有团组织,升学层次,入学日期,新学校团组织是否已建立,未就业安排,转往地依据,出国类别,出国日期,接收地区,转接状态\r\n');
  for (let i = 0; i < ROWS; i += 10000) {
    let block = '';
    for (let j = i; j < i + 10000; j++) block += kinds[j % kinds.length](2022000000 + j) + '\r\n';
    writeSync(fd, block);
  }
  closeSync(fd);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
  await page.goto(`${server.origin}/staff.html`);
  await page.locator('#app[data-ready]').waitFor();
  await page.locator('[data-testid=roster-file]').setInputFiles(file);
  await page.locator('[data-testid=summary]').waitFor({ timeout: 300000 });
  assert.equal(await page.locator('[data-testid=summary]').getAttribute('data-rows'), String(ROWS));
  const t0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300000 }), page.locator('[data-testid=export]').click()]);
  const got = await download.path();
  console.log(`# exported ${statSync(got).size.toLocaleString('en-US')} bytes in ${Date.now() - t0} ms`);
  assert.deepEqual(errors, [], 'no Aborted(), no error');
  // The page is still alive: the table pages on.
  await page.locator('[data-testid=next]').first().click();
  await page.locator('[data-testid=page-info]', { hasText: '101' }).first().waitFor();

  // The CLI's bytes for the same file, compared by hash without holding either in memory.
  const digest = (stream) => new Promise((resolve, reject) => {
    const h = createHash('sha256');
    let n = 0;
    stream.on('data', (b) => { n += b.length; h.update(b); }).on('end', () => resolve({ n, sha: h.digest('hex') })).on('error', reject);
  });
  const proc = spawn(cli, ['roster', file, '--today', TODAY]);
  const [mine, theirs] = await Promise.all([digest(createReadStream(got)), digest(proc.stdout)]);
  assert.ok(mine.n > 300e6, `the whole file: ${mine.n} bytes`);
  assert.deepEqual(mine, theirs, 'byte for byte the CLI');
  await context.close();
});

// The staff page (staff.html) in Chromium under the strict CSP: a GB18030
// roster read and exported exactly as `xueshe roster` writes it, every row in
// the table with its line and errors, the column mapping, filters and pages,
// a draft policy's banner, a layered policy chosen with its base files, the
// decision table against `xueshe table`, hostile cells shown as text, offline
// after one visit, and axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { audit, cli, launch, root, serve, siteCopy, waitUntilCached, writeFile } from './harness.mjs';
import { parseCsv } from '../support/csv.mjs';

const TODAY = '2022-07-01';
const rosterDir = path.join(root, 'tests/roster');
const HOSTILE = '<img src=x onerror="window.__pwned=1"><b>粗体</b>';
let browser, server, dir, draftFile;

before(async () => {
  browser = await launch();
  dir = siteCopy();
  const tmp = mkdtempSync(path.join(tmpdir(), 'xueshe-staff-'));
  draftFile = path.join(tmp, 'draft-2026.json');
  const made = spawnSync(cli, ['policy', 'draft', '--from', 'hxci-2022', '--cohort', '2026', '-o', draftFile], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  server = await serve(dir);
});
after(async () => { await browser.close(); await server.close(); });

function xueshe(args) {
  const r = spawnSync(cli, args, { maxBuffer: 256 << 20 });
  assert.equal(r.status, 0, r.stderr.toString());
  return r.stdout;
}


// A fresh desktop page on staff.html, "today" fixed, recording requests and errors.
async function open({ lang, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.seen = { requests: [], errors: [] };
  page.on('request', (r) => page.seen.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') page.seen.errors.push(m.text()); });
  page.on('pageerror', (e) => page.seen.errors.push(String(e)));
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
  await page.goto(`${server.origin}/staff.html${lang ? '?lang=' + lang : ''}`);
  await page.locator('#app[data-ready]').waitFor();
  return page;
}

function clean(page) {
  const outside = page.seen.requests.filter((u) => !u.startsWith(server.origin + '/') && !/^(data|blob):/.test(u));
  assert.deepEqual(outside, [], 'no request leaves the origin');
  assert.deepEqual(page.seen.errors, []);
}

// Chooses a roster (a fixture's path, or {name, text|buffer}) and waits until the page has read it.
async function chooseRoster(page, file) {
  const name = typeof file === 'string' ? path.basename(file) : file.name;
  const payload = typeof file === 'string' ? file
    : { name: file.name, mimeType: 'text/csv', buffer: file.buffer || Buffer.from(file.text, 'utf8') };
  await page.locator('[data-testid=roster-file]').setInputFiles(payload);
  await page.locator('[data-testid=file-info]', { hasText: name }).waitFor();
}

// Each shown row: its data, the cells of its short row (line, who, route, most urgent, errors and warnings) and the
// input cells as its details give them.
const shownRows = (page) => page.locator('[data-testid=row]').evaluateAll((rows) => rows.map((r) => ({
  line: Number(r.dataset.line), route: r.dataset.route, state: r.dataset.state, errors: r.dataset.errors,
  duplicate: r.dataset.duplicate === 'true', cells: [...r.children].map((c) => c.textContent),
  input: [...document.querySelector(`[data-testid=row-details][data-line="${r.dataset.line}"]`).querySelectorAll('dd[data-col]')].map((c) => c.textContent) })));
const tableCount = (page) => page.locator('[data-testid=roster-table]').getAttribute('data-count').then(Number);


test('a GB18030 roster (encoding auto) exports exactly what `xueshe roster` writes', async () => {
  const page = await open();
  const file = path.join(rosterDir, 'gb18030.csv');
  await chooseRoster(page, file);
  assert.equal(await page.locator('[data-testid=file-info]').getAttribute('data-encoding'), 'gb18030');
  assert.equal(await page.locator('[data-testid=as-of]').inputValue(), TODAY);
  assert.match(await page.locator('[data-testid=summary-rows]').textContent(), /名单：5 行/);
  // Nothing on the page is a stray value ("false" of a `cond && part`, an array as text).
  const words = await page.locator('body').innerText();
  assert.doesNotMatch(words, /\bfalse\b|\btrue\b|undefined|\[object /);
  // A name outside GBK (U+2000B) came through the decoder.
  assert.ok((await shownRows(page)).some((r) => r.input.includes('王\u{2000B}')));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export]').click()]);
  assert.equal(download.suggestedFilename(), 'gb18030-核对.csv');
  const got = readFileSync(await download.path());
  const want = xueshe(['roster', file, '--today', TODAY]);
  const a = parseCsv(got.toString('utf8')), b = parseCsv(want.toString('utf8'));
  assert.equal(a.length, b.length);
  for (let i = 0; i < b.length; i++) assert.deepEqual(a[i], b[i], `row ${i}`);
  assert.ok(got.equals(want), 'byte for byte, BOM and CRLF included');
  // The same file chosen as GB18030 explicitly; as UTF-8 it is refused, naming the line.
  await page.locator('[data-testid=encoding]').selectOption('utf-8');
  const err = page.locator('[data-testid=error]');
  await err.waitFor();
  assert.equal(await err.getAttribute('data-code'), 'roster_invalid_utf8');
  assert.match(await err.textContent(), /第 1 行附近/);
  await page.locator('[data-testid=encoding]').selectOption('gb18030');
  await page.locator('[data-testid=summary]').waitFor();
  assert.equal(await page.locator('[data-testid=file-info]').getAttribute('data-encoding'), 'gb18030');
  // A UTF-8 file read as GB18030 would be mojibake: auto reads it as UTF-8.
  await page.locator('[data-testid=encoding]').selectOption('auto');
  await chooseRoster(page, path.join(rosterDir, 'gb18030.utf8.csv'));
  assert.equal(await page.locator('[data-testid=file-info]').getAttribute('data-encoding'), 'utf-8');
  const [again] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export]').click()]);
  assert.ok(readFileSync(await again.path()).equals(want), 'the UTF-8 twin gives the same annotated roster');
  // The template is the CLI's.
  const [template] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=template]').click()]);
  assert.ok(readFileSync(await template.path()).equals(xueshe(['roster', '--template'])));
  clean(page);
  await page.context().close();
});

test('while staff look for their file the page practises on a made-up roster and warms the memory, shown nowhere; a roster chosen stops both', async () => {
  const page = await open();
  await page.locator('#app[data-practised="20"]').waitFor();
  // Then the memory a large roster's check writes, written once (64 MiB on a machine that does not say it is small).
  await page.locator('#app[data-warmed="64"]').waitFor();
  assert.equal(await page.locator('[data-testid=summary]').count(), 0, 'nothing of the practice is shown');
  assert.equal(await page.locator('[data-testid=row]').count(), 0);
  const file = path.join(rosterDir, 'mixed.csv');
  await chooseRoster(page, file);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export]').click()]);
  assert.ok(readFileSync(await download.path()).equals(xueshe(['roster', file, '--today', TODAY])), 'the roster checked after the practice is the CLI\'s');
  clean(page);
  await page.context().close();
  // A roster chosen before the browser was idle: the practice, asked for then, does not run.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.held = [];
    window.requestIdleCallback = (f) => window.held.push(f);
  });
  const quick = await context.newPage();
  await quick.goto(`${server.origin}/staff.html`);
  await quick.locator('#app[data-ready]').waitFor();
  await chooseRoster(quick, file);
  assert.equal(await quick.evaluate(() => window.held.length), 1, 'the practice was asked for');
  await quick.evaluate(() => window.held.splice(0).forEach((f) => f()));
  assert.equal(await quick.locator('#app').getAttribute('data-practised'), null);
  assert.equal(await quick.locator('#app').getAttribute('data-warmed'), null, 'nor is the memory warmed');
  await context.close();
  // A device that says it has 2 GB: the practice, but no memory written ahead.
  const small = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await small.addInitScript(() => Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 2 }));
  const low = await small.newPage();
  await low.goto(`${server.origin}/staff.html`);
  await low.locator('#app[data-practised="20"]').waitFor();
  await low.waitForTimeout(500);
  assert.equal(await low.locator('#app').getAttribute('data-warmed'), null);
  await small.close();
});

test('a UTF-8 roster with one bad byte on line 800 is refused naming line 800 in auto mode, as the CLI does', async () => {
  const page = await open();
  const lines = [readFileSync(path.join(rosterDir, 'mixed.csv'), 'utf8').split('\n')[0].replace(/\r$/, '')];
  for (let i = 2; i <= 900; i++) lines.push(`${2022000000 + i},学生${i},信息工程学院,已就业,2022-06-30,2000-03-15,否,,否,否,否,是,,,,,,,,,其他,未完成,`);
  const parts = lines.map((l) => Buffer.from(l + '\r\n'));
  parts[799] = Buffer.concat([Buffer.from('2022000800,学生'), Buffer.from([0xff]), parts[799].subarray(Buffer.byteLength('2022000800,学生'))]);
  const buffer = Buffer.concat(parts);
  await page.locator('[data-testid=roster-file]').setInputFiles({ name: 'bad-800.csv', mimeType: 'text/csv', buffer });
  const err = page.locator('[data-testid=error]');
  await err.waitFor();
  assert.equal(await err.getAttribute('data-code'), 'roster_undecodable');
  assert.match(await err.textContent(), /第 800 行附近/);
  const tmp = mkdtempSync(path.join(tmpdir(), 'xueshe-bad-'));
  writeFileSync(path.join(tmp, 'bad-800.csv'), buffer);
  const r = spawnSync(cli, ['roster', path.join(tmp, 'bad-800.csv'), '--today', TODAY], { encoding: 'utf8' });
  assert.match(r.stdout + r.stderr, /第 800 行附近/, 'the CLI says the same line');
  await page.context().close();
});

test('quoted fields, line breaks and bad rows are all in the table, with their lines and errors', async () => {
  const page = await open();
  const file = path.join(rosterDir, 'mixed.csv');
  await chooseRoster(page, file);
  const want = parseCsv(xueshe(['roster', file, '--today', TODAY]).toString('utf8'));
  const head = want[0], rows = await shownRows(page);
  const col = (name) => head.indexOf(name);
  assert.deepEqual(rows.map((r) => r.line), want.slice(1).map((r) => Number(r[col('行号')])));
  assert.equal(rows.length, 15);
  for (let i = 0; i < rows.length; i++) {
    const w = want[i + 1], r = rows[i];
    assert.equal(r.route, w[col('路线')], `line ${r.line}`);
    assert.equal(r.errors, w[col('错误代码')], `line ${r.line}`);
    // Every input cell as read, in the row's details.
    assert.deepEqual(r.input, w.slice(0, col('行号')), `line ${r.line}`);
    for (const message of w[col('错误')].split('\n').filter(Boolean)) assert.ok(r.cells.some((c) => c.includes(message)), message);
  }
  assert.ok(rows[1].input.includes('第一行\r\n第二行'));
  assert.ok(rows[0].input.includes('张三, Jr.'));
  assert.equal(rows.find((r) => r.line === 8).errors, 'unknown_value');
  assert.equal(rows.find((r) => r.line === 19).errors, 'csv_unterminated_quote');
  assert.equal(rows.find((r) => r.line === 2).duplicate, true);
  // The summary: counts per route and state, duplicates, completion against 100 %.
  const summary = JSON.parse(JSON.stringify(await summaryOf(file)));
  for (const [route, n] of Object.entries(summary.routes).filter(([, n]) => n))
    assert.equal(await page.locator(`[data-testid=route-count][data-route=${route}] td`).textContent(), String(n), route);
  for (const [state, n] of Object.entries(summary.most_urgent))
    assert.equal(await page.locator(`[data-testid=state-count][data-state=${state}] td`).textContent(), String(n), state);
  assert.match(await page.locator('[data-testid=completion]').textContent(), /2\/5 = 40\.0%（目标 100%，三\.3）/);
  assert.match(await page.locator('[data-testid=duplicates]').textContent(), /重复学号：1 个（共 2 行）/);
  clean(page);
  await page.context().close();
});

function summaryOf(file, ...args) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'xueshe-staff-')), 's.json');
  xueshe(['roster', file, '--today', TODAY, '--summary', out, ...args]);
  return JSON.parse(readFileSync(out, 'utf8'));
}

test('changing the column mapping checks the roster again', async () => {
  const page = await open();
  // Headers nobody's vocabulary knows: the page says so and offers the mapping.
  await chooseRoster(page, { name: 'odd-headers.csv', text: '编号,毕业后,进度\r\n1,延迟毕业,已完成\r\n2,参军入伍,未完成\r\n' });
  assert.equal(await page.locator('[data-testid=error]').getAttribute('data-code'), 'roster_no_destination_column');
  assert.equal(await page.locator('[data-testid=mapping]').getAttribute('open'), '');
  await page.locator('[data-testid=map-select][data-col="1"]').selectOption('destination');
  await page.locator('[data-testid=summary]').waitFor();
  assert.equal(await page.locator('[data-testid=route-count][data-route=delayed_graduation_org] td').textContent(), '1');
  // 参军入伍 needs a graduation date, as every row does (the age rule is asked first, issue 13).
  assert.equal((await shownRows(page)).find((r) => r.line === 3).errors, 'missing_answer_always');
  assert.match(await page.locator('[data-testid=completion]').textContent(), /没有“转接状态”列/);
  await page.locator('[data-testid=map-select][data-col="2"]').selectOption('status');
  await page.locator('[data-testid=completion]', { hasText: '转接完成率' }).waitFor();
  assert.equal(await page.locator('[data-testid=map-select][data-col="2"]').inputValue(), 'status');
  // Two columns as one thing: the core's error, and the mapping stays to fix it.
  await page.locator('[data-testid=map-select][data-col="0"]').selectOption('destination');
  await page.locator('[data-testid=error][data-code=roster_duplicate_column]').waitFor();
  await page.locator('[data-testid=map-select][data-col="0"]').selectOption('student_id');
  await page.locator('[data-testid=summary]').waitFor();
  await page.locator('[data-testid=mapping-reset]').click();
  await page.locator('[data-testid=error][data-code=roster_no_destination_column]').waitFor();
  // A detected column changed: mixed.csv without its status column has no completion rate.
  await chooseRoster(page, path.join(rosterDir, 'mixed.csv'));
  assert.match(await page.locator('[data-testid=completion]').textContent(), /40\.0%/);
  const status = await page.locator('[data-testid=map-select]').evaluateAll((s) => s.findIndex((x) => x.value === 'status'));
  await page.locator('[data-testid=mapping] summary').click();
  await page.locator(`[data-testid=map-select][data-col="${status}"]`).selectOption('');
  await page.locator('[data-testid=completion]', { hasText: '没有“转接状态”列' }).waitFor();
  assert.equal((await shownRows(page)).find((r) => r.line === 17).errors, '');  // its unknown status is no longer read
  clean(page);
  await page.context().close();
});

test('filters select rows by route, state, errors, duplicates and text; pages hold 100 rows', async () => {
  const page = await open();
  const file = path.join(rosterDir, 'mixed.csv');
  await chooseRoster(page, file);
  const summary = await summaryOf(file);
  assert.equal(await tableCount(page), 15);
  await page.locator('[data-testid=filter-route]').selectOption('employer_org');
  await page.waitForFunction(() => document.querySelector('[data-testid=roster-table]').dataset.count === '2');
  assert.deepEqual((await shownRows(page)).map((r) => r.route), ['employer_org', 'employer_org']);
  await page.locator('[data-testid=filter-route]').selectOption('');
  await page.locator('[data-testid=filter-state]').selectOption('due_soon');
  assert.equal(await tableCount(page), summary.most_urgent.due_soon);
  assert.deepEqual((await shownRows(page)).map((r) => r.state), ['due_soon']);
  await page.locator('[data-testid=filter-state]').selectOption('');
  await page.locator('[data-testid=filter-errors]').check();
  assert.equal(await tableCount(page), summary.rows_with_errors);
  assert.ok((await shownRows(page)).every((r) => r.errors));
  await page.locator('[data-testid=filter-errors]').uncheck();
  await page.locator('[data-testid=filter-dups]').check();
  assert.deepEqual((await shownRows(page)).map((r) => r.line), [2, 7]);
  await page.locator('[data-testid=filter-dups]').uncheck();
  await page.locator('[data-testid=filter-text]').fill('张三');
  await page.waitForFunction(() => document.querySelector('[data-testid=roster-table]').dataset.count === '1');
  assert.deepEqual((await shownRows(page)).map((r) => r.line), [2]);
  await page.locator('[data-testid=filter-text]').fill('nobody');
  await page.waitForFunction(() => document.querySelector('[data-testid=roster-table]').dataset.count === '0');
  assert.match(await page.locator('[data-testid=page-info]').first().textContent(), /没有符合条件的行/);
  await page.locator('[data-testid=filter-text]').fill('');

  // 250 rows: three pages of at most 100, in order.
  let text = '学号,姓名,去向\r\n';
  for (let i = 1; i <= 250; i++) text += `${i},${'名' + i},延迟毕业\r\n`;
  await chooseRoster(page, { name: 'long.csv', text });
  assert.equal(await tableCount(page), 250);
  let rows = await shownRows(page);
  assert.deepEqual([rows.length, rows[0].line, rows[99].line], [100, 2, 101]);
  assert.equal(await page.locator('[data-testid=prev]').first().isDisabled(), true);
  await page.locator('[data-testid=next]').first().click();
  await page.locator('[data-testid=row][data-line="102"]').waitFor();
  await page.locator('[data-testid=next]').first().click();
  await page.locator('[data-testid=row][data-line="251"]').waitFor();
  rows = await shownRows(page);
  assert.deepEqual([rows.length, rows[0].line], [50, 202]);
  assert.equal(await page.locator('[data-testid=next]').first().isDisabled(), true);
  assert.match(await page.locator('[data-testid=page-info]').first().textContent(), /第 201–250 条，共 250 条/);
  await page.locator('[data-testid=filter-text]').fill('名25');
  await page.waitForFunction(() => document.querySelector('[data-testid=roster-table]').dataset.count === '2');  // 名25 and 名250
  clean(page);
  await page.context().close();
});

test('a draft policy shows the unverified banner; the built-in one does not', async () => {
  const page = await open();
  assert.equal(await page.locator('[data-testid=unverified-banner]').count(), 0);
  const unverified = JSON.parse(readFileSync(draftFile, 'utf8')).unverified;
  await page.locator('[data-testid=policy-file]').setInputFiles(draftFile);
  const banner = page.locator('[data-testid=unverified-banner]');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('data-count'), String(unverified.length));
  assert.equal(await banner.getAttribute('role'), 'alert');
  assert.match(await banner.textContent(), new RegExp(`有 ${unverified.length} 个值尚未与通知核对`));
  assert.match(await banner.textContent(), /必须逐一对照学校的正式通知核对/);
  assert.equal(await banner.locator('li').count(), unverified.length);
  assert.match(await page.locator('[data-testid=policy-info]').textContent(), /2026 届/);
  // Rosters are checked with the draft: the same as the CLI with --policy.
  const file = path.join(rosterDir, 'mixed.csv');
  await chooseRoster(page, file);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export]').click()]);
  assert.ok(readFileSync(await download.path()).equals(xueshe(['roster', file, '--today', TODAY, '--policy', draftFile])));
  // A policy file that is not a policy: its error, and the built-in one back with a click.
  await page.locator('[data-testid=policy-file]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"id": 1}') });
  await page.locator('[data-testid=error]').first().waitFor();
  assert.match(await page.locator('.pol').textContent(), /bad\.json/);
  await page.locator('[data-testid=policy-builtin]').click();
  await page.locator('[data-testid=policy-info]').waitFor();
  assert.equal(await banner.count(), 0);
  assert.match(await page.locator('[data-testid=policy-info]').textContent(), /2022 届/);
  clean(page);
  await page.context().close();
});

// Identifiers of the core that must never reach the table as text: every route, warning code and answers field, the
// age decision; besides, no snake_case word and no Latin word at all in the Chinese table.
const FIELD_IDS = ['destination', 'graduation_date', 'birth_date', 'party_member', 'holds_league_post', 'self_employed',
  'employer_classified', 'civil_servant', 'employer_has_league_org', 'youth_home_has_league_org', 'study_level',
  'enrollment_date', 'new_school_org_created', 'unsettled_choice', 'community_basis', 'abroad_kind', 'departure_date',
  'receiving_region', 'at_age_limit_by_graduation'];

test('the decision table shows every path of `xueshe table`, grouped by route, the usual paths first, in words', async () => {
  for (const [policy, args] of [[null, []], [draftFile, ['--policy', draftFile]]]) {
    const page = await open();
    if (policy) {
      await page.locator('[data-testid=policy-file]').setInputFiles(policy);
      await page.locator('[data-testid=unverified-banner]').waitFor();
    }
    await page.locator('[data-testid=tab-table]').click();
    const table = page.locator('[data-testid=decision-table]');
    await table.waitFor();
    const [head, ...want] = parseCsv(xueshe(['table', '--format', 'csv', '--today', TODAY, ...args]).toString('utf8'));
    const got = await page.locator('[data-testid=table-row]').evaluateAll((rows) => rows.map((r) => ({
      route: r.dataset.route, number: Number(r.dataset.number),
      answers: [...r.querySelectorAll('.ans')].map((a) => a.textContent) })));
    assert.equal(got.length, want.length);
    assert.equal(await table.getAttribute('data-count'), String(want.length));
    const route = head.indexOf('路线'), byNumber = new Map(want.map((w) => [Number(w[0]), w]));
    assert.deepEqual(got.map((r) => r.number).sort((x, y) => x - y), want.map((w) => Number(w[0])), 'every path once');
    for (const r of got) {
      const w = byNumber.get(r.number);
      assert.equal(r.route, w[route], `path ${r.number}`);
      // The answers that define the path, each as "question: answer" in words, as the CLI says them (the page in the
      // order they are asked, the CSV in the roster template's column order).
      assert.deepEqual([...r.answers].sort(), head.slice(1, route).map((name, i) => w[i + 1] && `${name}：${w[i + 1]}`).filter(Boolean).sort(), `path ${r.number}`);
    }
    // Grouped: each route's paths together, under one heading naming the route and its receiving organization.
    const order = got.map((r) => r.route).filter((x, i, a) => a.indexOf(x) === i);
    assert.deepEqual(order, got.map((r) => r.route).filter((x, i, a) => i === 0 || a[i - 1] !== x), 'each route once, in one run');
    const groups = await page.locator('[data-testid=table-group]').evaluateAll((gs) => gs.map((g) => ({ route: g.dataset.route, head: g.querySelector('.grp').textContent })));
    assert.deepEqual(groups.map((g) => g.route), order);
    for (const g of groups) assert.ok(g.head.includes(want.find((w) => w[route] === g.route)[route + 1]), g.head);
    // The usual path first: the first row is no Party member (under 28 not asked, issue 13), not asked about a league
    // post, no 北京/广东/福建.
    assert.ok(!got[0].answers.some((a) => /是否党员：是|团内职务|接收地区：(北京|广东|福建)/.test(a)), got[0].answers.join(' '));
    // No raw id as text.
    const text = await table.innerText();
    const ids = new Set([...FIELD_IDS, ...want.flatMap((w) => [w[route], ...w[head.indexOf('可选路线')].split(' '), ...w[head.indexOf('警告代码')].split(' ')])].filter(Boolean));
    for (const id of ids) assert.ok(!text.includes(id), `no raw id "${id}" in the table`);
    assert.doesNotMatch(text, /[A-Za-z]{3,}/, 'no Latin word in the Chinese table');
    assert.equal(await page.locator('[data-testid=tab-table]').getAttribute('aria-selected'), 'true');
    assert.equal(await page.locator('#panel-roster').isHidden(), true);
    // English: the same rows, in English.
    await page.locator('[data-testid=lang-switch]').click();
    await page.locator('html[lang=en]').waitFor();
    await page.locator('[data-testid=decision-table] caption', { hasText: 'Decision table' }).waitFor();
    assert.equal(await page.locator('[data-testid=table-row]').count(), want.length);
    const english = await page.locator('[data-testid=decision-table]').innerText();
    for (const id of ids) assert.ok(!new RegExp(`\\b${id}\\b`).test(english) || !id.includes('_'), `no raw id "${id}" in the English table`);
    clean(page);
    await page.context().close();
  }
});

// A roster of 1,000 rows: five kinds of graduate in turn, one of them 28 or older with the league-post cell empty.
function thousandRows() {
  const header = readFileSync(path.join(rosterDir, 'mixed.csv'), 'utf8').split('\n')[0].replace(/^\uFEFF/, '').replace(/\r$/, '');
  const names = header.split(',');
  const kinds = [
    { 去向: '已就业', 是否自主创业: '否', 是否涉密单位: '否', 是否公务员: '否', 单位是否有团组织: '是', 接收地区: '其他' },
    { 去向: '已就业', 是否自主创业: '否', 是否涉密单位: '否', 是否公务员: '否', 单位是否有团组织: '否', 青年之家是否有团组织: '否', 接收地区: '其他' },
    { 去向: '升学', 升学层次: '研究生', 入学日期: '2022-09-01', 新学校团组织是否已建立: '是', 接收地区: '其他' },
    { 去向: '已就业', 出生日期: '1990-01-01', 是否自主创业: '否', 是否涉密单位: '否', 是否公务员: '否', 单位是否有团组织: '是', 接收地区: '其他' },
    { 去向: '未就业', 未就业安排: '转到社区', 转往地依据: '户籍所在地', 接收地区: '其他' },
  ];
  const lines = [header];
  for (let i = 0; i < 1000; i++) {
    const row = { 学号: String(2022000000 + i), 姓名: `学生${i}`, 学院: '信息工程学院', 毕业日期: '2022-06-30', 出生日期: '2000-03-15',
      是否党员: '否', 转接状态: '未完成', ...kinds[i % kinds.length] };
    lines.push(names.map((n) => row[n] ?? '').join(','));
  }
  return { name: 'thousand.csv', text: lines.join('\r\n') + '\r\n' };
}

test('1,000 rows at 1280×800: the page scrolls, not a box; ten rows and more in view with route, state and errors; each error with its reason; staff wording', async () => {
  const page = await open({ viewport: { width: 1280, height: 800 } });
  await chooseRoster(page, thousandRows());
  await page.locator('[data-testid=summary][data-rows="1000"]').waitFor();
  assert.equal(await page.locator('[data-testid=row]').count(), 100);
  await page.locator('[data-testid=roster-table] thead').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  const seen = await page.evaluate(() => {
    const table = document.querySelector('[data-testid=roster-table]');
    const boxes = [];
    for (let e = table.parentElement; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (/auto|scroll/.test(cs.overflowX + cs.overflowY)) boxes.push(e.className || e.tagName);
    }
    const rows = [...table.querySelectorAll('[data-testid=row]')];
    const inView = rows.filter((r) => { const b = r.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; });
    // Route (3rd cell), most urgent date (4th) and errors (5th) are within the window's width.
    const fit = inView.every((r) => [2, 3, 4].every((i) => { const b = r.children[i].getBoundingClientRect(); return b.left >= 0 && b.right <= innerWidth; }));
    return { boxes, inView: inView.length, fit, width: document.documentElement.scrollWidth, scrolled: scrollY };
  });
  assert.deepEqual(seen.boxes, [], 'no box of its own around the table scrolls');
  assert.ok(seen.scrolled > 0, 'the page itself scrolled to the table');
  assert.ok(seen.inView >= 10, `${seen.inView} rows in view`);
  assert.ok(seen.fit, 'route, most urgent date and errors in view without scrolling sideways');
  assert.ok(seen.width <= 1280, `no sideways scroll: ${seen.width}px`);
  await page.screenshot({ path: path.join(tmpdir(), 'xueshe-staff-1000.png') });
  // The 28-year-old's row: why the cell is needed, not only that it is empty.
  const rows = await shownRows(page);
  const old = rows.find((r) => r.line === 5);
  assert.equal(old.errors, 'missing_answer');
  assert.ok(old.cells[4].includes('毕业当月 28 岁及以上，需要知道“是否担任团内职务”'), old.cells[4]);
  assert.equal(rows.find((r) => r.line === 2).route, 'employer_org');
  // Said to staff: no "你" in the rows, their details or the warnings.
  const all = await page.locator('[data-testid=roster-table]').evaluate((t) => t.textContent);
  assert.doesNotMatch(all, /你/);
  assert.doesNotMatch(all, /\b(employer_org|missing_answer|holds_league_post)\b/);
  // A row's details: every input cell, the receiving organization and each date.
  await page.locator('[data-testid=row][data-line="2"] button.more').click();
  const details = page.locator('[data-testid=row-details][data-line="2"]');
  assert.equal(await details.isVisible(), true);
  assert.match(await details.textContent(), /学生0/);
  assert.equal(await page.locator('[data-testid=row][data-line="2"] button.more').getAttribute('aria-expanded'), 'true');
  await audit(page, '1,000 rows, details open');
  // On a phone: each row a card that fits, nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 640 });
  const phone = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('[data-testid=row]')].slice(0, 10);
    return { width: document.documentElement.scrollWidth,
      fit: rows.every((r) => [...r.children].every((c) => { const b = c.getBoundingClientRect(); return b.width === 0 || (b.left >= 0 && b.right <= 360); })),
      font: parseFloat(getComputedStyle(rows[0].children[2]).fontSize) };
  });
  assert.ok(phone.width <= 360, `no sideways scroll on a phone: ${phone.width}px`);
  assert.ok(phone.fit, 'every cell of a row within the screen');
  assert.ok(phone.font >= 12, `readable: ${phone.font}px`);
  await page.locator('[data-testid=tab-table]').click();
  await page.locator('[data-testid=decision-table]').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'the decision table fits a phone too');
  await audit(page, 'the decision table on a phone');
  clean(page);
  await page.context().close();
});

test('hostile text in a roster or a policy is shown literally, never run', async () => {
  const evil = JSON.parse(readFileSync(path.join(root, 'policies/hxci-2022.json'), 'utf8'));
  evil.id = 'evil-2022';
  evil.title['zh-CN'] = `政策${HOSTILE}`;
  for (const c of evil.clauses) c.text['zh-CN'] += HOSTILE;
  const page = await open();
  await page.locator('[data-testid=policy-file]').setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(evil)) });
  await page.locator('[data-testid=policy-info]', { hasText: 'evil-2022' }).waitFor();
  const name = HOSTILE.replace(/"/g, '""');
  await chooseRoster(page, { name: 'evil.csv', text: `学号,姓名,去向,"${name}"\r\n1,"${name}",延迟毕业,"${name}"\r\n2,x,"${name}",\r\n` });
  const rows = await shownRows(page);
  assert.equal(rows[0].input[1], HOSTILE);
  assert.equal(rows[0].input[3], HOSTILE);
  assert.ok(rows[0].cells[1].includes(HOSTILE), 'the name in the short row');
  assert.ok(rows[1].cells.some((c) => c.includes(HOSTILE.slice(0, 40))), 'the error quotes the cell as text');
  assert.equal(rows[1].errors, 'unknown_value');
  assert.ok((await page.locator('[data-testid=row-details][data-line="2"] dt').allTextContents()).includes(HOSTILE));
  assert.ok((await page.locator('[data-testid=policy-info]').textContent()).includes(HOSTILE));
  await page.locator('[data-testid=mapping] summary').click();
  await page.locator('[data-testid=tab-table]').click();
  await page.locator('[data-testid=decision-table] caption', { hasText: HOSTILE }).waitFor();
  assert.equal(await page.locator('#app img, #app b').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.ok(page.seen.requests.every((u) => !u.endsWith('/x')), 'no image was requested');
  clean(page);
  await page.context().close();
});

test('a layered policy chosen with its bases: the user says which file is the policy; a missing base is named', async () => {
  const file = (id) => path.join(root, 'policies', id + '.json');
  const scut = file('scut-marxism-2025');
  const page = await open({ bypassCSP: true });
  // Four files at once, the school's policy not first: the select says which one is the policy.
  await page.locator('[data-testid=policy-file]').setInputFiles(['zhtj-guide-pre2022', 'scut-marxism-2025', 'guangdong', 'zhtj-guide-2022'].map(file));
  const main = page.locator('[data-testid=policy-main]');
  await main.waitFor();
  assert.deepEqual(await main.locator('option').allTextContents(),
    ['zhtj-guide-pre2022.json', 'scut-marxism-2025.json', 'guangdong.json', 'zhtj-guide-2022.json']);
  assert.equal(await main.inputValue(), '0');
  assert.equal(await main.evaluate((e) => e.labels[0].textContent), '哪一个是本校的政策文件？');
  await audit(page, 'four policy files chosen');
  await main.selectOption({ label: 'scut-marxism-2025.json' });
  await page.locator('[data-testid=policy-info]', { hasText: 'scut-marxism-2025' }).waitFor();
  // Checked with the layered policy: the same bytes as the CLI with --policy (its bases beside it).
  const roster = path.join(rosterDir, 'mixed.csv');
  await chooseRoster(page, roster);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export]').click()]);
  assert.ok(readFileSync(await download.path()).equals(xueshe(['roster', roster, '--today', TODAY, '--policy', scut])));
  await page.locator('[data-testid=tab-table]').click();
  await page.locator('[data-testid=decision-table]').waitFor();
  const want = parseCsv(xueshe(['table', '--format', 'csv', '--today', TODAY, '--policy', scut]).toString('utf8'));
  const route = want[0].indexOf('路线');
  // Every path with the CLI's route (the page groups them by route: compared in the paths' own order).
  assert.deepEqual(await page.locator('[data-testid=table-row]').evaluateAll((rows) => rows
    .sort((a, b) => a.dataset.number - b.dataset.number).map((r) => r.dataset.route)), want.slice(1).map((r) => r[route]));
  // guangdong.json left out: the core's error, and in words which file to add.
  await page.locator('[data-testid=policy-file]').setInputFiles(['scut-marxism-2025', 'zhtj-guide-2022', 'zhtj-guide-pre2022'].map(file));
  const add = page.locator('[data-testid=policy-add]');
  await add.waitFor();
  assert.equal(await add.getAttribute('data-file'), 'guangdong.json');
  assert.match(await add.textContent(), /请同时选择 guangdong\.json/);
  assert.equal(await page.locator('.pol [data-testid=error]').getAttribute('data-code'), 'policy_missing_base');
  assert.equal(await page.locator('[data-testid=table-row]').count(), 0);
  assert.equal(await page.locator('#panel-table [data-testid=error]').getAttribute('data-code'), 'policy_missing_base');
  await audit(page, 'a layered policy without one of its bases');
  // A standing guide for no one cohort (Luohu's): no "0 届".
  await page.locator('[data-testid=policy-file]').setInputFiles(['luohu-guiyuan-2023', ...['guangdong', 'zhtj-guide-2022', 'zhtj-guide-pre2022']].map(file));
  const info = page.locator('[data-testid=policy-info]', { hasText: 'luohu-guiyuan-2023' });
  await info.waitFor();
  assert.doesNotMatch(await info.textContent(), /届/);
  clean(page);
  await page.context().close();
});

test('after one visit the staff page works offline', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.origin + '/staff.html');
  await page.locator('#app[data-ready]').waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The worker caches the page's own files (as it loads them: by version) once it controls the page.
  const versioned = await page.evaluate(() => [...document.querySelectorAll('script[src], link[rel=stylesheet]')].map((e) => e.src || e.href));
  const wasm = requests.find((u) => /xueshe-staff\.wasm\?v=/.test(u));
  assert.equal(versioned.length, 5);  // staff.css, studio.css, xueshe-staff.js, studio.js, staff.js
  assert.ok(wasm, 'the module by its version');
  await waitUntilCached(page, ['staff.html', wasm, ...versioned]);
  await context.setOffline(true);
  await page.reload();
  await page.locator('#app[data-ready]').waitFor();
  await chooseRoster(page, path.join(rosterDir, 'mixed.csv'));
  assert.equal(await tableCount(page), 15);
  await page.locator('[data-testid=tab-table]').click();
  await page.locator('[data-testid=table-row]').first().waitFor();
  await context.close();
});

test('axe-core finds no violations: empty, a checked roster, a mapping error, a draft, the decision table, English', async () => {
  const page = await open({ bypassCSP: true });
  await audit(page, 'the empty page');
  await chooseRoster(page, path.join(rosterDir, 'mixed.csv'));
  await page.locator('[data-testid=mapping] summary').click();
  await audit(page, 'a checked roster with the mapping open');
  await chooseRoster(page, { name: 'odd.csv', text: '编号,毕业后\r\n1,延迟毕业\r\n' });
  await audit(page, 'a roster whose columns need mapping');
  await page.locator('[data-testid=policy-file]').setInputFiles(draftFile);
  await page.locator('[data-testid=unverified-banner] summary').click();
  await audit(page, 'a draft policy with its list open');
  await page.locator('[data-testid=tab-table]').click();
  await page.locator('[data-testid=decision-table]').waitFor();
  await audit(page, 'the decision table');
  await page.locator('[data-testid=lang-switch]').click();
  await page.locator('html[lang=en]').waitFor();
  await page.locator('[data-testid=tab-roster]').click();
  await chooseRoster(page, path.join(rosterDir, 'gb18030.csv'));
  await audit(page, 'English, a checked roster');
  await page.context().close();
});

test('on a phone the page still fits: controls are labelled, nothing scrolls sideways', async () => {
  const page = await open({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  await chooseRoster(page, path.join(rosterDir, 'mixed.csv'));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no page-wide horizontal scroll: ${width}px`);
  for (const id of ['roster-file', 'encoding', 'as-of', 'policy-file', 'filter-route', 'filter-state', 'filter-text'])
    assert.ok((await page.locator(`[data-testid=${id}]`).evaluate((e) => e.labels?.[0]?.textContent || '')).length > 1, id);
  clean(page);
  await page.context().close();
});

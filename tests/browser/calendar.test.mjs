// The page's "添加到日历": the .ics file the member downloads is byte for byte
// what `xueshe evaluate --format ics` prints for the same answers and as-of
// date; the take-away module is fetched only when asked for; a missing module
// is said, not silent; outcomes without dates offer no calendar. Offline — after
// one visit, or from xueshe-offline.html — the calendar and the written
// application work too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { answerAll, builtSite, cli, launch, phonePage, precached, ready, root, serve, siteCopy, waitUntilCached } from './harness.mjs';

const scenario = (f) => JSON.parse(readFileSync(path.join(root, 'tests/scenarios', f + '.json'), 'utf8'));
// One outcome per kind of date: apply/complete/all-complete, retention, new-org, departure; overdue; English.
const flows = ['employed-with-org', 'unsettled-retain-june-30', 'postgraduate-org-pending-late', 'study-abroad',
  'state-overdue', 'military', 'en-employed-youth-home', 'region-guangdong-employer-org'].map((f) => ({ file: f, ...scenario(f) }));

let browser, server, bare, bareDir;
before(async () => {
  browser = await launch();
  server = await serve(siteCopy());
  bareDir = siteCopy();
  rmSync(path.join(bareDir, 'xueshe-takeaway.js'));
  bare = await serve(bareDir);
});
after(async () => { await browser.close(); await server.close(); await bare.close(); });

function cliIcs(answers, today, lang) {
  const r = spawnSync(cli, ['evaluate', '--format', 'ics', '--today', today, '--lang', lang], { input: JSON.stringify(answers) });
  assert.equal(r.status, 0, String(r.stdout));
  return r.stdout;
}

async function outcomePage(s, origin = server.origin) {
  const page = await phonePage(browser, { today: s.today, acceptDownloads: true });
  // The moment the first question is usable, as a request of its own in the page's stream of requests (a HEAD of
  // the page), asked the moment element.ready settles: what the browser does once it is idle after that (the
  // service worker, its precache) comes after it, however late this test notices that the page is ready.
  await page.addInitScript(() => {
    const mark = () => {
      const el = document.querySelector('xueshe-check');
      if (!el || !el.ready) return requestAnimationFrame(mark);
      el.ready.then(() => fetch('./?first-question-usable', { method: 'HEAD' }).catch(() => {}));
    };
    mark();
  });
  const marked = page.waitForRequest((r) => r.url().includes('first-question-usable'));
  await page.goto(origin + '/');
  await ready(page);
  await marked;
  // Everything asked for until the first question was usable.
  page.firstLoad = page.seen.requests.slice(0, page.seen.requests.findIndex((u) => u.includes('first-question-usable')));
  assert.ok(page.firstLoad.some((u) => u.endsWith('.wasm') || u.includes('.wasm?')), 'the first load has the question module');
  if (s.lang === 'en') {
    await page.locator('[data-testid=lang-switch]').click();
    await page.locator('html[lang=en]').waitFor({ state: 'attached' });
  }
  await answerAll(page, s.answers);
  return page;
}

for (const s of flows) {
  test(`${s.file}: the downloaded calendar equals the CLI's, byte for byte`, async () => {
    const page = await outcomePage(s);
    try {
      assert.deepEqual(page.firstLoad.filter((u) => u.includes('takeaway')), [], 'the take-away module is not part of the first load');
      assert.ok(page.seen.requests.some((u) => u.includes('xueshe-takeaway.wasm')), 'the outcome came from the take-away module');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=calendar]').click()]);
      const bytes = readFileSync(await download.path());
      const want = cliIcs(s.answers, s.today, s.lang || 'zh-CN');
      assert.ok(bytes.length > 200);
      assert.ok(bytes.equals(want), `page ${bytes.length} bytes, CLI ${want.length} bytes`);
      assert.match(download.suggestedFilename(), /\.ics$/);
      await page.locator('[role=status]', { hasText: download.suggestedFilename() }).waitFor();
      assert.deepEqual(page.seen.errors, []);
    } finally {
      await page.context().close();
    }
  });
}

test('an outcome without dates offers no calendar', async () => {
  const page = await outcomePage(scenario('delayed-graduation'));
  try {
    assert.equal(await page.locator('[data-testid=print]').count(), 1);
    assert.equal(await page.locator('[data-testid=calendar]').count(), 0);
  } finally {
    await page.context().close();
  }
});

test('when the take-away module cannot load, the outcome says so in words and a retry shows it once it can', async () => {
  const s = scenario('employed-with-org');
  const page = await phonePage(browser, { today: s.today, acceptDownloads: true });
  try {
    // Straight to the outcome: a share link with every answer.
    await page.goto(bare.origin + '/#xs=1&a=' + Buffer.from(JSON.stringify(s.answers)).toString('base64url'));
    const err = page.locator('[data-testid=error][data-code=outcome]');
    await err.waitFor();
    assert.match(await err.textContent(), /没有加载成功/);
    assert.equal(await page.locator('[data-testid=outcome]').count(), 0);
    cpSync(path.join(builtSite, 'xueshe-takeaway.js'), path.join(bareDir, 'xueshe-takeaway.js'));
    await page.locator('[data-testid=retry]').click();
    await page.locator('[data-testid=outcome]').waitFor();
    assert.equal(await page.locator('[data-testid=error]').count(), 0);
  } finally {
    await page.context().close();
    rmSync(path.join(bareDir, 'xueshe-takeaway.js'));
  }
});

// The calendar downloads and equals the CLI's file; the application form opens.
async function takeawayWorks(page, s) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=calendar]').click()]);
  assert.ok(readFileSync(await download.path()).equals(cliIcs(s.answers, s.today, 'zh-CN')));
  await page.locator('[data-testid=application-open]').click();
  await page.locator('[data-testid=application-form]').waitFor();
  assert.ok(await page.locator('[data-testid=application-field]').count() >= 10);
}

test('after one visit, the calendar and the application work offline', async () => {
  const s = scenario('study-abroad');
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${s.today}T10:00:00+08:00`));
  await page.goto(server.origin + '/');
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await waitUntilCached(page, await precached(page));
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await answerAll(page, s.answers);
  await takeawayWorks(page, s);
  await context.close();
});

test('xueshe-offline.html makes the calendar and opens the application from disk', async () => {
  const s = scenario('study-abroad');
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, offline: true, acceptDownloads: true });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${s.today}T10:00:00+08:00`));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path.join(builtSite, 'xueshe-offline.html')).href);
  await ready(page);
  await answerAll(page, s.answers);
  await takeawayWorks(page, s);
  assert.deepEqual(requests.filter((u) => !/^(data|blob):/.test(u) && u !== pathToFileURL(path.join(builtSite, 'xueshe-offline.html')).href), []);
  await context.close();
});

test('the printed checklist carries every date of the calendar and, for study abroad, the pointer to the application', async () => {
  const s = scenario('study-abroad');
  const page = await outcomePage(s);
  try {
    await page.emulateMedia({ media: 'print' });
    const want = JSON.parse(spawnSync(cli, ['evaluate', '--today', s.today], { input: JSON.stringify(s.answers), encoding: 'utf8' }).stdout);
    assert.ok(want.deadlines.length > 0);
    for (const d of want.deadlines) {
      const shown = page.locator(`[data-testid=deadline][data-date="${d.date}"]`);
      assert.ok(await shown.isVisible(), `${d.date} printed`);
      assert.ok((await shown.textContent()).includes(d.date));
    }
    assert.ok(await page.locator('[data-testid=application-open]').isVisible(), 'the pointer to the application is printed');
    assert.equal(await page.locator('[data-testid=calendar]').isVisible(), false, 'buttons are not printed');
  } finally {
    await page.context().close();
  }
});

// Updates: a site redeployed under open pages. v1 is the built site; v2 is the
// same site with the built-in policy's 三.2 completion date moved a day in every
// wasm module that carries it (2022-10-31 → 2022-10-30, and the file's hash with it: a changed
// policy date and changed wasm files) and the site stamped again as the build does (web/tools/stamp-version.mjs).
// No page may ever show one version's policy with another's module; a waiting
// new version is announced and, once accepted, every screen is v2 — also when the
// host sends Cache-Control: max-age=3600; two deployments on one origin both stay
// offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PHONE, answer, answerAll, builtSite, launch, precached, ready, root, serve, waitUntilCached } from './harness.mjs';

const TODAY = '2022-07-01';
const EMPLOYED = { destination: 'employed', graduation_date: '2022-06-30', birth_date: '2000-03-15', party_member: false,
  self_employed: false, employer_classified: false, civil_servant: false, employer_has_league_org: true, receiving_region: 'other' };
const DATE = { v1: '2022-10-31', v2: '2022-10-30' };

// The page's modules carry the built-in policy in one language under the
// published file's hash (FNV-1a 64, wasm/embed-one-language.mjs): a rebuild from
// the changed file gives the changed file's hash, so v2 carries that one.
const fnv1a = (text) => {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(text)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
};
const published = readFileSync(path.join(root, 'policies/hxci-2022.json'), 'utf8');
const HASH = { v1: fnv1a(published), v2: fnv1a(published.replaceAll(`"${DATE.v1}"`, `"${DATE.v2}"`)) };

function replaceAll(bytes, from, to, what) {
  let n = 0;
  for (let i = bytes.indexOf(from); i >= 0; i = bytes.indexOf(from, i + 1), n++) Buffer.from(to).copy(bytes, i);
  assert.ok(n > 0, what);
}

function deploy(dir, version) {
  mkdirSync(dir, { recursive: true });
  cpSync(builtSite, dir, { recursive: true });
  if (version == 'v1') return;
  // The first-load modules hold the policy in its compact form (dates as YYYY-MM-DD, unquoted), the policy modules
  // the one-language JSON copy.
  for (const [f, quote] of [['xueshe.wasm', ''], ['xueshe-en.wasm', ''], ['xueshe-policy.wasm', '"'], ['xueshe-policy-en.wasm', '"']]) {
    const bytes = readFileSync(path.join(dir, f));
    replaceAll(bytes, quote + DATE.v1 + quote, quote + DATE.v2 + quote, `${f} holds the built-in policy's ${DATE.v1}`);
    replaceAll(bytes, HASH.v1, HASH.v2, `${f} holds the built-in policy's published hash ${HASH.v1}`);
    writeFileSync(path.join(dir, f), bytes);
  }
  // The take-away module (the outcome, the calendar) carries the published file itself and computes its hash.
  const takeaway = readFileSync(path.join(dir, 'xueshe-takeaway.wasm'));
  replaceAll(takeaway, `"${DATE.v1}"`, `"${DATE.v2}"`, `xueshe-takeaway.wasm holds the built-in policy's ${DATE.v1}`);
  writeFileSync(path.join(dir, 'xueshe-takeaway.wasm'), takeaway);
  const stamp = spawnSync(process.execPath, [path.join(root, 'web/tools/stamp-version.mjs'), dir,
    path.join(dir, 'index.html'), path.join(dir, 'xueshe-check.js'), path.join(dir, 'sw.js')], { encoding: 'utf8' });
  assert.equal(stamp.status, 0, stamp.stderr);
}

// What a page shows now: the policy hash, the language, and the completion date if an outcome is shown.
const state = (page) => page.evaluate(() => {
  const el = document.querySelector('xueshe-check'), r = el.shadowRoot;
  const d = r.querySelector('[data-testid=deadline][data-kind=all_complete_by]');
  return { hash: el.result?.policy?.hash, lang: el.getAttribute('lang'), footer: r.querySelector('footer')?.textContent || '',
    date: d?.dataset.date || null, question: r.querySelector('[data-testid=question]')?.dataset.questionId || null };
});

async function openPage(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
  await page.goto(url);
  await ready(page);
  return page;
}

async function offlineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller);
  await waitUntilCached(page, await precached(page));
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

for (const cacheControl of ['no-cache', 'max-age=3600']) {
  test(`a redeployed site (${cacheControl}): no page mixes versions, the new version is offered, and accepted it is v2 everywhere`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xueshe-update-'));
    deploy(dir, 'v1');
    const server = await serve(dir, { cacheControl });
    const context = await browser.newContext(PHONE);
    try {
      // v1, visited and kept for offline use; a member starts the questionnaire.
      const a = await openPage(context, server.origin + '/');
      await offlineReady(a);
      await answer(a, 'graduation_date', '2022-06-30');
      await answer(a, 'birth_date', '2000-03-15');
      const v1 = await state(a);
      assert.equal(v1.question, 'destination');
      assert.ok(v1.footer.includes(v1.hash));

      deploy(dir, 'v2');
      // Another visit makes the browser find the new worker; it installs straight from the server and waits.
      const b = await openPage(context, server.origin + '/');
      assert.equal((await state(b)).hash, v1.hash, 'the old worker still serves v1 whole');
      for (const p of [a, b]) await p.locator('[data-testid=update][data-kind=ready]').waitFor({ timeout: 20000 });

      // Until it is accepted, the open page stays v1 whole: its English module is v1's too.
      await a.locator('[data-testid=lang-switch]').click();
      await a.waitForFunction(() => document.querySelector('xueshe-check').getAttribute('lang') == 'en');
      const en1 = await state(a);
      assert.equal(en1.hash, v1.hash, 'English on the v1 page is v1');
      assert.equal(en1.question, 'destination');

      // Accepted: the page reloads on v2 with its answers (and language) kept.
      await Promise.all([a.waitForEvent('load'), a.locator('[data-testid=update-reload]').click()]);
      await ready(a);
      const v2 = await state(a);
      assert.notEqual(v2.hash, v1.hash, 'the policy changed with the wasm');
      assert.equal(v2.question, 'destination', 'the answers given are kept');
      assert.equal(v2.lang, 'en');
      assert.ok(v2.footer.includes(v2.hash));
      assert.equal(await a.locator('[data-testid=update]').count(), 0);
      await answerAll(a, EMPLOYED);
      assert.equal((await state(a)).date, DATE.v2, 'the outcome is v2 (English)');
      await a.locator('[data-testid=lang-switch]').click();
      await a.waitForFunction(() => document.querySelector('xueshe-check').getAttribute('lang') == 'zh-CN');
      assert.deepEqual(await state(a).then(({ hash, date }) => ({ hash, date })), { hash: v2.hash, date: DATE.v2 }, 'and in Chinese');

      // The other tab, still running v1 under the v2 worker now: it cannot load v2's English module into v1's page;
      // it says a new version is here instead, and after reloading it is v2.
      await b.locator('[data-testid=update]').waitFor();
      await b.locator('[data-testid=lang-switch]').click();
      await b.locator('[data-testid=update][data-kind=needed]').waitFor();
      const stuck = await state(b);
      assert.deepEqual({ hash: stuck.hash, lang: stuck.lang }, { hash: v1.hash, lang: 'zh-CN' }, 'no v2 module in the v1 page');
      await Promise.all([b.waitForEvent('load'), b.locator('[data-testid=update-reload]').click()]);
      await ready(b);
      assert.equal((await state(b)).hash, v2.hash);

      // A new visit, and offline: v2 on every screen.
      const c = await openPage(context, server.origin + '/');
      await answerAll(c, EMPLOYED);
      assert.deepEqual(await state(c).then(({ hash, date }) => ({ hash, date })), { hash: v2.hash, date: DATE.v2 });
      await context.setOffline(true);
      await c.reload();
      await ready(c);
      assert.equal((await state(c)).hash, v2.hash);
      for (const p of [a, b, c]) assert.deepEqual(p.errors, []);
    } finally {
      await context.close();
      await server.close();
    }
  });
}

test('two deployments on one origin (/a/ v1, /b/ v2) both stay offline', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xueshe-two-'));
  deploy(path.join(dir, 'a'), 'v1');
  deploy(path.join(dir, 'b'), 'v2');
  const server = await serve(dir);
  const context = await browser.newContext(PHONE);
  try {
    const a = await openPage(context, server.origin + '/a/');
    await offlineReady(a);
    const b = await openPage(context, server.origin + '/b/');
    await offlineReady(b);
    const hashes = [(await state(a)).hash, (await state(b)).hash];
    assert.notEqual(hashes[0], hashes[1]);
    await context.setOffline(true);
    for (const [i, p] of [a, b].entries()) {
      await p.reload();
      await ready(p);
      await answerAll(p, EMPLOYED);
      assert.deepEqual(await state(p).then(({ hash, date }) => ({ hash, date })), { hash: hashes[i], date: i ? DATE.v2 : DATE.v1 }, ['/a/', '/b/'][i]);
    }
  } finally {
    await context.close();
    await server.close();
  }
});

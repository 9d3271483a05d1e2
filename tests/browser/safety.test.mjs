// What must hold wherever the page runs: offline after one visit, from file://,
// embedded in a hostile host page under a strict CSP, accessible (axe-core),
// with no request leaving the page's origin, and with every text from a link or
// a policy shown as text, never run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { audit, answerAll, expected, launch, phonePage, precached, ready, root, serve, siteCopy, waitUntilCached, writeFile } from './harness.mjs';

const TODAY = '2022-07-01';
const EMPLOYED = { destination: 'employed', graduation_date: '2022-06-30', birth_date: '2000-03-15', party_member: false,
  self_employed: false, employer_classified: false, civil_servant: false, employer_has_league_org: true, receiving_region: 'guangdong' };
const AGE_OUT = { destination: 'employed', graduation_date: '2022-06-30', birth_date: '1994-06-30', party_member: false,
  holds_league_post: false };

let browser, server, dir;
before(async () => {
  browser = await launch();
  dir = siteCopy();
  // A host page as hostile as a school's CMS can be, under script-src 'self' 'wasm-unsafe-eval' only.
  writeFile(dir, 'hostile.css', `* { font-size: 6px !important; color: #fff !important; background: #fff !important;
    line-height: 0 !important; letter-spacing: 9px !important; }
    button, input, div, p, h1, h2, section { display: none !important; visibility: hidden !important; }
    xueshe-check { display: block !important; }`);
  writeFile(dir, 'host.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title>
    <meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">
    <link rel="stylesheet" href="hostile.css"><script src="xueshe-check.js" defer></script></head>
    <body><h1>校团委</h1><xueshe-check lang="zh-CN"></xueshe-check></body></html>`);
  // A school's policy whose every text is HTML: it must be shown as text.
  const evil = JSON.parse(readFileSync(path.join(root, 'policies/hxci-2022.json'), 'utf8'));
  const payload = '<img src=x onerror="window.__pwned=1"><b>粗体</b>';
  evil.id = 'evil-2022';
  evil.title['zh-CN'] = `政策${payload}`;
  evil.school['zh-CN'] = payload;
  evil.ask_whom.text['zh-CN'] = `学院${payload}`;
  for (const c of evil.clauses) c.text['zh-CN'] += payload;
  for (const d of evil.deadlines) d.what['zh-CN'] += payload;
  writeFile(dir, 'evil.json', JSON.stringify(evil));
  writeFile(dir, 'broken.json', readFileSync(path.join(root, 'tests/policies/broken/impossible-date.json')));
  for (const [name, policy] of [['evil', 'evil.json'], ['broken', 'broken.json'], ['missing', 'no-such-policy.json']])
    writeFile(dir, `${name}.html`, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${name}</title>
      <script src="xueshe-check.js" defer></script></head><body><xueshe-check policy="${policy}"></xueshe-check></body></html>`);
  server = await serve(dir, { cspFor: { '/host.html': "script-src 'self' 'wasm-unsafe-eval'" } });
});
after(async () => { await browser.close(); await server.close(); });

function sameOrigin(page) {
  const outside = page.seen.requests.filter((u) => !u.startsWith(server.origin + '/') && !/^(data|blob):/.test(u));
  assert.deepEqual(outside, [], 'no request leaves the origin');
}

test('no request leaves the page origin on a whole flow', async () => {
  const page = await phonePage(browser, { today: TODAY });
  await page.goto(server.origin + '/');
  await ready(page);
  await answerAll(page, EMPLOYED);
  await page.locator('[data-testid=lang-switch]').click();
  await page.locator('[data-testid=outcome]').waitFor();
  sameOrigin(page);
  assert.deepEqual(page.seen.errors, []);
  await page.context().close();
});

test('the custom element works in a hostile host page under script-src self + wasm-unsafe-eval', async () => {
  const page = await phonePage(browser, { today: TODAY });
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
  await page.goto(server.origin + '/host.html');
  await ready(page);
  const option = page.locator('[data-testid=option]').first();
  await option.waitFor({ state: 'visible' });
  const box = await option.boundingBox();
  assert.ok(box.width > 100 && box.height >= 40, `a real tap target: ${JSON.stringify(box)}`);
  const style = await option.evaluate((b) => { const s = getComputedStyle(b); return { size: parseFloat(s.fontSize), color: s.color, bg: s.backgroundColor }; });
  assert.ok(style.size >= 14, `readable text: ${style.size}px`);
  assert.notEqual(style.color, style.bg);
  await answerAll(page, EMPLOYED);
  const want = expected(EMPLOYED, TODAY);
  assert.ok((await page.locator('[data-testid=receiving-org]').textContent()).includes(want.receiving.org));
  assert.deepEqual(violations, []);
  assert.deepEqual(page.seen.errors, []);
  sameOrigin(page);
  await page.context().close();
});

test('axe-core finds no violations on a question, an error, an outcome and an age-out outcome', async () => {
  const page = await phonePage(browser, { today: TODAY, bypassCSP: true });
  await page.goto(server.origin + '/');
  await ready(page);
  await audit(page, 'first question');
  // The first question is the graduation date (issue 13).
  await page.locator('[data-testid=date-input]').fill('2022-02-30');
  await page.locator('[data-testid=date-submit]').click();
  await page.locator('[data-testid=error]').waitFor();
  await audit(page, 'a date question with an error');
  await page.locator('[data-testid=restart]').click().catch(() => {});
  await page.goto(server.origin + '/');
  await ready(page);
  await answerAll(page, EMPLOYED);
  await page.locator('[data-testid=clause]').first().click();
  await audit(page, 'an outcome with a clause open');
  await page.goto(server.origin + '/');
  await ready(page);
  await answerAll(page, AGE_OUT);
  await audit(page, 'an age-out outcome');
  await page.context().close();
});

test('after one visit the page works offline', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
  await page.goto(server.origin + '/');
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Wait until the worker has precached everything it lists.
  await waitUntilCached(page, await precached(page));
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await answerAll(page, AGE_OUT);
  const want = expected(AGE_OUT, TODAY);
  assert.equal(want.route, 'age_out');
  assert.ok((await page.locator('[data-testid=receiving-org]').textContent()).includes(want.receiving.org));
  await context.close();
});

test('xueshe-offline.html works opened from disk with no network', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, offline: true });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path.join(dir, 'xueshe-offline.html')).href);
  await ready(page);
  await answerAll(page, EMPLOYED);
  const want = expected(EMPLOYED, TODAY);
  assert.ok((await page.locator('[data-testid=receiving-org]').textContent()).includes(want.receiving.org));
  assert.deepEqual(requests.filter((u) => !/^(file|data|blob):/.test(u)), []);
  await context.close();
});

test('xueshe-offline.html served by the site (web/serve.mjs) works under the CSP it sends', async () => {
  const site = spawn(process.execPath, [path.join(root, 'web/serve.mjs'), dir, '0']);
  try {
    const origin = await new Promise((resolve, reject) => {
      site.stdout.once('data', (b) => resolve(String(b).trim().replace(/\/$/, '')));
      site.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    });
    const page = await phonePage(browser, { today: TODAY });
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
    const response = await page.goto(origin + '/xueshe-offline.html');
    assert.match(response.headers()['content-security-policy'], /script-src 'sha256-/);
    assert.doesNotMatch(response.headers()['content-security-policy'], /'unsafe-inline'|'unsafe-eval'/);
    await ready(page);
    await answerAll(page, EMPLOYED);
    assert.ok((await page.locator('[data-testid=receiving-org]').textContent()).includes(expected(EMPLOYED, TODAY).receiving.org));
    // Its inline stylesheet is allowed too (by its hash), in the element's shadow root.
    const radius = await page.evaluate(() => getComputedStyle(document.querySelector('xueshe-check').shadowRoot.querySelector('button')).borderTopLeftRadius);
    assert.notEqual(radius, '0px', 'the stylesheet applies');
    assert.deepEqual(violations, []);
    assert.deepEqual(page.seen.errors, []);
    await page.context().close();
  } finally {
    site.kill();
  }
});

test('policy texts containing HTML are shown as text, never run', async () => {
  const page = await phonePage(browser, { today: TODAY });
  await page.goto(server.origin + '/evil.html');
  await ready(page);
  await answerAll(page, EMPLOYED);
  await page.locator('[data-testid=clause]').first().click();
  const shadow = await page.evaluate(() => {
    const r = document.querySelector('xueshe-check').shadowRoot;
    return { img: r.querySelectorAll('img').length, b: r.querySelectorAll('b').length, text: r.textContent };
  });
  assert.equal(shadow.img, 0);
  assert.equal(shadow.b, 0);
  assert.ok(shadow.text.includes('<b>粗体</b>'), 'the HTML is on screen as literal text');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.context().close();
});

test('a broken or missing school policy shows its error with the JSON path, not the questionnaire', async () => {
  for (const [name, code, field] of [['broken', 'policy_invalid_date', 'deadlines[1].date'], ['missing', 'policy_fetch', 'policy']]) {
    const page = await phonePage(browser, { today: TODAY });
    await page.goto(`${server.origin}/${name}.html`);
    await ready(page);
    const error = page.locator('[data-testid=error]');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-code'), code);
    assert.equal(await error.getAttribute('data-field'), field);
    assert.ok((await error.textContent()).includes(field));
    assert.equal(await page.locator('[data-testid=question]').count(), 0);
    await page.context().close();
  }
});

test('a tampered share link is refused with an error and injects nothing', async () => {
  const html = '<img src=x onerror="window.__pwned=1">';
  const b64 = (s) => Buffer.from(s).toString('base64url');
  const hostile = [
    `#xs=1&a=${b64('not json')}`,
    `#xs=1&a=${b64(JSON.stringify({ destination: html }))}`,
    `#xs=1&a=${b64(JSON.stringify({ [html]: 'employed' }))}`,
    `#xs=1&l=${encodeURIComponent(html)}&a=${b64('{}')}`,
    `#xs=1&t=${encodeURIComponent(html)}&a=${b64('{}')}`,
    `#xs=1&a=%%%`,
  ];
  for (const hash of hostile) {
    const page = await phonePage(browser, { today: TODAY });
    await page.goto(server.origin + '/' + hash);
    await ready(page);
    // Refused with an error; a language the page does not have falls back to its own (then the empty answers ask).
    await page.locator(hash.includes('&l=') ? '[data-testid=question]' : '[data-testid=error]').first().waitFor();
    const imgs = await page.evaluate(() => document.querySelector('xueshe-check').shadowRoot.querySelectorAll('img').length);
    assert.equal(imgs, 0, hash);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, hash);
    await page.context().close();
  }
});

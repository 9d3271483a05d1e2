// Browser test harness: Debian's Chromium driven by npm's playwright-core (no
// browser download), a static server on 127.0.0.1 for the built site with a
// chosen Content-Security-Policy, and helpers to answer the questionnaire the
// way a member does — through the page's own buttons and inputs.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { cpSync, mkdtempSync, readFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const builtSite = process.env.XUESHE_SITE || path.join(root, 'build/wasm/site');
export const cli = process.env.XUESHE_BINARY || path.join(root, 'build/native/cli/xueshe');

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'";

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

// A copy of the built site (or of another build's, `from`) in a temporary
// folder, so a test can add host pages and policies without touching the build.
export function siteCopy(from = builtSite) {
  const dir = mkdtempSync(path.join(tmpdir(), 'xueshe-site-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

// `cacheControl`: what the host sends (default no-cache); `routes`: pathname → (req, res) for a test's own answers
// (a URL that never answers, a slow one).
// `requests`: every path asked for, in order; `sent`: what each response carried, { path, bytes } (bytes as sent,
// gzipped where the server gzips), for counting a visit's bytes at the server.
export async function serve(dir, { csp = STRICT_CSP, cspFor = {}, gzip = false, cacheControl = 'no-cache', routes = {} } = {}) {
  const requests = [], sent = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    if (routes[url.pathname]) return routes[url.pathname](req, res);
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404).end('not found'); return; }
    const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': cacheControl };
    const policy = cspFor[url.pathname] ?? csp;
    if (policy && file.endsWith('.html')) headers['Content-Security-Policy'] = policy;
    let body = readFileSync(file);
    if (gzip && /gzip/.test(req.headers['accept-encoding'] || '')) {
      body = gzipSync(body, { level: 9 });
      headers['Content-Encoding'] = 'gzip';
    }
    sent.push({ path: url.pathname, bytes: body.length });
    res.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requests, sent, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }) };
}

// Every context this browser opens reads zh-CN as the browser's language unless the test sets `locale`: the member
// page chooses its language from navigator.languages at a first visit, and the tests were written in Chinese.
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: 'zh-CN', ...options });
  return browser;
}

export const PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// A fresh phone-sized page that records every request and every console error.
export async function phonePage(browser, { today, ...options } = {}) {
  const context = await browser.newContext({ ...PHONE, ...options });
  const page = await context.newPage();
  page.seen = { requests: [], errors: [] };
  page.on('request', (r) => page.seen.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') page.seen.errors.push(m.text()); });
  page.on('pageerror', (e) => page.seen.errors.push(String(e)));
  if (today) await page.clock.setFixedTime(new Date(`${today}T10:00:00+08:00`));
  return page;
}

export async function ready(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('xueshe-check');
    return el && el.ready;
  });
  await page.evaluate(() => document.querySelector('xueshe-check').ready);
}

// A phone page on `origin` at `hash` as of `today`, its first screen ready.
export async function openPhone(browser, origin, today, hash = '') {
  const page = await phonePage(browser, { today });
  await page.goto(origin + '/' + hash);
  await ready(page);
  return page;
}

// The employer's type (one question, issue 13) for answers written in SPEC §3's
// yes/no chain: the type standing for the same answers (state-owned: an employer
// that may be in a 系统团委's system, as the chain assumed).
export function employerType(a) {
  if (a.self_employed) return 'self_employed';
  if (a.employer_classified) return 'classified';
  if (a.civil_servant) return 'government';
  return 'state_owned';
}

// Answers whatever the page asks, from `answers`, until it shows the outcome;
// returns the answers the page was given (the reference for `expected`).
export async function answerAll(page, answers, { max = 20 } = {}) {
  const given = {};
  for (let i = 0; i < max; i++) {
    const outcome = page.locator('[data-testid=outcome]');
    const question = page.locator('[data-testid=question]');
    await outcome.or(question).first().waitFor();
    if (await outcome.isVisible()) return given;
    const id = await question.getAttribute('data-question-id');
    // A question may be answered instead with another field's option (the graduation date: 延迟毕业).
    const instead = await question.locator('[data-testid=option][data-field]').evaluateAll((bs) => bs.map((b) => [b.dataset.field, b.dataset.value]));
    const other = !(id in answers) && instead.find(([f, v]) => answers[f] === v);
    if (other) {
      await answer(page, id, other[1]);
      given[other[0]] = other[1];
      continue;
    }
    const value = id in answers ? answers[id] : id == 'employer_type' && 'destination' in answers ? employerType(answers) : undefined;
    if (value === undefined) throw new Error(`the page asked ${id}, which the answers do not give`);
    await answer(page, id, value);
    given[id] = value;
  }
  throw new Error('no outcome after 20 answers');
}

export async function answer(page, id, value) {
  const question = page.locator(`[data-testid=question][data-question-id="${id}"]`);
  await question.waitFor();
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    await page.locator('[data-testid=date-input]').fill(value);
    await page.locator('[data-testid=date-submit]').click();
  } else {
    await page.locator(`[data-testid=option][data-value="${String(value)}"]`).click();
  }
  // Wait until the page has moved on from this question.
  await page.waitForFunction((qid) => {
    const el = document.querySelector('xueshe-check');
    const root = el && el.shadowRoot;
    const q = root && root.querySelector('[data-testid=question]');
    const err = root && root.querySelector('[data-testid=error]');
    return !q || q.getAttribute('data-question-id') !== qid || err;
  }, id);
}

// What the native CLI says for the same answers: the reference the page must show.
export function expected(answers, today, { policy, lang = 'zh-CN' } = {}) {
  const args = ['evaluate', '--today', today, '--lang', lang];
  if (policy) args.push('--policy', policy);
  const r = spawnSync(cli, args, { input: JSON.stringify(answers), encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(r.stdout);
}

export async function shownDeadlines(page) {
  return page.locator('[data-testid=deadline]').evaluateAll((els) =>
    els.map((e) => ({ kind: e.dataset.kind, date: e.dataset.date, state: e.dataset.state, text: e.textContent })));
}

// The files sw.js precaches (its FILES list), as URLs.
export async function precached(page) {
  const sw = await page.evaluate(async () => (await fetch('sw.js')).text());
  return sw.match(/const FILES = \[([^\]]*)\]/)[1].match(/'[^']+'/g).map((f) => new URL(f.slice(1, -1), page.url()).href);
}

// Waits until the service worker's caches hold every one of these URLs (absolute, or relative to the page), and
// fails naming those still missing after `ms`. (page.waitForFunction does not wait for a promise its function returns.)
export async function waitUntilCached(page, urls, ms = 20000) {
  const want = urls.map((u) => new URL(u, page.url()).href);
  for (const end = Date.now() + ms; ;) {
    const missing = await page.evaluate(async (w) => {
      const have = new Set();
      for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) have.add(r.url);
      return w.filter((u) => !have.has(u));
    }, want);
    if (!missing.length) return;
    assert.ok(Date.now() < end, `not kept by the service worker: ${missing.join(', ')}`);
    await page.waitForTimeout(100);
  }
}

// The outcome on screen is the one the CLI gives (`want`): the organization and, under it, each fallback with
// its condition; every date with its state; the warnings; as many alternatives and steps.
export async function assertOutcomeShown(page, want) {
  assert.equal(want.status, 'outcome', JSON.stringify(want.error || want.question));
  const org = await page.locator('[data-testid=receiving-org]').textContent();
  assert.ok(org.includes(want.receiving.org), `shows ${want.receiving.org}, got ${org}`);
  assert.equal(await page.locator('[data-testid=receiving-heading]').textContent(), want.receiving.heading, 'the heading the core gives');
  const fallbacks = await page.locator('[data-testid=fallback]').evaluateAll((els) => els.map((e) => ({ route: e.dataset.route, text: e.textContent })));
  assert.deepEqual(fallbacks.map((f) => f.route), want.fallbacks.map((f) => f.route));
  want.fallbacks.forEach((f, i) => assert.ok(fallbacks[i].text.includes(f.when) && fallbacks[i].text.includes(f.org), fallbacks[i].text));
  const shown = await shownDeadlines(page);
  assert.deepEqual(shown.map(({ kind, date, state }) => ({ kind, date, state })),
    want.deadlines.map(({ kind, date, state }) => ({ kind, date, state })));
  for (const d of shown) assert.ok(d.text.includes(d.date), `the date ${d.date} is on screen`);
  const codes = await page.locator('[data-testid=warning]').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.deepEqual(codes, want.warnings.map((w) => w.code));
  assert.equal(await page.locator('[data-testid=alternative]').count(), want.alternatives.length);
  assert.equal(await page.locator('[data-testid=step]').count(), want.steps.length);
  // If it gets stuck: every item core gives, in its order, general advice marked as such.
  const stuck = await page.locator('[data-testid=if-stuck]').evaluateAll((els) =>
    els.map((e) => ({ id: e.dataset.id, advice: !!e.querySelector('[data-testid=general-advice]') })));
  assert.deepEqual(stuck, want.if_stuck.map((x) => ({ id: x.id, advice: x.general_advice })));
}

export function writeFile(dir, name, text) {
  writeFileSync(path.join(dir, name), text);
}

// axe-core on the page as it is now (the page must be opened with bypassCSP: axe
// is injected as a script): fails the test with every violation and where it is.
let axeSource;
export async function audit(page, what) {
  axeSource ||= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const result = await page.evaluate(async (src) => {
    if (!window.axe) (0, eval)(src);
    return window.axe.run(document, { resultTypes: ['violations'] });
  }, axeSource);
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], what);
}

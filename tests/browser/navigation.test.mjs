// Back, change, start again, language switch, share links and the as-of date.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { answer, answerAll, expected, launch, phonePage, ready, root, serve, shownDeadlines, siteCopy, writeFile, openPhone } from './harness.mjs';

const TODAY = '2022-07-01';
const RETAIN = { destination: 'unsettled', graduation_date: '2022-06-30', birth_date: '2000-03-15', party_member: false,
  unsettled_choice: 'retain_at_school' };
let browser, server, dir;
before(async () => { browser = await launch(); dir = siteCopy(); server = await serve(dir); });
after(async () => { await browser.close(); await server.close(); });

const open = (hash = '') => openPhone(browser, server.origin, TODAY, hash);

const currentQuestion = (page) => page.locator('[data-testid=question]').getAttribute('data-question-id');

test('back returns to the previous question and keeps the answers', async () => {
  const page = await open();
  // Age first (issue 13): the graduation and birth dates, then the destination.
  await answer(page, 'graduation_date', '2022-06-30');
  assert.equal(await currentQuestion(page), 'birth_date');
  await page.locator('[data-testid=back]').click();
  assert.equal(await currentQuestion(page), 'graduation_date');
  await answer(page, 'graduation_date', '2022-06-30');
  await answer(page, 'birth_date', '2000-03-15');
  assert.equal(await currentQuestion(page), 'destination');
  await page.locator('[data-testid=back]').click();
  assert.equal(await currentQuestion(page), 'birth_date');
  // Forward again: the answers given before are still in the summary.
  await answer(page, 'birth_date', '2000-03-15');
  assert.match(await page.locator('[data-testid=summary]').textContent(), /2022-06-30/);
  await page.context().close();
});

test('progress says where the member is', async () => {
  const page = await open();
  const first = await page.locator('[data-testid=progress]').textContent();
  await answer(page, 'graduation_date', '2022-06-30');
  const second = await page.locator('[data-testid=progress]').textContent();
  assert.notEqual(first, second);
  await page.context().close();
});

test('changing an answer clears the answers that depended on it', async () => {
  const page = await open();
  await answerAll(page, RETAIN);
  await page.locator('[data-testid=change][data-field=unsettled_choice]').click();
  assert.equal(await currentQuestion(page), 'unsettled_choice');
  await answer(page, 'unsettled_choice', 'transfer_to_community');
  assert.equal(await currentQuestion(page), 'community_basis');
  // Changing the destination clears everything after it (the dates, asked first, stay).
  await page.locator('[data-testid=change][data-field=destination]').click();
  assert.equal(await currentQuestion(page), 'destination');
  await answer(page, 'destination', 'military');
  await page.locator('[data-testid=outcome]').waitFor();
  await page.context().close();
});

test('start again clears every answer', async () => {
  const page = await open();
  await answerAll(page, RETAIN);
  await page.locator('[data-testid=restart]').click();
  assert.equal(await currentQuestion(page), 'graduation_date');
  assert.equal(await page.locator('[data-testid=change]').count(), 0);
  await page.context().close();
});

test('the language switch re-renders in English and keeps the answers', async () => {
  const page = await open();
  await answerAll(page, RETAIN);
  await page.locator('[data-testid=lang-switch]').click();
  const want = expected(RETAIN, TODAY, { lang: 'en' });
  await page.locator('[data-testid=receiving-org]', { hasText: want.receiving.org }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.context().close();
});

test('staff can set an as-of date and the days left follow it', async () => {
  const page = await open();
  await page.locator('[data-testid=settings]').click();
  await page.locator('[data-testid=as-of-input]').fill('2022-08-25');
  await page.locator('[data-testid=as-of-input]').press('Enter');
  await answerAll(page, { ...RETAIN, unsettled_choice: 'transfer_to_community', community_basis: 'hukou', receiving_region: 'other' });
  const want = expected({ ...RETAIN, unsettled_choice: 'transfer_to_community', community_basis: 'hukou', receiving_region: 'other' }, '2022-08-25');
  const shown = await shownDeadlines(page);
  assert.deepEqual(shown.map((d) => d.state), want.deadlines.map((d) => d.state));
  assert.ok(shown.some((d) => d.state === 'due_soon'));
  await page.context().close();
});

test('a share link replays the answers, and says so when the policy has changed', async () => {
  const page = await open();
  await answerAll(page, RETAIN);
  await page.locator('[data-testid=share]').click();
  const link = await page.locator('[data-testid=share-link]').inputValue();
  const url = new URL(link);
  assert.equal(url.origin, server.origin);
  assert.ok(url.hash.length > 1, 'the answers travel in the fragment');
  assert.equal(url.search, '', 'nothing in the query string, which would reach a server');
  const before = server.requests.length;
  const again = await phonePage(browser, { today: TODAY });
  await again.goto(link);
  await ready(again);
  await again.locator('[data-testid=outcome]').waitFor();
  assert.equal(await again.locator('[data-testid=receiving-org]').textContent(),
    await page.locator('[data-testid=receiving-org]').textContent());
  assert.equal(await again.locator('[data-testid=policy-changed]').count(), 0);
  assert.ok(server.requests.slice(before).every((p) => !p.includes('unsettled')), 'answers never reach the server');
  // The same link with another policy hash: the page says the policy changed, naming both.
  const q = new URLSearchParams(url.hash.slice(1)), hash = q.get('h');
  assert.match(hash, /^[0-9a-f]{16}$/, 'the link names the policy hash');
  q.set('h', '0000000000000000');
  const third = await phonePage(browser, { today: TODAY });
  await third.goto(`${server.origin}/#${q}`);
  await ready(third);
  const note = await third.locator('[data-testid=policy-changed]').textContent();
  assert.ok(note.includes('0000000000000000') && note.includes(hash), note);
  assert.equal(await third.locator('[data-testid=receiving-org]').textContent(),
    await page.locator('[data-testid=receiving-org]').textContent(), 'replayed all the same');
  await third.context().close();
  await again.context().close();
  await page.context().close();
});

const linkTo = (params) => `#${new URLSearchParams({ xs: 1, ...params, a: Buffer.from(JSON.stringify(params.a ?? RETAIN)).toString('base64url') })}`;

test('the share link says what it holds before it is copied, holds only the answers given, and stays out of the address bar', async () => {
  const page = await open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  // Under 28 the Party question is not asked (issue 13): the answers given are the dates, destination and choice.
  const given = await answerAll(page, RETAIN);
  assert.ok(!('party_member' in given));
  const before = page.url();
  await page.locator('[data-testid=share]').click();
  const link = await page.locator('[data-testid=share-link]').inputValue();
  const q = new URLSearchParams(new URL(link).hash.slice(1));
  // Exactly: the marker, the policy hash and id, the language and the answers the outcome needs, the birth date as
  // the age answer (tests/browser/share.test.mjs) — nothing else.
  assert.deepEqual([...q.keys()].sort(), ['a', 'h', 'l', 'p', 'xs']);
  const { birth_date, ...rest } = given;
  assert.deepEqual(JSON.parse(Buffer.from(q.get('a'), 'base64url').toString('utf8')), { ...rest, age_band: 'under_limit' });
  assert.equal(q.get('l'), 'zh-CN');
  const said = await page.locator('[data-testid=share-contains]').textContent();
  for (const item of ['毕业日期：2022-06-30', '年龄：在仍适用的日期内都不满 28 周岁', '去向：', '语言、政策编号和校验值'])
    assert.ok(said.includes(item), `names ${item}: ${said}`);
  assert.ok(!said.includes(birth_date), said);
  assert.equal(page.url(), before, 'not written into the address bar or the history');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'before', 'nothing copied yet');
  await page.locator('[data-testid=share-copy]').click();
  await page.locator('.share [role=status]', { hasText: '已复制' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // With an as-of date, the link holds it and says so.
  await page.locator('[data-testid=settings]').click();
  await page.locator('[data-testid=as-of-input]').fill('2022-08-25');
  await page.locator('[data-testid=as-of-input]').press('Enter');
  await page.locator('[data-testid=share]').click();
  assert.equal(new URLSearchParams(new URL(await page.locator('[data-testid=share-link]').inputValue()).hash.slice(1)).get('t'), '2022-08-25');
  assert.match(await page.locator('[data-testid=share-contains]').textContent(), /计算日期 2022-08-25/);
  await page.context().close();
});

test('a link\'s policy id and hash are shown bounded and without direction controls in the "policy changed" note', async () => {
  const page = await open(linkTo({ h: 'ab\u202Ecd\u2066' + 'f'.repeat(5000), p: '\u202Eevil\u200F' + 'x'.repeat(5000) }));
  const note = await page.locator('[data-testid=policy-changed]').textContent();
  assert.doesNotMatch(note, /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/);
  assert.ok(note.includes('abcd') && note.includes('evil'), note);
  assert.ok(note.length < 400, `bounded: ${note.length} characters`);
  await page.locator('[data-testid=outcome]').waitFor();
  await page.context().close();
});

test('l=__proto__ or l=constructor in a link falls back to a language the page has', async () => {
  for (const l of ['__proto__', 'constructor', 'toString', 'fr']) {
    const page = await open(linkTo({ l }));
    await page.locator('[data-testid=outcome]').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN', l);
    assert.equal(await page.locator('[data-testid=receiving-org]').textContent(), expected(RETAIN, TODAY).receiving.org, l);
    // Still a working page: the language switch and start again.
    await page.locator('[data-testid=lang-switch]').click();
    await page.waitForFunction(() => document.documentElement.lang == 'en');
    await page.locator('[data-testid=restart]').click();
    await page.locator('[data-testid=question][data-question-id=graduation_date]').waitFor();  // the first question (issue 13: dates first)
    assert.deepEqual(page.seen.errors, [], l);
    await page.context().close();
  }
});

test('of two elements on one page only the first replays a share link', async () => {
  writeFile(dir, 'two.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>two</title>
    <script src="xueshe-check.js" defer></script></head><body><xueshe-check id="one"></xueshe-check><xueshe-check id="two"></xueshe-check></body></html>`);
  const page = await phonePage(browser, { today: TODAY });
  await page.goto(server.origin + '/two.html' + linkTo({}));
  await page.waitForFunction(() => [...document.querySelectorAll('xueshe-check')].every((e) => e.ready));
  await page.evaluate(() => Promise.all([...document.querySelectorAll('xueshe-check')].map((e) => e.ready)));
  const shown = await page.evaluate(() => [...document.querySelectorAll('xueshe-check')].map((e) => {
    const r = e.shadowRoot;
    return { outcome: !!r.querySelector('[data-testid=outcome]'), question: r.querySelector('[data-testid=question]')?.dataset.questionId };
  }));
  assert.deepEqual(shown, [{ outcome: true, question: undefined }, { outcome: false, question: 'graduation_date' }]);
  await page.context().close();
});

test('changing the policy attribute quickly shows the last policy asked for, never an older one that arrives later', async () => {
  const policy = JSON.parse(readFileSync(path.join(root, 'policies/hxci-2022.json'), 'utf8'));
  for (const id of ['slow-2022', 'fast-2022']) writeFile(dir, `${id}.json`, JSON.stringify({ ...policy, id }));
  writeFile(dir, 'race.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>race</title>
    <script src="xueshe-check.js" defer></script></head><body><xueshe-check></xueshe-check></body></html>`);
  const page = await phonePage(browser, { today: TODAY });
  await page.route('**/slow-2022.json', async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
  await page.goto(server.origin + '/race.html');
  await ready(page);
  await page.evaluate(() => {
    const el = document.querySelector('xueshe-check');
    el.setAttribute('policy', 'slow-2022.json');
    setTimeout(() => el.setAttribute('policy', 'fast-2022.json'), 100);
  });
  const footer = page.locator('footer');
  await footer.filter({ hasText: 'fast-2022' }).waitFor();
  await page.waitForTimeout(2500);  // the slow file has arrived by now
  assert.match(await footer.textContent(), /fast-2022/);
  assert.doesNotMatch(await footer.textContent(), /slow-2022/);
  await page.context().close();
});

// The printed checklist (print media, A4, as Chromium prints it): one page, for the outcomes with the most lines.
test('the printed checklist fits on one A4 page', async () => {
  const longest = [
    { destination: 'employed', graduation_date: '2022-06-30', birth_date: '2000-03-15', party_member: false, self_employed: false,
      employer_classified: false, civil_servant: false, employer_has_league_org: false, youth_home_has_league_org: true, receiving_region: 'guangdong' },
    { ...RETAIN, unsettled_choice: 'transfer_to_community', community_basis: 'hukou', receiving_region: 'beijing' },
    { destination: 'study_abroad', graduation_date: '2022-06-30', birth_date: '1994-08-15', party_member: true, departure_date: '2022-09-01', holds_league_post: true },
    RETAIN,
  ];
  for (const answers of longest) {
    const page = await open();
    await answerAll(page, answers);
    assert.equal(expected(answers, TODAY).status, 'outcome');
    const pdf = (await page.pdf({ format: 'A4', margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) || [];
    assert.equal(pages.length, 1, `one page for ${answers.destination}: ${pages.length}`);
    await page.context().close();
  }
});

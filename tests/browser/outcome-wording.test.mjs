// The outcome's words on a 360×640 phone (issue 13 item 7): a heading that fits an outcome transferring nothing,
// the application date said as "apply early" where it is also the completion date, the school-wide target marked as
// the school's, the browser's language at a first visit (a link or an explicit choice wins), "league" written one
// way in English, clause chips at least 24 px tall and apart, a hover distinct from the chosen answer (and none on a
// touch screen), 通知 rather than 这份政策, the application's length limit said only when it is exceeded; axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { answer, audit, launch, phonePage, ready, serve, siteCopy } from './harness.mjs';

const TODAY = '2022-07-01';
const BASE = { graduation_date: '2022-06-30', birth_date: '2000-01-01', party_member: false };
const EMPLOYED = { ...BASE, destination: 'employed', self_employed: false, employer_classified: false, civil_servant: false,
  employer_has_league_org: true, receiving_region: 'other' };
const RETAIN = { ...BASE, destination: 'unsettled', unsettled_choice: 'retain_at_school' };
const AGE_OUT = { ...EMPLOYED, birth_date: '1990-01-01', holds_league_post: false };
const ABROAD = { ...BASE, destination: 'study_abroad', departure_date: '2022-08-01' };

let browser, server;
before(async () => { browser = await launch(); server = await serve(siteCopy()); });
after(async () => { await browser.close(); await server.close(); });

// The page with a share link's answers (the SPEC §3 fields), as a member who opened the link sees it.
const link = (answers, lang) => `${server.origin}/#xs=1${lang ? '&l=' + lang : ''}&a=${Buffer.from(JSON.stringify(answers)).toString('base64url')}`;
async function outcomeOf(answers, { lang, ...options } = {}) {
  const page = await phonePage(browser, { today: TODAY, bypassCSP: true, ...options });
  await page.goto(link(answers, lang));
  await ready(page);
  await page.locator('[data-testid=outcome]').waitFor();
  return page;
}
const text = (page) => page.locator('[data-testid=outcome]').innerText();

test('the heading fits the outcome: "转到" only where the relationship leaves the school', async () => {
  for (const [answers, heading, org] of [[EMPLOYED, '团组织关系转到', /工作单位/], [RETAIN, '团组织关系留在', /原就读学校/], [AGE_OUT, '结果', /不转接/]]) {
    const page = await outcomeOf(answers);
    assert.equal(await page.locator('[data-testid=receiving-heading]').textContent(), heading);
    assert.match(await page.locator('[data-testid=receiving-org]').textContent(), org);
    assert.doesNotMatch(await text(page), /这份政策/);
    await audit(page, `the outcome headed ${heading}`);
    assert.deepEqual(page.seen.errors, []);
    await page.context().close();
  }
  const page = await outcomeOf(AGE_OUT, { lang: 'en' });
  assert.equal(await page.locator('[data-testid=receiving-heading]').textContent(), 'Your result');
  await page.context().close();
});

test('the application date shared with the completion date says "apply early"; the school-wide target is the school\'s', async () => {
  const page = await outcomeOf(EMPLOYED);
  const notes = await page.locator('[data-testid=deadline]').evaluateAll((ds) => ds.map((d) => ({ kind: d.dataset.kind, date: d.dataset.date,
    note: d.querySelector('[data-testid=deadline-note]')?.textContent || '' })));
  const apply = notes.find((d) => d.kind == 'apply_by'), complete = notes.find((d) => d.kind == 'complete_by');
  assert.equal(apply.date, complete.date, 'the 2022 notice: apply and complete by 8/31');
  assert.match(apply.note, /尽早申请：接收方要在这一天之前接收/);
  assert.equal(complete.note, '');
  assert.match(notes.find((d) => d.kind == 'all_complete_by').note, /学校全体毕业生的工作目标，不是你本人的截止日期/);
  await page.context().close();
  // English says the same.
  const en = await outcomeOf(EMPLOYED, { lang: 'en' });
  assert.match(await en.locator('[data-testid=deadline][data-kind=apply_by] [data-testid=deadline-note]').textContent(), /^Apply early/);
  assert.match(await en.locator('[data-testid=deadline][data-kind=all_complete_by] [data-testid=deadline-note]').textContent(), /school's target/);
  await en.context().close();
});

test('the browser\'s language at a first visit: en-* opens in English, anything else in Chinese; a link or a choice wins', async () => {
  for (const [locale, want] of [['en-US', 'en'], ['en-GB', 'en'], ['zh-CN', 'zh-CN'], ['zh-TW', 'zh-CN'], ['fr-FR', 'zh-CN']]) {
    const page = await phonePage(browser, { today: TODAY, locale });
    await page.goto(server.origin + '/');
    await ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), want, locale);
    await page.context().close();
  }
  // A share link's language wins over the browser's.
  const linked = await outcomeOf(EMPLOYED, { lang: 'zh-CN', locale: 'en-US' });
  assert.equal(await linked.evaluate(() => document.documentElement.lang), 'zh-CN');
  await linked.context().close();
  // An explicit choice wins at the next visit on the same device.
  const page = await phonePage(browser, { today: TODAY, locale: 'en-US' });
  await page.goto(server.origin + '/');
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.locator('[data-testid=lang-switch]').click();
  await page.waitForFunction(() => document.documentElement.lang == 'zh-CN');
  const again = await page.context().newPage();
  await again.goto(server.origin + '/');
  await ready(again);
  assert.equal(await again.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.context().close();
});

test('English writes "league" one way: lower case before organization, post, membership, system, committee', async () => {
  for (const answers of [EMPLOYED, AGE_OUT, { ...EMPLOYED, receiving_region: 'beijing' }]) {
    const page = await outcomeOf(answers, { lang: 'en' });
    const words = await page.locator('xueshe-check').evaluate((e) => e.shadowRoot.textContent);
    assert.doesNotMatch(words, /League (organi[sz]ation|post|membership|system|committee|relationship)/);
    await page.context().close();
  }
});

test('clause chips are at least 24 px tall and never touch; hover is not the chosen style, and there is none on a touch screen', async () => {
  const page = await outcomeOf({ ...EMPLOYED, receiving_region: 'beijing' });
  const chips = await page.locator('xueshe-check').evaluate((e) => [...e.shadowRoot.querySelectorAll('.warns li, .dls li, .steps li')].map((li) =>
    [...li.querySelectorAll(':scope > .cl, :scope > div > .cl')].map((c) => { const b = c.getBoundingClientRect(); return { top: b.top, left: b.left, right: b.right, height: b.height }; })));
  const all = chips.flat();
  assert.ok(all.length > 3);
  for (const c of all) assert.ok(c.height >= 24, `a chip ${c.height}px tall`);
  for (const row of chips)
    for (let i = 1; i < row.length; i++)
      if (Math.abs(row[i].top - row[i - 1].top) < 2) assert.ok(row[i].left - row[i - 1].right >= 4, `chips ${row[i].left - row[i - 1].right}px apart`);
  await page.context().close();

  // On a desktop with a mouse: hovering an answer looks different from the answer chosen before.
  const desk = await phonePage(browser, { today: TODAY, viewport: { width: 1000, height: 800 }, isMobile: false, hasTouch: false });
  await desk.goto(server.origin + '/');
  await ready(desk);
  // The dates first (issue 13): the destination's options are the ones compared.
  await answer(desk, 'graduation_date', '2022-06-30');
  await answer(desk, 'birth_date', '2000-03-15');
  const style = (loc) => loc.evaluate((e) => { const s = getComputedStyle(e); return `${s.backgroundColor} ${s.borderColor}`; });
  const first = desk.locator('[data-testid=option]').first(), second = desk.locator('[data-testid=option]').nth(1);
  await first.click();
  await desk.locator('[data-testid=back]').click();
  await desk.locator('[data-testid=option][aria-pressed=true]').waitFor();
  const chosen = await style(desk.locator('[data-testid=option][aria-pressed=true]'));
  const plain = await style(second);
  await second.hover();
  const hovered = await style(second);
  assert.notEqual(hovered, plain, 'hover shows');
  assert.notEqual(hovered, chosen, 'hover is not the chosen style');
  await desk.context().close();
  // On a touch screen (no hover): a tapped-then-left option keeps the plain style.
  const touch = await phonePage(browser, { today: TODAY });
  await touch.goto(server.origin + '/');
  await ready(touch);
  await answer(touch, 'graduation_date', '2022-06-30');
  await answer(touch, 'birth_date', '2000-03-15');
  const option = touch.locator('[data-testid=option]').nth(1);
  const before = await style(option);
  await option.hover();
  assert.equal(await style(option), before, 'no hover style on a touch screen');
  assert.equal(await touch.evaluate(() => matchMedia('(hover: hover)').matches), false);
  await touch.context().close();
});

test('the application form says a length limit only once it is exceeded', async () => {
  const page = await outcomeOf(ABROAD);
  await page.locator('[data-testid=application-open]').click();
  const name = page.locator('[data-testid=application-field][data-field=name]');
  await name.waitFor();
  assert.doesNotMatch(await name.textContent(), /最多 \d+ 个字/);
  const limit = name.locator('[data-testid=application-limit]');
  assert.equal(await limit.textContent(), '');
  await name.locator('input').fill('张'.repeat(2001));
  await limit.filter({ hasText: /最多 2000 个字/ }).waitFor();
  await name.locator('input').fill('张三');
  assert.equal(await limit.textContent(), '');
  await audit(page, 'the application form');
  await page.context().close();
});

test('on a phone the outcome fits the screen', async () => {
  const page = await outcomeOf(EMPLOYED);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360);
  await page.context().close();
});

// The outcome's styles come with xueshe-outcome.js (not in the first load) and are adopted by the shadow root: they
// must apply under the page's strict CSP (no inline styles), on screen and in print.
test('the outcome is styled under the strict CSP: its own stylesheet arrives with the outcome script', async () => {
  const page = await phonePage(browser, { today: TODAY });
  try {
    await page.goto(link(EMPLOYED));
    await ready(page);
    await page.locator('[data-testid=outcome]').waitFor();
    const look = () => page.locator('xueshe-check').evaluate((el) => {
      const r = el.shadowRoot, css = (sel) => getComputedStyle(r.querySelector(sel));
      return { deadline: css('[data-testid=deadline]').borderLeftWidth, org: css('[data-testid=receiving-org]').fontWeight,
        badge: css('[data-testid=step] .b').display };
    });
    assert.deepEqual(await look(), { deadline: '6px', org: '700', badge: 'inline-block' });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('xueshe-check').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('header')).display);
    assert.equal(printed, 'none');
    assert.deepEqual(page.seen.errors, []);
  } finally {
    await page.context().close();
  }
});

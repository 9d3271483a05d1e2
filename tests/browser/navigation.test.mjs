// Back, change, start again, language switch, share links and the as-of date.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { answer, answerAll, expected, launch, phonePage, ready, serve, shownDeadlines, siteCopy } from './harness.mjs';

const TODAY = '2022-07-01';
const RETAIN = { destination: 'unsettled', graduation_date: '2022-06-30', birth_date: '2000-03-15', party_member: false,
  unsettled_choice: 'retain_at_school' };
let browser, server;
before(async () => { browser = await launch(); server = await serve(siteCopy()); });
after(async () => { await browser.close(); await server.close(); });

async function open(hash = '') {
  const page = await phonePage(browser, { today: TODAY });
  await page.goto(server.origin + '/' + hash);
  await ready(page);
  return page;
}

const currentQuestion = (page) => page.locator('[data-testid=question]').getAttribute('data-question-id');

test('back returns to the previous question and keeps the answers', async () => {
  const page = await open();
  await answer(page, 'destination', 'employed');
  await answer(page, 'graduation_date', '2022-06-30');
  assert.equal(await currentQuestion(page), 'birth_date');
  await page.locator('[data-testid=back]').click();
  assert.equal(await currentQuestion(page), 'graduation_date');
  await page.locator('[data-testid=back]').click();
  assert.equal(await currentQuestion(page), 'destination');
  // Forward again: the answers given before are still in the summary.
  await answer(page, 'destination', 'employed');
  assert.match(await page.locator('[data-testid=summary]').textContent(), /已落实工作单位/);
  await page.context().close();
});

test('progress says where the member is', async () => {
  const page = await open();
  const first = await page.locator('[data-testid=progress]').textContent();
  await answer(page, 'destination', 'military');
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
  // Changing the destination clears everything after it.
  await page.locator('[data-testid=change][data-field=destination]').click();
  assert.equal(await currentQuestion(page), 'destination');
  await answer(page, 'destination', 'military');
  assert.equal(await currentQuestion(page), 'graduation_date');
  await page.context().close();
});

test('start again clears every answer', async () => {
  const page = await open();
  await answerAll(page, RETAIN);
  await page.locator('[data-testid=restart]').click();
  assert.equal(await currentQuestion(page), 'destination');
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
  // The same link with another policy hash: the page says the policy changed.
  const stale = link.replace(/[0-9a-f]{16}/, '0000000000000000');
  if (stale !== link) {
    const third = await phonePage(browser, { today: TODAY });
    await third.goto(stale);
    await ready(third);
    await third.locator('[data-testid=policy-changed]').waitFor();
    await third.context().close();
  }
  await again.context().close();
  await page.context().close();
});

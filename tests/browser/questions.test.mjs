// Issue 13 items 4 and 6 on a 360×640 phone: 不知道 is an answer, and its outcome
// shows both possibilities and how to find out; the unsettled member sees both
// options side by side (where, until when, what next, the conflict with 三.2③)
// before choosing. axe-core finds nothing on either screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { answer, assertOutcomeShown, audit, expected, launch, phonePage, ready, serve, siteCopy } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(siteCopy()); });
after(async () => { await browser.close(); await server.close(); });

const TODAY = '2022-07-01';
const PERSONAL = { graduation_date: '2022-06-30', birth_date: '2000-03-15' };

test('不知道 whether the employer has a league org: both organizations, and how to find out', async () => {
  const page = await phonePage(browser, { today: TODAY, bypassCSP: true });
  try {
    await page.goto(server.origin + '/');
    await ready(page);
    const answers = { ...PERSONAL, destination: 'employed', employer_type: 'private_company', employer_has_league_org: 'unknown', receiving_region: 'other' };
    for (const id of ['graduation_date', 'birth_date', 'destination', 'employer_type']) await answer(page, id, answers[id]);
    // The org question offers 不知道 beside yes and no.
    const q = page.locator('[data-testid=question][data-question-id=employer_has_league_org]');
    await q.waitFor();
    assert.deepEqual(await q.locator('[data-testid=option]').evaluateAll((els) => els.map((e) => e.dataset.value)), ['true', 'false', 'unknown']);
    assert.match(await q.locator('[data-testid=option][data-value=unknown]').textContent(), /不知道/);
    await audit(page, 'a question with 不知道');
    await answer(page, 'employer_has_league_org', 'unknown');
    await answer(page, 'receiving_region', 'other');
    const want = expected(answers, TODAY);
    assert.equal(want.variant, 'org_unknown');
    await assertOutcomeShown(page, want);
    // Both possibilities: the employer's org, and the township's (and the Youth Home's) as the other options.
    const alternatives = await page.locator('[data-testid=alternative]').evaluateAll((els) => els.map((e) => e.dataset.route));
    assert.deepEqual(alternatives, ['employer_township_org', 'youth_home_org']);
    const text = await page.locator('[data-testid=outcome]').textContent();
    assert.match(text, /不确定单位有没有团组织/);
    assert.match(text, /人事部门/);
    // A private firm is in no 系统团委's system: that step is not shown.
    assert.ok(!text.includes('系统团委'));
    await audit(page, 'the 不知道 outcome');
    assert.deepEqual(page.seen.errors, []);
  } finally {
    await page.context().close();
  }
});

test('the unsettled choice: both options side by side before choosing, within 360 px', async () => {
  const page = await phonePage(browser, { today: TODAY, bypassCSP: true });
  try {
    await page.goto(server.origin + '/');
    await ready(page);
    await answer(page, 'graduation_date', PERSONAL.graduation_date);
    await answer(page, 'birth_date', PERSONAL.birth_date);
    await answer(page, 'destination', 'unsettled');
    await page.locator('[data-testid=question][data-question-id=unsettled_choice]').waitFor();
    const cols = page.locator('[data-testid=compare-option]');
    assert.equal(await cols.count(), 2);
    const [a, b] = [await cols.nth(0).boundingBox(), await cols.nth(1).boundingBox()];
    assert.ok(Math.abs(a.y - b.y) < 1 && b.x >= a.x + a.width, 'side by side');
    assert.ok(b.x + b.width <= 360, 'within the screen');
    const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
    assert.ok(noScroll, 'no horizontal scroll');
    const retain = cols.nth(0), community = cols.nth(1);
    assert.equal(await retain.getAttribute('data-value'), 'retain_at_school');
    assert.match(await retain.locator('[data-testid=compare-where]').textContent(), /原就读学校/);
    assert.match(await retain.locator('[data-testid=compare-until]').textContent(), /2022-12-30/);
    assert.match(await retain.locator('[data-testid=compare-next]').textContent(), /保留期/);
    assert.equal(await retain.locator('[data-testid=compare-conflict]').getAttribute('data-code'), 'retention_conflict');
    assert.match(await retain.locator('[data-testid=compare-conflict]').textContent(), /三\.2③/);
    assert.match(await community.locator('[data-testid=compare-where]').textContent(), /流动团员团支部/);
    assert.match(await community.locator('[data-testid=compare-until]').textContent(), /2022-08-31/);
    assert.equal(await community.locator('[data-testid=compare-conflict]').count(), 0);
    // A clause chip opens the notice's words, as on the outcome.
    await retain.locator('[data-testid=clause][data-clause="二.4"]').first().click();
    assert.match(await retain.locator('[data-testid=clause-text]').textContent(), /保留团组织关系不超过6个月/);
    await audit(page, 'the side-by-side choice');
    // Choosing still works as before.
    await answer(page, 'unsettled_choice', 'retain_at_school');
    await assertOutcomeShown(page, expected({ ...PERSONAL, destination: 'unsettled', unsettled_choice: 'retain_at_school' }, TODAY));
    assert.deepEqual(page.seen.errors, []);
  } finally {
    await page.context().close();
  }
});

// Issue 13 item 1 on a 360×640 phone: the built-in 2022 notice opened on
// 2026-12-01 says at once that its dates are over, a 2026 graduation date is
// told it is outside the cohort on the very next question, and the outcome
// gives the routing and the help for a stuck transfer — never a date "overdue
// by 1553 days".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { answerAll, assertOutcomeShown, audit, expected, launch, phonePage, ready, serve, siteCopy, answer } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(siteCopy()); });
after(async () => { await browser.close(); await server.close(); });

const today = '2026-12-01';
const answers = {
  destination: 'employed', self_employed: false, employer_classified: false, civil_servant: false,
  employer_has_league_org: false, youth_home_has_league_org: false, graduation_date: '2026-06-30',
  birth_date: '2003-03-15', party_member: false, receiving_region: 'other',
};

test('2026-12-01 with the built-in 2022 notice: said at the first question and at the date, routing without dates', async () => {
  const page = await phonePage(browser, { today, bypassCSP: true });
  try {
    await page.goto(server.origin + '/');
    await ready(page);
    const banner = page.locator('[data-testid=cohort-banner]');
    assert.equal(await banner.getAttribute('data-reason'), 'policy_passed');
    assert.match(await banner.textContent(), /今年的通知/);
    // The older banner is not shown twice.
    assert.equal(await page.locator('[data-testid=policy-banner]').count(), 0);

    await answer(page, 'graduation_date', '2026-06-30');
    assert.equal(await banner.getAttribute('data-reason'), 'outside_cohort');
    assert.match(await banner.textContent(), /2026 年/);

    const want = expected({ graduation_date: answers.graduation_date, ...await answerAll(page, answers) }, today);
    assert.deepEqual(want.deadlines, []);
    await assertOutcomeShown(page, want);
    const text = await page.locator('xueshe-check').evaluate((el) => el.shadowRoot.textContent);
    assert.ok(!text.includes('已过期') && !text.includes('已过 '), 'nothing is said to be overdue');
    assert.ok(await page.locator('[data-testid=if-stuck]').count() >= 5);
    assert.ok(await page.locator('[data-testid=general-advice]').count() >= 1);
    // General advice is named in words, and its toggle opens what the tool says of it; its clause id is not shown.
    const advice = page.locator('[data-testid=if-stuck] [data-testid=general-advice]').first();
    assert.equal((await advice.textContent()).trim(), '一般建议');
    assert.ok(!text.includes('一般建议.卡住'), 'no id of the general advice on screen');
    await advice.click();
    assert.equal(await advice.getAttribute('aria-expanded'), 'true');
    assert.match(await page.locator('[data-testid=if-stuck] [data-testid=clause-text]').first().textContent(), /本工具的一般建议/);
    // A stuck-help clause opens its source's words like any other.
    await page.locator('[data-testid=if-stuck][data-id=not_transferring] [data-testid=clause]').click();
    assert.match(await page.locator('[data-testid=if-stuck][data-id=not_transferring] [data-testid=clause-text]').textContent(), /自行脱团/);
    await audit(page, 'out-of-cohort outcome');
    assert.deepEqual(page.seen.errors, []);
  } finally {
    await page.context().close();
  }
});

test('a named situation (西部计划) is an answer, and its outcome says it is general advice', async () => {
  const page = await phonePage(browser, { today: '2022-07-01' });
  try {
    await page.goto(server.origin + '/');
    await ready(page);
    assert.equal(await page.locator('[data-testid=cohort-banner]').count(), 0);
    const a = { ...answers, destination: 'western_volunteer', graduation_date: '2022-06-30', birth_date: '2000-03-15' };
    // The CLI's reference is what the page was given (the employer's type, no Youth Home question).
    const want = expected(await answerAll(page, a), '2022-07-01');
    await assertOutcomeShown(page, want);
    const notes = await page.locator('[data-testid=outcome]').textContent();
    assert.match(notes, /西部计划/);
    assert.match(notes, /一般建议/);
  } finally {
    await page.context().close();
  }
});

// Issue 13 item 5 on a 360×640 phone: a date is taken as people type it
// (2022/6/30, 2022.6.30, 2022年6月30日, 20220630, full-width digits), and a date
// the page cannot read is said in words that name the question — never an
// error code or a field id on the member's screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { audit, expected, launch, phonePage, ready, serve, siteCopy, answer } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(siteCopy()); });
after(async () => { await browser.close(); await server.close(); });

const today = '2022-07-01';
// Answers up to the graduation date (whatever order the flow asks them in).
const before_date = { destination: 'employed', birth_date: '2000-03-15', party_member: false };

const shadowText = (page, sel) => page.locator('xueshe-check').evaluate((el, s) => el.shadowRoot.querySelector(s)?.textContent ?? '', sel);

async function toDateQuestion(page) {
  for (let i = 0; i < 10; i++) {
    const q = page.locator('[data-testid=question]');
    await q.waitFor();
    const id = await q.getAttribute('data-question-id');
    if (id === 'graduation_date') return;
    if (!(id in before_date)) throw new Error(`asked ${id} before the graduation date`);
    await answer(page, id, before_date[id]);
  }
  throw new Error('the graduation date was never asked');
}

async function typeDate(page, text) {
  await page.locator('[data-testid=date-input]').fill(text);
  await page.locator('[data-testid=date-submit]').click();
}

test('each spelling of 30 June 2022 is taken as that date, as the CLI takes it', async () => {
  const page = await phonePage(browser, { today });
  try {
    await page.goto(server.origin + '/');
    await ready(page);
    const spellings = ['2022/6/30', '2022.6.30', '2022年6月30日', '20220630', '２０２２／６／３０', '２０２２年６月３０日'];
    for (const spelling of spellings) {
      await toDateQuestion(page);
      await typeDate(page, spelling);
      // The page moved on: the summary holds the date, and it is what the core makes of that spelling.
      const change = page.locator('[data-testid=change][data-field=graduation_date]');
      await change.waitFor();
      assert.equal(await page.locator('[data-testid=error]').count(), 0, spelling);
      const want = expected({ destination: 'employed', graduation_date: spelling }, today);
      const label = want.answered.find((x) => x.id === 'graduation_date').label;
      assert.match(await shadowText(page, '[data-testid=summary]'), new RegExp(label), spelling);
      await change.click();
    }
    assert.deepEqual(page.seen.errors, []);
  } finally {
    await page.context().close();
  }
});

test('a date that does not exist is said in words naming the question, with no code or field id on screen', async () => {
  const page = await phonePage(browser, { today });
  try {
    await page.goto(server.origin + '/');
    await ready(page);
    await toDateQuestion(page);
    await typeDate(page, '2022/6/31');
    const err = page.locator('[data-testid=error]');
    await err.waitFor();
    assert.equal(await err.getAttribute('data-code'), 'invalid_date');
    const text = await err.textContent();
    assert.match(text, /毕业日期/);               // the question, in words
    assert.match(text, /没有31日/);                // what is wrong
    assert.match(text, /2022年6月30日/);           // how it may be written
    for (const id of ['invalid_date', 'graduation_date', '错误代码']) assert.ok(!text.includes(id), `"${id}" is not shown`);
    assert.equal(await page.locator('[data-testid=date-input]').getAttribute('aria-invalid'), 'true');
    // Still on the same question, the typed text kept for correcting.
    assert.equal(await page.locator('[data-testid=question]').getAttribute('data-question-id'), 'graduation_date');
    const box = await err.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, 'the message fits the phone\'s width');
    await audit(page, 'misspelt date');
    await typeDate(page, '2022年6月30日');
    await page.locator('[data-testid=change][data-field=graduation_date]').waitFor();
    assert.equal(await err.count(), 0);
  } finally {
    await page.context().close();
  }
});

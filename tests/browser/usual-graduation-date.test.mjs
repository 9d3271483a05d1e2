// Issue 13 item 4 at 360×640: where the notice states the cohort's usual
// graduation date (policy key usual_graduation_date, cited), the date question
// offers it as one tap beside the typed date and the picker; the tap answers
// with that date and the next question follows. The built-in 2022 notice states
// none, so it offers none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { answer, answerAll, assertOutcomeShown, audit, expected, launch, phonePage, ready, root, serve, siteCopy, writeFile } from './harness.mjs';

const ID = 'example-2025-usual-date';
const today = '2025-06-15';
const answers = { birth_date: '2000-03-15', party_member: false, destination: 'unsettled', unsettled_choice: 'retain_at_school' };

let browser, server, dir;
before(async () => {
  browser = await launch();
  dir = siteCopy();
  // The fixture beside its base, as a school serves them.
  mkdirSync(path.join(dir, 'policies'));
  for (const id of [ID, 'example-2025-12m']) copyFileSync(path.join(root, 'tests/policies', id + '.json'), path.join(dir, 'policies', id + '.json'));
  writeFile(dir, 'usual.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>usual</title>
    <meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">
    <script src="xueshe-check.js" defer></script></head><body><main><h1>校团委</h1><xueshe-check policy="policies/${ID}.json"></xueshe-check></main></body></html>`);
  server = await serve(dir);
});
after(async () => { await browser.close(); await server.close(); });

test('the usual graduation date is one tap: it answers with that date and the next question follows', async () => {
  const page = await phonePage(browser, { today, bypassCSP: true });
  try {
    await page.goto(server.origin + '/usual.html');
    await ready(page);
    const question = page.locator('[data-testid=question]');
    const asked = [];
    // Up to the date question, as a member answers.
    for (;;) {
      await question.waitFor();
      const id = await question.getAttribute('data-question-id');
      if (id == 'graduation_date') break;
      asked.push(id);
      await answer(page, id, answers[id]);
    }
    const tap = page.locator('[data-testid=date-suggested]');
    assert.equal(await tap.getAttribute('data-value'), '2025-06-30');
    assert.equal(await tap.textContent(), '2025-06-30（本届通常的毕业日期）');
    // The typed input and the picker stay.
    assert.equal(await page.locator('[data-testid=date-input]').count(), 1);
    assert.equal(await page.locator('[data-testid=date-picker]').count(), 1);
    // Cited: its clause opens the notice's words.
    await page.locator('[data-testid=question] [data-testid=clause][data-clause="4"]').click();
    assert.match(await page.locator('[data-testid=clause-text]').textContent(), /2025 年 6 月 30 日毕业离校/);
    const box = await tap.boundingBox();
    assert.ok(box.height >= 44 && box.x >= 0 && box.x + box.width <= 360, `a tap target on the phone: ${JSON.stringify(box)}`);
    await audit(page, 'the date question with the usual date');

    await tap.click();
    await page.waitForFunction(() => document.querySelector('xueshe-check').shadowRoot
      .querySelector('[data-testid=question]')?.getAttribute('data-question-id') != 'graduation_date');
    assert.notEqual(await question.getAttribute('data-question-id'), 'graduation_date');
    // The date is recorded: the summary shows it, and the outcome is the CLI's for that date.
    assert.match(await page.locator('[data-testid=summary]').textContent(), /2025-06-30/);
    const given = { ...Object.fromEntries(asked.map((id) => [id, answers[id]])), graduation_date: '2025-06-30', ...await answerAll(page, answers) };
    const want = expected(given, today, { policy: path.join(root, 'tests/policies', ID + '.json') });
    assert.ok(want.answered.some((a) => a.id == 'graduation_date' && a.value == '2025-06-30'));
    await assertOutcomeShown(page, want);
    await audit(page, 'the outcome after the one tap');
    assert.deepEqual(page.seen.errors, []);
  } finally {
    await page.context().close();
  }
});

test('the built-in 2022 notice states no usual date: the date question offers none', async () => {
  const page = await phonePage(browser, { today: '2022-06-15' });
  try {
    await page.goto(server.origin + '/');
    await ready(page);
    await page.locator('[data-testid=question][data-question-id=graduation_date]').waitFor();
    assert.equal(await page.locator('[data-testid=date-suggested]').count(), 0);
    assert.equal(await page.locator('[data-testid=date-input]').count(), 1);
  } finally {
    await page.context().close();
  }
});

// The study-abroad application (二.5) on the real page, under the strict CSP:
// answered through the page's buttons, opened with the outcome's own button,
// filled with hostile text, checked by the core (errors under their fields, the
// same words the CLI gives), shown as an A4 sheet where every value is text,
// printed alone, accessible (axe-core), and nothing typed leaves the device.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { audit, answerAll, cli, launch, phonePage, ready, serve, siteCopy } from './harness.mjs';

const TODAY = '2022-06-01';
const ABROAD = { destination: 'study_abroad', graduation_date: '2022-06-30', departure_date: '2022-08-01',
  birth_date: '2000-01-01', party_member: false };
// 2,000 code points, a quarter of them outside the BMP (2,500 UTF-16 units), no spaces to break at.
const LONG = Array.from({ length: 2000 }, (_, i) => ['a', '学', 'Z', '😀'][i % 4]).join('');
const HOSTILE = {
  name: '<script>alert(1)</script>',
  student_id: `"quotes" & 'apostrophes'`,
  college: '信息工程学院 <img src=x onerror="window.__pwned=1">',
  country_or_region: '🇨🇳👩‍🎓',
  institution: LONG,
  from: '2022-08-01',
  until: '2023-09-30',
  study_plan: 'line one\n<b>line two</b>\n{name}',
  contact_name: '张父',
  contact_relationship: '父亲',
  contact_phone: '+86 (138) 0000-0000',
  contact_abroad: "<a href='javascript:alert(3)'>wechat</a>",
};

// What the native CLI says for the same answers and fields.
function cliApplication(applicant, args = []) {
  const r = spawnSync(cli, ['application', '--today', TODAY, '--format', 'json', ...args],
    { input: JSON.stringify({ answers: ABROAD, applicant }), encoding: 'utf8' });
  return JSON.parse(r.stdout);
}

let browser, server;
before(async () => { browser = await launch(); server = await serve(siteCopy()); });
after(async () => { await browser.close(); await server.close(); });

async function openApplication(page) {
  await page.goto(server.origin + '/');
  await ready(page);
  await answerAll(page, ABROAD);
  await page.locator('[data-testid=application-open]').click();
  await page.locator('[data-testid=application-form]').waitFor();
}

async function fill(page, values) {
  for (const [id, v] of Object.entries(values))
    await page.locator(`[data-testid=application-field][data-field=${id}] :is(input, textarea)`).fill(v);
}

test('the application, from the outcome button to the printed sheet, with hostile text shown as text', async () => {
  const page = await phonePage(browser, { today: TODAY });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await openApplication(page);

  // The form the core defines, 'from' prefilled from the answers.
  const form = cliApplication(null, ['--form']).form;
  const fields = page.locator('[data-testid=application-field]');
  assert.deepEqual(await fields.evaluateAll((els) => els.map((e) => e.dataset.field)), form.fields.map((f) => f.id));
  assert.equal(await page.locator('[data-field=from] input').inputValue(), '2022-08-01');
  assert.equal(await page.locator('[data-field=from] input').getAttribute('type'), 'date');
  assert.equal(await page.locator('[data-field=contact_phone] input').getAttribute('maxlength'), '32');
  assert.equal(await page.locator('[data-field=study_plan] textarea').count(), 1);
  assert.equal((await page.locator('[data-field=name] label').textContent()).trim(), `${form.fields[0].label} (${form.labels.required})`);

  // Nothing filled in: every required field says so, under itself.
  await page.locator('[data-field=until] input').fill('');
  await page.locator('[data-testid=application-submit]').click();
  const required = form.fields.filter((f) => f.required && f.id != 'from').map((f) => f.id);
  assert.deepEqual(await page.locator('[data-testid=application-error]').evaluateAll((els) => els.map((e) => e.dataset.field)), required);
  assert.equal(await page.evaluate(() => document.querySelector('xueshe-check').shadowRoot.activeElement?.name), 'name');

  // An invalid phone: its error under the field, in the CLI's words, the field invalid, described and focused.
  const before = page.seen.requests.length;
  await fill(page, { ...HOSTILE, contact_phone: 'call me 138' });
  await page.locator('[data-testid=application-submit]').click();
  const phoneError = page.locator('[data-testid=application-error][data-field=contact_phone]');
  await phoneError.waitFor();
  assert.equal(await page.locator('[data-testid=application-error]').count(), 1);
  const want = cliApplication({ ...HOSTILE, contact_phone: 'call me 138' });
  assert.equal(want.error.field, 'applicant.contact_phone');
  assert.equal(await phoneError.textContent(), want.error.message);
  const phone = page.locator('[data-field=contact_phone] input');
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  assert.ok((await phone.getAttribute('aria-describedby')).split(' ').includes(await phoneError.getAttribute('id')));
  assert.equal(await page.evaluate(() => document.querySelector('xueshe-check').shadowRoot.activeElement?.name), 'contact_phone');
  assert.equal(await page.locator('[data-testid=application-document]').count(), 0);

  // 2,001 code points are one too many (2,501 UTF-16 units: the core counts code points).
  await fill(page, { institution: LONG + 'x', contact_phone: HOSTILE.contact_phone });
  await page.locator('[data-testid=application-submit]').click();
  const long = page.locator('[data-testid=application-error][data-field=institution]');
  await long.waitFor();
  assert.match(await long.textContent(), /2001/);
  assert.equal(await page.locator('[data-field=contact_phone] input').getAttribute('aria-invalid'), null);

  // Everything valid: the document, every value exactly as typed.
  await fill(page, { institution: LONG });
  await page.locator('[data-testid=application-submit]').click();
  const sheet = page.locator('[data-testid=application-document]');
  await sheet.waitFor();
  assert.equal(await page.locator('[data-testid=application-form]').isVisible(), false);
  const reference = cliApplication(HOSTILE).document;
  for (const [id, value] of Object.entries(HOSTILE))
    assert.equal(await sheet.locator(`tr[data-field=${id}] td`).textContent(), /^\d{4}-\d\d-\d\d$/.test(value) ? reference.rows.find((r) => r.field == id).value : value, id);
  // Dates as a letter writes them; neither an ISO date nor the policy's hash anywhere on the printed sheet.
  assert.equal(await sheet.locator('tr[data-field=from] td').textContent(), '2022年8月1日');
  const printedText = await sheet.textContent();
  assert.doesNotMatch(printedText, /\d{4}-\d\d-\d\d/);
  assert.ok(!printedText.includes(reference.policy.hash), 'no policy hash on the sheet');
  assert.deepEqual(await sheet.locator('.xa-p').allTextContents(), [...reference.body, reference.pledge]);
  assert.equal(await sheet.locator('.xa-foot').textContent(), reference.footer);
  // No element came from the text, no script ran, no dialog opened.
  assert.equal(await sheet.locator('script, img, b, a').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(dialogs, []);

  // It fits: the sheet and the page, 360 px wide, with a 2,000-character word.
  const fit = await sheet.evaluate((s) => ({ sheet: [s.scrollWidth, s.clientWidth], page: [document.documentElement.scrollWidth, innerWidth],
    cells: [...s.querySelectorAll('td')].every((td) => td.scrollWidth <= td.clientWidth) }));
  assert.ok(fit.sheet[0] <= fit.sheet[1], `sheet ${fit.sheet}`);
  assert.ok(fit.page[0] <= fit.page[1], `page ${fit.page}`);
  assert.ok(fit.cells);

  // Print: only the application. The host carries data-print while printing.
  await page.evaluate(() => {
    window.print = () => { window.__printed = document.querySelector('xueshe-check').getAttribute('data-print'); };
  });
  await page.locator('[data-testid=application-print]').click();
  await page.waitForFunction(() => window.__printed);
  assert.equal(await page.evaluate(() => window.__printed), 'application');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await sheet.isVisible(), true);
  for (const hidden of ['outcome', 'summary', 'application-print', 'application-form', 'lang-switch', 'restart'])
    assert.equal(await page.locator(`[data-testid=${hidden}]`).first().isVisible(), false, hidden);
  const printed = await page.evaluate(() => {
    const root = document.querySelector('xueshe-check').shadowRoot, sheet = root.querySelector('[data-testid=application-document]');
    const shown = [...root.querySelectorAll('*')].filter((e) => e.checkVisibility() && !sheet.contains(e) && !e.contains(sheet));
    return { others: shown.map((e) => e.tagName), text: root.querySelector('.w').innerText.trim() == sheet.innerText.trim() };
  });
  assert.deepEqual(printed.others, []);
  assert.ok(printed.text, 'the printed text is the sheet\'s alone');
  await page.setViewportSize({ width: 658, height: 987 });  // A4 less 18 mm margins, at 96 dpi
  assert.ok(await sheet.evaluate((s) => s.scrollWidth <= s.clientWidth));
  // After printing the page is as it was: the ordinary print (the checklist) again.
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  assert.equal(await page.evaluate(() => document.querySelector('xueshe-check').hasAttribute('data-print')), false);
  assert.equal(await page.evaluate(() => document.querySelectorAll('link[data-xueshe-application-print]').length), 0);
  assert.equal(await page.locator('[data-testid=outcome]').isVisible(), true);
  assert.equal(await sheet.isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await sheet.isVisible(), true);

  // Nothing typed left the device: after the first submit, no request but the stylesheet for printing, none
  // carrying what was typed, nothing stored.
  const later = page.seen.requests.slice(before);
  assert.ok(later.every((u) => u == server.origin + '/xueshe-application.css'), later.join(' '));
  assert.ok(page.seen.requests.every((u) => u.startsWith(server.origin + '/') && !u.includes('script') && !u.includes('%E5%BC%A0')));
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
  assert.deepEqual(page.seen.errors, []);

  // Change: back to the form with every value kept.
  await page.locator('.xa-tools button').nth(1).click();
  assert.equal(await page.locator('[data-field=name] input').inputValue(), HOSTILE.name);
  assert.equal(await page.locator('[data-field=institution] input').inputValue(), LONG);
  await page.context().close();
});

test('axe-core finds no violations on the form, its errors and the sheet; English throughout', async () => {
  const page = await phonePage(browser, { today: TODAY, bypassCSP: true });
  await page.goto(server.origin + '/');
  await ready(page);
  await page.locator('[data-testid=lang-switch]').click();
  await page.locator('[data-testid=question][data-question-id=graduation_date]').waitFor();  // the first question (issue 13: dates first)
  await answerAll(page, ABROAD);
  await page.locator('[data-testid=application-open]').click();
  await page.locator('[data-testid=application-form]').waitFor();
  const form = cliApplication(null, ['--form', '--lang', 'en']).form;
  assert.equal(await page.locator('[data-testid=application-form] #xa-h').textContent(), form.title);
  await page.locator('[data-testid=application-form] details summary').click();
  await audit(page, 'the form');
  await fill(page, { ...HOSTILE, until: '2022-07-01', contact_phone: '' });
  await page.locator('[data-testid=application-submit]').click();
  await page.locator('[data-testid=application-error][data-field=until]').waitFor();
  const want = cliApplication({ ...HOSTILE, until: '2022-07-01', contact_phone: '' }, ['--lang', 'en']);
  assert.deepEqual(await page.locator('[data-testid=application-error]').allTextContents(), want.errors.map((e) => e.message));
  await audit(page, 'the form with errors');
  await fill(page, HOSTILE);
  await page.locator('[data-testid=application-submit]').click();
  await page.locator('[data-testid=application-document]').waitFor();
  assert.equal(await page.locator('[data-testid=application-print]').textContent(), 'Print');
  await audit(page, 'the sheet');
  await page.context().close();
});

test('a usual application prints on one A4 page, the application alone', async () => {
  const page = await phonePage(browser, { today: TODAY });
  await openApplication(page);
  await fill(page, { name: '王小明', student_id: '2018010123', college: '信息工程学院', country_or_region: '英国',
    institution: '爱丁堡大学（The University of Edinburgh）', until: '2023-09-30', study_plan: '数据科学，理学硕士',
    contact_name: '王建国', contact_relationship: '父亲', contact_phone: '+86 138 0000 0000',
    contact_abroad: '电子邮箱 xiaoming.wang@example.com；微信 wxm2022' });
  await page.locator('[data-testid=application-submit]').click();
  await page.locator('[data-testid=application-document]').waitFor();
  await page.evaluate(() => { window.print = () => {}; });
  await page.locator('[data-testid=application-print]').click();
  await page.waitForFunction(() => document.querySelector('xueshe-check').getAttribute('data-print') == 'application');
  // Chromium's own print path: the @page box of the application's stylesheet, print media.
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g) || [];
  assert.equal(pages.length, 1, 'one page');
  const box = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  assert.ok(box, 'a page box');
  assert.ok(Math.abs(box[1] / 72 * 25.4 - 210) < 1 && Math.abs(box[2] / 72 * 25.4 - 297) < 1, `A4: ${box[1]} × ${box[2]} pt`);
  await page.context().close();
});

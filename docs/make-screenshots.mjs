// Regenerates the README's screenshots (zh-CN) from the built site: a question
// screen (the unsettled choice side by side) and an outcome screen (360×640 phone), the printed study-abroad
// application (二.5) on an A4 page, and the staff page's results for a roster
// with bad rows (1280×800). Not a test.
// Usage: node docs/make-screenshots.mjs [question] [outcome] [application] [staff]   (default: all;
//        needs fonts-noto-cjk for Chinese glyphs)
import path from 'node:path';
import { answer, answerAll, launch, phonePage, ready, root, serve, siteCopy } from '../tests/browser/harness.mjs';

const wanted = process.argv.slice(2);
const want = (name) => !wanted.length || wanted.includes(name);
const browser = await launch();
const server = await serve(siteCopy());
const made = [];

if (want('question') || want('outcome')) {
  const page = await phonePage(browser, { today: '2022-08-25' });
  await page.goto(server.origin + '/');
  await ready(page);
  // The dates first, then the destination: the unsettled choice, its two options side by side.
  await answer(page, 'graduation_date', '2022-06-30');
  await answer(page, 'birth_date', '2000-03-15');
  await answer(page, 'destination', 'unsettled');
  await page.locator('[data-testid=compare]').waitFor();
  if (want('question')) made.push(await shot(page, 'docs/screenshot-question.png'));
  await answerAll(page, { unsettled_choice: 'transfer_to_community', community_basis: 'hukou', receiving_region: 'other' });
  await page.locator('[data-testid=outcome]').scrollIntoViewIfNeeded();
  if (want('outcome')) made.push(await shot(page, 'docs/screenshot-outcome.png'));
  await page.context().close();
}

if (want('application')) {
  // The page prints the sheet alone; this draws what the printer gets: the
  // A4 page's content area (210 × 297 mm less 18 mm margins, at 96 dpi)
  // placed inside the page's margins.
  const mm = 96 / 25.4, A4 = { width: Math.round(210 * mm), height: Math.round(297 * mm) }, margin = Math.round(18 * mm);
  const content = { width: A4.width - 2 * margin, height: A4.height - 2 * margin };
  const page = await phonePage(browser, { today: '2022-06-01', viewport: content, deviceScaleFactor: 2, isMobile: false, hasTouch: false });
  await page.goto(server.origin + '/');
  await ready(page);
  await answerAll(page, { destination: 'study_abroad', graduation_date: '2022-06-30', departure_date: '2022-08-01',
    birth_date: '2000-01-01', party_member: false });
  await page.locator('[data-testid=application-open]').click();
  const typed = { name: '王小明', student_id: '2018010123', college: '信息工程学院', country_or_region: '英国',
    institution: '爱丁堡大学（The University of Edinburgh）', until: '2023-09-30',
    study_plan: '数据科学，理学硕士（MSc Data Science）', contact_name: '王建国', contact_relationship: '父亲',
    contact_phone: '+86 138 0000 0000', contact_abroad: '电子邮箱 xiaoming.wang@example.com；微信 wxm2022' };
  for (const [id, v] of Object.entries(typed))
    await page.locator(`[data-testid=application-field][data-field=${id}] :is(input, textarea)`).fill(v);
  await page.locator('[data-testid=application-submit]').click();
  await page.locator('[data-testid=application-document]').waitFor();
  await page.evaluate(() => { window.print = () => {}; });
  await page.locator('[data-testid=application-print]').click();
  await page.waitForFunction(() => document.querySelector('xueshe-check').getAttribute('data-print') == 'application');
  await page.emulateMedia({ media: 'print' });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > content.height) console.warn(`the application is ${height}px tall: more than one A4 page (${content.height}px)`);
  const printed = await page.screenshot({ fullPage: true });
  // The content area on a white A4 sheet, outlined so that it shows on a white README.
  const sheet = await browser.newPage({ viewport: A4, deviceScaleFactor: 2 });
  await sheet.setContent(`<body style="margin:0;background:#fff;box-shadow:inset 0 0 0 1px #bbb;height:${A4.height}px">
    <img style="position:absolute;left:${margin}px;top:${margin}px;width:${content.width}px"
         src="data:image/png;base64,${printed.toString('base64')}"></body>`);
  made.push(await shot(sheet, 'docs/application-print.png'));
  await sheet.close();
  await page.context().close();
}

if (want('staff')) {
  // The results of a roster with bad rows, scrolled to the table (the page scrolls, the table has no box of its own).
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2022-09-01T10:00:00+08:00'));
  await page.goto(server.origin + '/staff.html');
  await page.locator('[data-testid=roster-file]').setInputFiles(path.join(root, 'tests/roster/mixed.csv'));
  await page.locator('[data-testid=summary]').waitFor();
  await page.locator('[data-testid=roster-table] caption').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  made.push(await shot(page, 'docs/staff-page.png'));
  await context.close();
}

await browser.close();
await server.close();
console.log(made.join(', '));

async function shot(page, file) {
  await page.screenshot({ path: path.join(root, file) });
  return file;
}

// Regenerates the README's screenshots (zh-CN, 360×640 phone) from the built
// site: a question screen and an outcome screen. Not a test.
// Usage: node docs/make-screenshots.mjs   (needs fonts-noto-cjk for Chinese glyphs)
import path from 'node:path';
import { answer, answerAll, launch, phonePage, ready, root, serve, siteCopy } from '../tests/browser/harness.mjs';

const browser = await launch();
const server = await serve(siteCopy());
const page = await phonePage(browser, { today: '2022-08-25' });
await page.goto(server.origin + '/');
await ready(page);
await answer(page, 'destination', 'unsettled');
await page.screenshot({ path: path.join(root, 'docs/screenshot-question.png') });
await answerAll(page, { graduation_date: '2022-06-30', birth_date: '2000-03-15', party_member: false,
  unsettled_choice: 'transfer_to_community', community_basis: 'hukou', receiving_region: 'other' });
await page.locator('[data-testid=outcome]').scrollIntoViewIfNeeded();
await page.screenshot({ path: path.join(root, 'docs/screenshot-outcome.png') });
await browser.close();
await server.close();
console.log('docs/screenshot-question.png, docs/screenshot-outcome.png');

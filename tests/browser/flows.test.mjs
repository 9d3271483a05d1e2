// One complete flow per destination and sub-branch, on a 360×640 phone: every
// outcome scenario of the 2022 policy (tests/scenarios/) answered through the
// page's own buttons, with the organization, its fallbacks, dates and warnings
// the native CLI gives for the same answers and day on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { answerAll, assertOutcomeShown, expected, launch, phonePage, ready, root, serve, siteCopy } from './harness.mjs';

const dir = path.join(root, 'tests/scenarios');
const flows = readdirSync(dir).sort()
  .map((f) => ({ file: f, ...JSON.parse(readFileSync(path.join(dir, f), 'utf8')) }))
  .filter((s) => (!s.policy || s.policy === 'hxci-2022') && (!s.lang || s.lang === 'zh-CN') && s.expect.status === 'outcome');

let browser, server;
before(async () => { browser = await launch(); server = await serve(siteCopy()); });
after(async () => { await browser.close(); await server.close(); });

test('the flows cover every route of the 2022 policy', () => {
  const routes = new Set(flows.map((s) => s.expect.route));
  for (const r of ['employer_org', 'employer_township_org', 'new_school_org', 'special_unit_pool', 'community_mobile_branch',
    'retain_at_school', 'overseas_study_branch', 'dispatching_unit_org', 'hometown_township_org', 'delayed_graduation_org', 'age_out'])
    assert.ok(routes.has(r), r);
});

for (const s of flows) {
  test(`${s.file}: ${s.name}`, async () => {
    const page = await phonePage(browser, { today: s.today });
    try {
      await page.goto(server.origin + '/');
      await ready(page);
      // Answered as a member does today (the employer's type, no Youth Home question): the same route.
      const given = await answerAll(page, s.answers);
      const want = expected(given, s.today);
      assert.equal(want.route, s.expect.route);
      await assertOutcomeShown(page, want);
      assert.deepEqual(page.seen.errors, []);
    } finally {
      await page.context().close();
    }
  });
}

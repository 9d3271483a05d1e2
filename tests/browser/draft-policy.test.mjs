// A school that embeds next year's draft policy (values not yet checked
// against its notice) gets a banner on every screen and a warning on the
// outcome — the texts the core gives the CLI; the main page links the staff page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { answerAll, cli, expected, launch, phonePage, ready, serve, siteCopy, writeFile } from './harness.mjs';

let browser, server, dir;
const draft = spawnSync(cli, ['policy', 'draft', '--from', 'hxci-2022', '--cohort', '2026'], { encoding: 'utf8' });
const answers = { destination: 'employed', graduation_date: '2026-06-30', birth_date: '2004-03-15', party_member: false,
  self_employed: false, civil_servant: false, employer_classified: false, employer_has_league_org: true, receiving_region: 'other' };

before(async () => {
  assert.equal(draft.status, 0, draft.stderr);
  browser = await launch();
  dir = siteCopy();
  writeFile(dir, 'draft.json', draft.stdout);
  writeFile(dir, 'embed-draft.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>draft</title>
    <script src="xueshe-check.js" defer></script></head><body><xueshe-check policy="draft.json"></xueshe-check></body></html>`);
  server = await serve(dir);
});
after(async () => { await browser.close(); await server.close(); });

test('a draft policy: the banner on the first question and on the outcome, the warning on the outcome', async () => {
  const page = await phonePage(browser, { today: '2026-06-01' });
  try {
    await page.goto(server.origin + '/embed-draft.html');
    await ready(page);
    const want = expected(answers, '2026-06-01', { policy: `${dir}/draft.json` });
    assert.equal(want.status, 'outcome');
    assert.ok(want.policy.unverified > 0);
    const banner = page.locator('[data-testid=policy-banner]');
    assert.equal(await banner.textContent(), want.policy.unverified_text);
    assert.equal(await page.locator('[data-testid=question]').count(), 1);
    await answerAll(page, answers);
    assert.equal(await banner.textContent(), want.policy.unverified_text);
    const codes = await page.locator('[data-testid=warning]').evaluateAll((els) => els.map((e) => e.dataset.code));
    assert.ok(codes.includes('policy_unverified'), codes.join());
    assert.deepEqual(codes, want.warnings.map((w) => w.code));
  } finally {
    await page.context().close();
  }
});

test('the built-in policy has no banner; the main page links the staff page, which loads', async () => {
  const page = await phonePage(browser, { today: '2022-06-01' });
  try {
    await page.goto(server.origin + '/');
    await ready(page);
    assert.equal(await page.locator('[data-testid=policy-banner]').count(), 0);
    const link = page.locator('[data-testid=staff-link]');
    assert.equal(await link.getAttribute('href'), server.origin + '/staff.html');
    const res = await page.request.get(await link.getAttribute('href'));
    assert.equal(res.status(), 200);
  } finally {
    await page.context().close();
  }
});

// A school's layered policy on the member's page: <xueshe-check policy="…"> names
// only the school's own file; the page fetches each base file the core says is
// missing from the same folder (each once), and shows the outcome the CLI gives
// for the same policy — a Guangdong notice (SCUT 2025 on guangdong → the 2022
// guide → the pre-2022 guide) and a notice on the 2022 revision (Nankai 2024),
// each with its own dates and fallbacks, at 360×640. Also: offline after one
// visit, and a base file that is not there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { answerAll, assertOutcomeShown, audit, expected, launch, phonePage, ready, root, serve, siteCopy, waitUntilCached, writeFile } from './harness.mjs';

const CHAIN = ['guangdong', 'zhtj-guide-2022', 'zhtj-guide-pre2022'];
const SCUT = {
  today: '2025-06-19',
  answers: { destination: 'further_study', graduation_date: '2025-06-30', birth_date: '2003-04-10', party_member: false,
    receiving_region: 'guangdong', study_level: 'postgraduate', enrollment_date: '2025-09-01' },
};
const NANKAI = {
  today: '2024-06-03',
  retain: { destination: 'unsettled', graduation_date: '2024-06-30', birth_date: '2002-02-14', party_member: false,
    unsettled_choice: 'retain_at_school' },
  community: { unsettled_choice: 'transfer_to_community', community_basis: 'residence', receiving_region: 'other' },
};

let browser, server, dir;
const policy = (folder, id) => path.join(dir, folder, id + '.json');

before(async () => {
  browser = await launch();
  dir = siteCopy();
  // The policies as a school serves them: its own file beside its bases ...
  mkdirSync(path.join(dir, 'policies'));
  for (const id of ['scut-marxism-2025', 'nankai-lifesci-2024', ...CHAIN]) copyFileSync(path.join(root, 'policies', id + '.json'), policy('policies', id));
  // ... and a folder where guangdong.json was forgotten.
  mkdirSync(path.join(dir, 'partial'));
  for (const id of ['scut-marxism-2025', 'zhtj-guide-2022', 'zhtj-guide-pre2022']) copyFileSync(path.join(root, 'policies', id + '.json'), policy('partial', id));
  for (const [name, src, app] of [['scut', 'policies/scut-marxism-2025.json', ''], ['nankai', 'policies/nankai-lifesci-2024.json', ''],
    ['scut-app', 'policies/scut-marxism-2025.json', ' app'], ['partial', 'partial/scut-marxism-2025.json', '']])
    writeFile(dir, `${name}.html`, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${name}</title>
      <meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">
      <script src="xueshe-check.js" defer></script></head><body><main>${app ? '' : '<h1>校团委</h1>'}<xueshe-check${app} policy="${src}"></xueshe-check></main></body></html>`);
  server = await serve(dir);
});
after(async () => { await browser.close(); await server.close(); });

// The policy files the page asked for, in order.
const policyRequests = (page) => page.seen.requests.map((u) => new URL(u).pathname).filter((p) => p.endsWith('.json'));

test('Guangdong: SCUT 2025 loads with its three bases and shows its 30-day date and the temporary branch', async () => {
  const page = await phonePage(browser, { today: SCUT.today, bypassCSP: true });
  try {
    await page.goto(server.origin + '/scut.html');
    await ready(page);
    await answerAll(page, SCUT.answers);
    const want = expected(SCUT.answers, SCUT.today, { policy: policy('policies', 'scut-marxism-2025') });
    assert.equal(want.route, 'new_school_org');
    assert.ok(want.deadlines.length > 0 && want.fallbacks.length > 0, 'this flow has dates and a fallback of its own');
    await assertOutcomeShown(page, want);
    assert.match(await page.locator('footer').textContent(), /scut-marxism-2025/);
    await audit(page, 'an outcome with a fallback');
    // English: the same bases, no file fetched again.
    await page.locator('[data-testid=lang-switch]').click();
    await page.locator('xueshe-check[lang=en] [data-testid=outcome]').waitFor();
    await assertOutcomeShown(page, expected(SCUT.answers, SCUT.today, { policy: policy('policies', 'scut-marxism-2025'), lang: 'en' }));
    assert.deepEqual(policyRequests(page), ['/policies/scut-marxism-2025.json', ...CHAIN.map((id) => `/policies/${id}.json`)]);
    assert.deepEqual(page.seen.errors, []);
  } finally {
    await page.context().close();
  }
});

test('2022 revision: Nankai 2024 shows its retention dates, then, changed to the community, the county fallback', async () => {
  const page = await phonePage(browser, { today: NANKAI.today });
  try {
    await page.goto(server.origin + '/nankai.html');
    await ready(page);
    const nankai = policy('policies', 'nankai-lifesci-2024');
    await answerAll(page, NANKAI.retain);
    const retain = expected(NANKAI.retain, NANKAI.today, { policy: nankai });
    assert.equal(retain.route, 'retain_at_school');
    assert.ok(retain.deadlines.length > 0);
    await assertOutcomeShown(page, retain);
    await page.locator('[data-testid=change][data-field=unsettled_choice]').click();
    const answers = { ...NANKAI.retain, ...NANKAI.community };
    await answerAll(page, answers);
    const community = expected(answers, NANKAI.today, { policy: nankai });
    assert.equal(community.route, 'community_mobile_branch');
    assert.ok(community.fallbacks.length > 0);
    await assertOutcomeShown(page, community);
    assert.deepEqual(policyRequests(page), ['/policies/nankai-lifesci-2024.json', '/policies/zhtj-guide-2022.json', '/policies/zhtj-guide-pre2022.json']);
    assert.deepEqual(page.seen.errors, []);
  } finally {
    await page.context().close();
  }
});

test('after one visit the layered policy works offline', async () => {
  const page = await phonePage(browser, { today: SCUT.today });
  const context = page.context();
  try {
    await page.goto(server.origin + '/scut-app.html');
    await ready(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // A page given a policy file loads the modules that read one (xueshe-policy.js, xueshe-policy.wasm), not the
    // first-load module (xueshe.wasm: the built-in policy only).
    const modules = [...new Set(page.seen.requests.filter((u) => /^\/xueshe(-policy)?(-en)?\.(js|wasm)$/.test(new URL(u).pathname)))];
    assert.deepEqual(modules.map((u) => new URL(u).pathname).sort(), ['/xueshe-policy.js', '/xueshe-policy.wasm']);
    // The worker keeps this page, the policy, each base file and those modules (the page asks for them again once it
    // is in control).
    const files = [`${server.origin}/scut-app.html`, ...['scut-marxism-2025', ...CHAIN].map((id) => `${server.origin}/policies/${id}.json`),
      ...modules];
    await waitUntilCached(page, files);
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await answerAll(page, SCUT.answers);
    await assertOutcomeShown(page, expected(SCUT.answers, SCUT.today, { policy: policy('policies', 'scut-marxism-2025') }));
  } finally {
    await context.close();
  }
});

test('a base file that is not beside the policy: an error naming it, no questionnaire', async () => {
  const page = await phonePage(browser, { today: SCUT.today });
  try {
    await page.goto(server.origin + '/partial.html');
    await ready(page);
    const error = page.locator('[data-testid=error]');
    assert.equal(await error.getAttribute('data-code'), 'policy_fetch');
    assert.equal(await error.getAttribute('data-field'), 'policy');
    assert.match(await error.textContent(), /partial\/guangdong\.json/);
    assert.equal(await page.locator('[data-testid=question]').count(), 0);
    assert.deepEqual(policyRequests(page), ['/partial/scut-marxism-2025.json', '/partial/guangdong.json']);
  } finally {
    await page.context().close();
  }
});

// The policy studio (staff page, tab 通知 → 政策) in Chromium under the strict
// CSP, used only through its controls, every user action counted: the seed
// notice pasted on the national layer, and on the 2022 guide it follows (what
// the guide says and the notice does not removed), becomes a policy whose
// `xueshe table` equals the built-in policies/hxci-2022.json's; hostile input (HTML, 1 MB,
// invalid UTF-8 from a file, no numbering) is shown as text with a clear
// message; errors name the form field; axe-core on each step; screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { audit, cli, launch, root, serve, siteCopy } from './harness.mjs';

const TODAY = '2026-12-01';
const SHOTS = process.env.XUESHE_SCREENSHOTS ? path.join(root, 'docs') : null;
let browser, server, tmp;

before(async () => {
  browser = await launch();
  server = await serve(siteCopy());
  tmp = mkdtempSync(path.join(tmpdir(), 'xueshe-studio-'));
});
after(async () => { await browser.close(); await server.close(); });

// A form field by the policy path it holds.
const formField = (page, p) => page.locator(`[data-testid=studio-form] :is(input,select)[data-path="${p}"]:not([data-testid=candidates]):not([data-value])`);

// The page, and a user whose every action (fill, select, click, tick, file) is counted.
async function open({ viewport = { width: 1280, height: 800 }, ...options } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.seen = { errors: [], requests: [] };
  page.on('request', (r) => page.seen.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') page.seen.errors.push(m.text()); });
  page.on('pageerror', (e) => page.seen.errors.push(String(e)));
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
  await page.goto(`${server.origin}/staff.html`);
  await page.locator('#app[data-ready]').waitFor();
  const studio = page.locator('[data-testid=studio]');
  const settle = () => page.waitForFunction(() => {
    const s = document.querySelector('[data-testid=studio]');
    return s && s.dataset.state && s.dataset.state != 'busy';
  });
  const field = (p) => formField(page, p);
  const user = {
    actions: 0,
    // Where the actions go: the part of the work (set by the script as it goes) and the kind of action.
    part: 'start', tally: {},
    count(kind) { this.actions++; const k = `${this.part} ${kind}`; this.tally[k] = (this.tally[k] || 0) + 1; },
    summary() { return Object.entries(this.tally).map(([k, n]) => `${k}: ${n}`).join(', '); },
    async click(loc) { this.count('click'); await loc.click(); await settle(); },
    async fill(loc, text) { this.count('fill'); await loc.fill(text); await settle(); },
    async select(loc, value) { this.count('select'); await loc.selectOption(value); await settle(); },
    async files(loc, files) { this.count('file'); await loc.setInputFiles(files); },
    // Form fields by the policy path they hold.
    async set(p, v) {
      const loc = field(p);
      const tag = await loc.evaluate((e) => e.tagName);
      if (tag == 'SELECT') await this.select(loc, String(v));
      else await this.fill(loc, String(v));
    },
    async tick(p, value) { await this.click(page.locator(`[data-path="${p}"][data-value="${value}"]`)); },
    // The candidate value the notice's words give, as the picker lists it.
    async candidate(p, words, clause) {
      const loc = page.locator(`[data-testid=candidates][data-path="${p}"]`);
      const value = await loc.evaluate((s, start) => [...s.options].find((o) => o.text.startsWith(start))?.value, `${words}（${clause}）`);
      assert.ok(value != null, `candidate ${words} (${clause}) offered at ${p}`);
      await this.select(loc, value);
    },
    // A list's item added from a value the notice gives, as the list's own picker offers it.
    async found(list, words, clause) {
      const loc = page.locator(`[data-testid=add-from][data-list="${list}"]`);
      const value = await loc.evaluate((s, start) => [...s.options].find((o) => o.text.startsWith(start))?.value, `${words}（${clause}）`);
      assert.ok(value != null, `${words} (${clause}) offered to add to ${list}`);
      await this.select(loc, value);
    },
  };
  await user.click(page.locator('[data-testid=tab-studio]'));
  await studio.waitFor();
  return { page, user, settle, field };
}

function xueshe(args) {
  const r = spawnSync(cli, args, { maxBuffer: 256 << 20 });
  return { status: r.status, out: r.stdout.toString(), err: r.stderr.toString() };
}

async function exported(page, user, testid, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), user.click(page.locator(`[data-testid=${testid}]`))]);
  const file = path.join(tmp, name);
  writeFileSync(file, readFileSync(await download.path()));
  return file;
}

async function shoot(page, name) {
  if (!SHOTS) return;
  await page.screenshot({ path: path.join(SHOTS, `studio-${name}.png`), fullPage: false });
}

// ---- the seed notice on the national layer ----

// What the league office reads in the seed notice and enters (clause by clause; the words of each route are theirs;
// every route is new on the national layer, so each says whether the relationship leaves the school).
const SEED = {
  // The school is offered from the signature line (共青团哈尔滨信息工程学院委员会) and taken with the other offers.
  identity: { id: 'hxci-2022', 'ask_whom.text': '所在学院团总支（“学社衔接”工作对接负责人）', 'ask_whom.clause': '三.1' },
  // Proposed from the notice's words (the national layer says none of it), confirmed in the checklist: each
  // destination's clause, the unsettled's bases (居住地、户籍所在地或生源地, 二.4) and the named rules.
  proposed: {
    'destinations.employed.clause': '二.1', 'destinations.further_study.clause': '二.2', 'destinations.military.clause': '二.3',
    'destinations.unsettled.clause': '二.4', 'destinations.study_abroad.clause': '二.5', 'destinations.work_abroad.clause': '二.6',
    'destinations.delayed_graduation.clause': '二.7', 'destinations.unsettled.bases.value[0]': 'residence', 'destinations.unsettled.bases.value[1]': 'hukou',
    'destinations.unsettled.bases.value[2]': 'origin', 'destinations.unsettled.bases.clause': '二.4',
    'rules.edit_until_accepted': '三.2', 'rules.second_transfer': '二.8', 'rules.classified_as_military': '二.3', 'rules.higher_notice_prevails': '三.5',
    'rules.youth_home_alternative': '二.1',
  },
  // Offered by core from the notice's words (the periods by their sentences, the deadlines by the dates whose
  // sentences say one: kind, the sentence as its description, the cases it names), each taken unverified.
  offered: ['school', 'periods.new_org', 'periods.retention', 'deadlines', 'deadlines', 'deadlines', 'deadlines'],
  // The destinations' slots in the form's order; a route a slot names that does not exist yet is created there
  // (citing the destination's clause) and filled in the route table at once. The classified employed go the
  // military's way, so that slot is filled once the military's route exists.
  destinations: [
    ['employed', 'with_org', 'employer_org'], ['employed', 'without_org', 'employer_township_org'], ['employed', 'youth_home', 'youth_home_org'],
    ['further_study', 'route', 'new_school_org'], ['further_study', 'mode', 'new_school_creates'],
    ['military', 'route', 'special_unit_pool'], ['employed', 'classified', 'special_unit_pool'],
    ['unsettled', 'community', 'community_mobile_branch'], ['unsettled', 'retain', 'retain_at_school'], ['unsettled', 'retention', 'allowed'],
    ['study_abroad', 'route', 'overseas_study_branch'],
    ['work_abroad', 'mode', 'official_private'], ['work_abroad', 'official', 'dispatching_unit_org'], ['work_abroad', 'private', 'hometown_township_org'],
    ['delayed_graduation', 'route', 'delayed_graduation_org'],
  ],
  // Each route as its destination's slot creates it; `copy`: "same procedure as" that route (who starts it, whether it
  // transfers, steps, deadline), then `edit` changes the copied steps where this route's differ.
  routes: {
    employer_org: { org: '工作单位的团组织', started_by: '原就读学校团组织、工作单位团组织或你本人，在“智慧团建”系统申请', transfers: true },
    // The named rules' steps taken from the step picker (the notice's sentence, the rule, its clause's words).
    employer_township_org: { copy: 'employer_org', org: '工作单位所在地的乡镇（街道）团组织',
      steps: [{ from: 'rule:youth_home_alternative', set: { where: 'system', if: 'alternative:youth_home_org' } }, { from: 'rule:second_transfer' }] },
    youth_home_org: { copy: 'employer_org', org: '工作单位所在地青年之家的团组织' },
    new_school_org: { org: '录取学校的新生团组织', started_by: '录取学校团组织创建新生团组织并把你转入；组织建好后，原学校团组织或你本人也可以申请转出', transfers: true,
      deadline: { kind: 'new_org_created_by', from: 'enrollment_date', period: 'new_org', if: 'variant:org_pending', what: '录取学校在新生入学 {period:new_org}内创建新生团组织并转入' } },
    special_unit_pool: { org: '特殊单位专属库（省级团委审核通过后集中管理）', started_by: '原就读学校团组织或你本人在“智慧团建”发起，另须办理线下转接手续', transfers: true, ask_region: false,
      steps: [{ from: 'rule:classified_as_military' },
        { id: 'offline', where: 'offline', text: '同时要按相关要求办理线下团组织关系转接手续（通知没有列出具体材料，请问{ask}）。' }] },
    community_mobile_branch: { copy: 'employer_township_org', org: '{basis}的乡镇（街道）“流动团员团支部”', started_by: '原就读学校团组织或你本人，在“智慧团建”系统申请',
      edit: { 'steps[0].if': '' } },
    retain_at_school: { org: '原就读学校（保留不超过 {period:retention}）', started_by: '现在不转出；落实去向后及时转出', transfers: false,
      steps: [{ id: 'tell', where: 'offline', text: '在原就读学校保留团组织关系，不超过 {period:retention}（到 {date:retention_ends}）。通知没有写具体怎么办理，请向{ask}说明并确认已登记。' }],
      deadline: { kind: 'retention_ends', from: 'graduation_date', period: 'retention', what: '毕业后在校保留团组织关系最长 {period:retention}，到这天为止' } },
    overseas_study_branch: { org: '原就读学校的“出国（境）学习研究团员团支部”', started_by: '你在离校出国（境）前提交书面申请，校团委审批后登记备案', transfers: false,
      steps: [{ id: 'apply', where: 'offline', document: 'application', text: '离校出国（境）前，向学校团组织提交保留团组织关系的书面申请，写明：境外学习研究的地点、时间期限、国内常用联系人和联系方式。' }],
      deadline: { kind: 'before_departure', from: 'departure_date', what: '离校出国（境）前提交保留团组织关系的书面申请' } },
    dispatching_unit_org: { org: '派出单位的团组织', started_by: '出国（境）前办理转接（通知没写由谁发起，可以你本人在“智慧团建”申请，或问派出单位）', transfers: true,
      deadline: { kind: 'before_departure', from: 'departure_date', what: '出国（境）前把团组织关系转出' } },
    hometown_township_org: { copy: 'dispatching_unit_org', org: '户籍所在地，或本人、父母居住地的乡镇（街道）团组织', started_by: '出国（境）前办理转接（通知没写由谁发起，可以你本人在“智慧团建”申请）' },
    delayed_graduation_org: { org: '学校的“延迟毕业团组织”', started_by: '原就读学校团组织在系统中标记并创建，你现在不需要转接', transfers: false },
  },
  // The four deadlines as the offers add them (the notice's order: 三.2's two, then ③ and ④), with the cases the
  // author ticks beyond what the sentence names: 三.2's application window for everyone who transfers in the
  // system; its "全校…基本完成" for the same and the further studies; ③ (已就业与待就业, proposed) also for those
  // working abroad, not for civil servants (④ names them with its own date).
  deadlines: [
    { clause: '三.2', date: '2022-08-31', kind: 'apply_by', tick: ['employed', 'military', 'unsettled_community', 'work_abroad_official', 'work_abroad_private'] },
    { clause: '三.2', date: '2022-10-31', kind: 'all_complete_by', cases: 0, tick: ['postgraduate', 'further_study_other'] },
    { clause: '三.2③', date: '2022-08-31', kind: 'complete_by', applies_to: ['employed', 'unsettled_community'], tick: ['work_abroad_official', 'work_abroad_private'], not_for: ['civil_servant'] },
    { clause: '三.2④', date: '2022-10-01', kind: 'complete_by', applies_to: ['postgraduate', 'civil_servant'] },
  ],
};

// One route in the route table, through its controls: "same procedure as" another route, then each field, the
// copied steps' changes, its own new steps and its own deadline.
async function fillRoute(page, user, id, r) {
  const p = 'routes.' + id;
  user.part = 'routes';
  if (r.copy) await user.select(page.locator(`[data-testid=route-copy][data-route="${id}"]`), r.copy);
  for (const k of ['clause', 'org', 'started_by']) if (r[k] != null) await user.set(`${p}.${k}`, r[k]);
  if (r.transfers != null) await user.set(p + '.transfers', String(r.transfers));
  if (r.ask_region != null) await user.set(p + '.ask_region', String(r.ask_region));
  user.part = 'route steps';
  for (const [k, v] of Object.entries(r.edit || {})) await user.set(`${p}.${k}`, v);
  const had = await page.locator(`[data-path^="${p}.steps["][data-path$="].id"]`).count();
  for (const [j, s] of (r.steps || []).entries()) {
    // A step the notice's named rule or a base layer gives, from the route's step picker, then what differs; or a new one.
    if (s.from) {
      await user.select(page.locator(`[data-testid=step-from][data-route="${id}"]`), s.from);
      for (const [k, v] of Object.entries(s.set || {})) await user.set(`${p}.steps[${had + j}].${k}`, v);
      continue;
    }
    await user.click(page.locator(`[data-testid=add][data-list="${p}.steps"]`));
    for (const k of ['id', 'where', 'text', 'rule', 'if', 'document']) if (s[k]) await user.set(`${p}.steps[${had + j}].${k}`, s[k]);
  }
  user.part = 'route deadlines';
  if (r.deadline) {
    await user.click(page.locator(`.route[data-route="${id}"] details.more > summary`));
    for (const k of ['kind', 'from', 'period', 'if', 'what']) if (r.deadline[k]) await user.set(`${p}.deadline.${k}`, r.deadline[k]);
  }
}

// Routes taken into the route table: one the base defines from the table's list of the base's routes (to change it),
// another added by its id (one no slot names).
async function fillRoutes(page, user, routes) {
  for (const r of routes) {
    user.part = 'routes';
    const base = page.locator(`[data-testid=route-override] option[value="${r.id}"]`);
    if (await base.count()) await user.select(page.locator('[data-testid=route-override]'), r.id);
    else {
      await user.fill(page.locator('[data-testid=route-add-id]'), r.id);
      await user.click(page.locator('[data-testid=route-add]'));
    }
    await fillRoute(page, user, r.id, r);
  }
}

// A destination's slots: a route id typed in one that names no route yet is created from there ("新建路线").
async function fillDestinations(page, user, slots, routes) {
  for (const [d, k, v] of slots) {
    user.part = 'destinations';
    await user.set(`destinations.${d}.${k}`, v);
    const create = page.locator(`[data-testid=route-new][data-path="destinations.${d}.${k}"]`);
    if (routes[v] && await create.count()) {
      await user.click(create);
      await fillRoute(page, user, v, routes[v]);
    }
  }
}

async function fillSeed(page, user) {
  user.part = 'identity';
  for (const [p, v] of Object.entries(SEED.identity)) await user.set(p, v);
  // What the notice's words name is in the form already, each value beside its clause (confirmed below).
  for (const [p, v] of Object.entries(SEED.proposed)) assert.equal(await formField(page, p).inputValue(), v, p);
  await takeOffers(page, user, SEED.offered);
  assert.equal(await formField(page, 'school').inputValue(), '哈尔滨信息工程学院');
  assert.equal(await formField(page, 'periods.retention.value').inputValue(), '6');
  assert.equal(await formField(page, 'periods.new_org.clause').inputValue(), '二.2');
  await fillDestinations(page, user, SEED.destinations, SEED.routes);
  await fillDeadlines(page, user);
}

// The offers core makes (the notice's words, the base), each listed with its clause and words, read and taken at once.
async function takeOffers(page, user, paths) {
  user.part = 'offers';
  const offers = page.locator('[data-testid=offer]');
  assert.deepEqual(await offers.evaluateAll((l) => l.map((e) => e.dataset.path)), paths);
  for (const text of await offers.allTextContents()) assert.match(text, /出自(通知|基础文件)/);
  await user.click(page.locator('[data-testid=accept-offers]'));
  await page.locator('[data-testid=studio-offers][data-count="0"]').waitFor();
}

// The notice's four deadlines, added by the offers with their dates, kinds, clauses, the notice's sentences as their
// descriptions and the cases the sentences name: the author ticks the cases the sentences leave to them.
async function fillDeadlines(page, user) {
  user.part = 'deadlines';
  for (const [i, d] of SEED.deadlines.entries()) {
    const p = `deadlines[${i}]`;
    for (const k of ['clause', 'date', 'kind']) assert.equal(await formField(page, `${p}.${k}`).inputValue(), d[k], `${p}.${k}`);
    assert.ok((await formField(page, p + '.what').inputValue()).length > 8, `${p}: the notice's sentence`);
    assert.deepEqual((await page.locator(`[data-path="${p}.applies_to"]:checked`).evaluateAll((l) => l.map((e) => e.dataset.value))).sort(), [...d.applies_to || []].sort());
    if (d.cases != null) await user.select(page.locator(`[data-testid=cases-same][data-item="${p}"]`), String(d.cases));
    for (const c of d.tick || []) await user.tick(p + '.applies_to', c);
    for (const c of d.not_for || []) await user.tick(p + '.not_for', c);
  }
}

test('the seed notice on the national layer becomes a policy whose decision table is the built-in hxci-2022 policy\'s', { timeout: 600000 }, async () => {
  const { page, user } = await open();
  await audit(page, 'studio, empty');
  await shoot(page, '1-start');
  await user.fill(page.locator('[data-testid=studio-notice]'), readFileSync(path.join(root, 'tests/notices/00-hxci-2022.txt'), 'utf8'));
  await user.click(page.locator('[data-testid=studio-split]'));
  const clauses = page.locator('[data-testid=studio-clauses]');
  // The split as core made it: 二.1–二.8, 三.1, 三.2 with ①–④; the renumbered "2." is noted.
  for (const id of ['二.1', '二.8', '三.1', '三.2', '三.2①', '三.2④', '三.3', '三.5']) await page.locator(`[data-testid=clause-row][data-id="${id}"]`).waitFor();
  assert.match(await page.locator('[data-testid=studio-notes]').textContent(), /三\.3/);
  await audit(page, 'studio, split');
  await page.locator('#st-split').scrollIntoViewIfNeeded();
  await shoot(page, '2-split');

  await fillSeed(page, user);
  await page.locator('#sec-routes').scrollIntoViewIfNeeded();
  await shoot(page, '3-form');
  // Every proposed value confirmed, one tick each, after reading it beside its clause.
  const confirms = page.locator('[data-testid=confirm]');
  user.part = 'confirm';
  assert.deepEqual(await confirms.evaluateAll((l) => l.map((e) => e.dataset.path)), [
    'title', 'cohort', 'notice_date', 'school',
    ...['employed', 'further_study', 'military', 'unsettled'].map((d) => `destinations.${d}.clause`), 'destinations.unsettled.bases',
    ...['study_abroad', 'work_abroad', 'delayed_graduation'].map((d) => `destinations.${d}.clause`),
    ...Object.keys(SEED.proposed).filter((p) => p.startsWith('rules.')),
    'periods.new_org.value', 'periods.retention.value',
    // A deadline's date and kind as the offers gave them; the cases the sentence named until the author ticks there.
    ...[0, 1, 2, 3].flatMap((i) => [`deadlines[${i}].date`, `deadlines[${i}].kind`]), 'deadlines[3].applies_to',
    // A route created from a destination's slot cites that destination's clause: still to check while that is; a step
    // from a named rule is the notice's sentence, to check too.
    'routes.employer_org.clause', 'routes.employer_township_org.clause', 'routes.employer_township_org.steps[0]', 'routes.employer_township_org.steps[1]',
    ...['youth_home_org', 'new_school_org', 'special_unit_pool'].map((r) => `routes.${r}.clause`), 'routes.special_unit_pool.steps[0]',
    ...['community_mobile_branch', 'retain_at_school', 'overseas_study_branch', 'dispatching_unit_org', 'hometown_township_org', 'delayed_graduation_org']
      .map((r) => `routes.${r}.clause`)]);
  // Grouped by the part of the form they are in, each value on screen beside its clause: a part's values confirmed
  // together once read, a lone value by its own tick.
  assert.deepEqual(await page.locator('[data-testid=confirm-part]').evaluateAll((l) => l.map((e) => e.dataset.part)),
    ['identity', 'destinations', 'rules', 'periods', 'dates', 'routes']);
  for (;;) {
    const part = page.locator('[data-testid=confirm-part]');
    if (await part.count()) await user.click(part.first());
    else if (await confirms.count()) await user.click(confirms.first());
    else break;
  }
  assert.equal(await page.locator('[data-testid=studio-check]').getAttribute('data-state'), 'ok');
  assert.equal(await page.locator('[data-testid=unverified]').getAttribute('data-count'), '0');
  assert.ok(Number(await page.locator('[data-testid=preview-table]').getAttribute('data-count')) > 300);
  // Its rows are drawn when it is opened (not counted as an action: reading, not authoring).
  await page.locator('[data-testid=preview-table] > summary').click();
  await page.locator('[data-testid=preview-table] tbody tr').first().waitFor();
  assert.equal(await page.locator('[data-testid=preview-table] tbody tr').count(),
    Number(await page.locator('[data-testid=preview-table]').getAttribute('data-count')));
  assert.ok(Number(await page.locator('[data-testid=preview-questions]').getAttribute('data-count')) > 10);
  // The member's questionnaire under the draft, answered one question at a time as a member would (reading the
  // preview, not authoring: not counted): a graduate joining the army goes to the special-unit pool (二.3).
  const member = page.locator('[data-testid=preview-member]');
  const asked = [];
  const answers = { destination: 'military', graduation_date: '2022-06-30', birth_date: '2000-01-01', party_member: false };
  while (await member.getAttribute('data-state') == 'question') {
    const q = member.locator('fieldset.q');
    const id = await q.getAttribute('data-question');
    assert.ok(id in answers, `the preview asks ${id}`);
    asked.push(id);
    if (await q.getAttribute('data-kind') == 'date') {
      await q.locator('[data-testid=preview-date]').fill(answers[id]);
      await q.locator('[data-testid=preview-answer]').click();
    } else await q.locator(`[data-testid=preview-option][data-value='${JSON.stringify(answers[id])}']`).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=preview-member] .answered li').length == n, asked.length);
  }
  // As core asks it (issue 13: the dates first; at 22 the age rule asks nothing about party membership).
  assert.deepEqual(asked, ['graduation_date', 'birth_date', 'destination']);
  const outcome = member.locator('[data-testid=preview-outcome]');
  assert.equal(await outcome.getAttribute('data-route'), 'special_unit_pool');
  assert.match(await outcome.textContent(), /特殊单位专属库（省级团委审核通过后集中管理）[\s\S]*二\.3/);
  await audit(page, 'studio, the member\'s questionnaire answered');
  await member.locator('[data-testid=preview-back]').click();
  assert.equal(await member.locator('fieldset.q').getAttribute('data-question'), 'destination');
  await member.locator('[data-testid=preview-restart]').click();
  assert.equal(await member.locator('fieldset.q').getAttribute('data-question'), 'graduation_date');
  await audit(page, 'studio, checked');
  await page.locator('#st-check').scrollIntoViewIfNeeded();
  await shoot(page, '4-check');

  user.part = 'export';
  const file = await exported(page, user, 'export-policy', 'hxci-2022-studio.json');
  const draft = await exported(page, user, 'export-draft', 'hxci-2022.studio.json');
  await page.locator('#st-out').scrollIntoViewIfNeeded();
  await shoot(page, '5-export');
  assert.equal(xueshe(['check-policy', file]).status, 0, xueshe(['check-policy', file]).err);
  // In Chinese: the exported file's English texts are the notice's Chinese words until someone translates them.
  for (const lang of ['zh-CN'])
    for (const format of ['csv', 'md']) {
      const args = ['table', '--today', '2022-06-01', '--lang', lang, '--format', format];
      const ours = xueshe([...args, '--policy', file]), theirs = xueshe([...args, '--policy', path.join(root, 'policies/hxci-2022.json')]);
      assert.equal(ours.status, 0, ours.err);
      // The Markdown's first line is the policy's title: the notice's own heading here, the built-in file's shorter one there.
      const body = (s) => (format == 'md' ? s.split('\n').slice(1).join('\n') : s);
      assert.equal(body(ours.out), body(theirs.out), `xueshe table --lang ${lang} --format ${format}`);
    }
  const kept = JSON.parse(readFileSync(draft, 'utf8'));
  assert.equal(kept.studio, 1);
  assert.equal(kept.base, 'cn-league');
  assert.deepEqual(page.seen.errors, []);
  assert.deepEqual(page.seen.requests.filter((u) => !u.startsWith(server.origin + '/') && !/^(data|blob):/.test(u)), []);
  console.log(`# studio: seed notice → hxci-2022 table in ${user.actions} user actions (${user.summary()})`);
  writeFileSync(path.join(tmp, 'actions.txt'), String(user.actions));
});

// ---- the seed notice on the 2022 national guide (the notice's own 附件1) ----

// On the guide most routes exist already. Core offers what the notice's words give where the guide says otherwise
// (its clauses for the destinations, the named rule the guide cites itself, the unsettled's bases, the periods), the
// notice's clause for each route of a destination it covers, what the 2022 guide removed and the notice covers as the
// earlier guide had it (work abroad's routes, the written application's deadline before going abroad), the school
// and the deadlines: the author reads them beside their clauses and takes them at once (each unverified). Then the
// author removes (`remove`: the base's value at that key, shown in the form and kept unverified until confirmed) what
// the guide says and the notice does not: the county mobile branch as the township routes' fallback, the
// further-study clause 指引.2(1) and the earlier guide's own steps where the notice gives none.
const GUIDE = {
  identity: SEED.identity,
  // Proposed at the start: the notice's words where the guide does not say it (the rules it names but the classified
  // rule the guide cites itself, and the two destinations the guide leaves out).
  proposed: {
    'destinations.work_abroad.clause': '二.6', 'destinations.delayed_graduation.clause': '二.7',
    'rules.edit_until_accepted': '三.2', 'rules.second_transfer': '二.8', 'rules.higher_notice_prevails': '三.5', 'rules.youth_home_alternative': '二.1',
  },
  offered: ['school', 'destinations.employed.clause', 'destinations.further_study.clause', 'destinations.military.clause',
    'destinations.unsettled.clause', 'destinations.unsettled.bases', 'destinations.study_abroad.clause', 'rules.classified_as_military',
    'destinations.work_abroad', 'periods.new_org', 'periods.retention',
    ...['employer_org', 'employer_township_org', 'new_school_org', 'special_unit_pool', 'community_mobile_branch', 'retain_at_school',
      'overseas_study_branch'].map((r) => `routes.${r}.clause`),
    'routes.overseas_study_branch.deadline', 'routes.dispatching_unit_org.clause', 'routes.hometown_township_org.clause',
    'deadlines', 'deadlines', 'deadlines', 'deadlines'],
  // What the offers put in the form, as the notice says it.
  taken: { 'rules.classified_as_military': '二.3', 'destinations.unsettled.bases.value[0]': 'residence', 'destinations.unsettled.bases.value[1]': 'hukou',
    'destinations.unsettled.bases.value[2]': 'origin', 'destinations.unsettled.bases.clause': '二.4', 'destinations.work_abroad.mode': 'official_private',
    'destinations.work_abroad.official': 'dispatching_unit_org', 'destinations.work_abroad.private': 'hometown_township_org',
    'routes.overseas_study_branch.deadline.kind': 'before_departure', 'routes.hometown_township_org.clause': '二.6' },
  remove: ['destinations.further_study.no_residence_org'],
  destinations: [['employed', 'youth_home', 'youth_home_org'], ['delayed_graduation', 'route', 'delayed_graduation_org']],
  newRoutes: {
    youth_home_org: { org: SEED.routes.youth_home_org.org, started_by: SEED.routes.employer_org.started_by, transfers: true },
    delayed_graduation_org: SEED.routes.delayed_graduation_org,
  },
  // The routes in the form (their clauses taken), changed where the notice's words differ from the guide's; steps from
  // the step picker: the notice's named rules and the guide versions' own.
  routes: [
    { id: 'employer_township_org', org: SEED.routes.employer_township_org.org, steps: SEED.routes.employer_township_org.steps, remove: ['fallback'] },
    { id: 'special_unit_pool', org: SEED.routes.special_unit_pool.org, steps: [{ from: 'zhtj-guide-2022:classified' }, { from: 'zhtj-guide-pre2022:offline' }] },
    { id: 'community_mobile_branch', copy: 'employer_township_org', org: SEED.routes.community_mobile_branch.org,
      edit: SEED.routes.community_mobile_branch.edit, remove: ['fallback'] },
    { id: 'retain_at_school', org: SEED.routes.retain_at_school.org },
    { id: 'overseas_study_branch', steps: [{ from: 'zhtj-guide-pre2022:apply' }] },
    { id: 'hometown_township_org', org: SEED.routes.hometown_township_org.org, remove: ['steps'] },
  ],
};

// The base's value at a path removed through its button: shown as removed in the form, then unverified.
async function removeBase(page, user, p) {
  await user.click(page.locator(`[data-testid=remove-base][data-path="${p}"]`));
  await page.locator(`[data-testid=removed][data-path="${p}"]`).waitFor();
}

test('the seed notice on the 2022 national guide becomes a policy whose decision table is the built-in hxci-2022 policy\'s', { timeout: 600000 }, async () => {
  const { page, user } = await open();
  // The base: the guide version the notice follows, with the earlier one it extends (cn-league is built in).
  await user.files(page.locator('[data-testid=studio-base-file]'), ['zhtj-guide-2022', 'zhtj-guide-pre2022'].map((f) => path.join(root, 'policies', f + '.json')));
  await page.waitForFunction(() => document.querySelector('[data-testid=studio-base]')?.value == 'zhtj-guide-2022');
  await user.fill(page.locator('[data-testid=studio-notice]'), readFileSync(path.join(root, 'tests/notices/00-hxci-2022.txt'), 'utf8'));
  await user.click(page.locator('[data-testid=studio-split]'));
  await page.locator('[data-testid=clause-row][data-id="三.2④"]').waitFor();
  user.part = 'identity';
  for (const [p, v] of Object.entries(GUIDE.identity)) await user.set(p, v);
  for (const [p, v] of Object.entries(GUIDE.proposed)) assert.equal(await formField(page, p).inputValue(), v, p);
  await audit(page, 'studio, on the guide, the offers');
  await page.locator('#st-offers').scrollIntoViewIfNeeded();
  await shoot(page, '7-offers');
  await takeOffers(page, user, GUIDE.offered);
  for (const [p, v] of Object.entries(GUIDE.taken)) assert.equal(await formField(page, p).inputValue(), v, p);
  // What the guide says and the notice does not, removed: each shown as removed, beside what the guide said.
  user.part = 'remove';
  for (const p of GUIDE.remove) await removeBase(page, user, p);
  assert.match(await page.locator('[data-testid=removed][data-path="destinations.further_study.no_residence_org"]').textContent(), /指引\.2\(1\)/);
  await audit(page, 'studio, on the guide, a base value removed');
  await fillDestinations(page, user, GUIDE.destinations, GUIDE.newRoutes);
  for (const r of GUIDE.routes) {
    // A route the guide defines, in the form with the notice's clause the offers gave it.
    await fillRoute(page, user, r.id, r);
    user.part = 'remove';
    for (const k of r.remove || []) await removeBase(page, user, `routes.${r.id}.${k}`);
  }
  const removed = page.locator('[data-testid=removed][data-path="routes.employer_township_org.fallback"]');
  assert.match(await removed.textContent(), /county_mobile_branch/);
  await removed.scrollIntoViewIfNeeded();
  await shoot(page, '6-removed');
  await fillDeadlines(page, user);
  // The removals wait in the checklist like any value, shown as removed.
  const confirms = page.locator('[data-testid=confirm]');
  const removals = ['destinations.further_study.no_residence_org', 'routes.employer_township_org.fallback', 'routes.community_mobile_branch.fallback', 'routes.hometown_township_org.steps'];
  const listed = await confirms.evaluateAll((l) => l.map((e) => e.dataset.path));
  for (const p of removals) assert.ok(listed.includes(p), `${p} unverified`);
  assert.equal(await page.locator('[data-testid=unverified] [data-testid=confirm-removed]').count(), removals.length);
  // The diff against the base shows each removal (the guide's value → —).
  assert.equal(await page.locator('[data-testid=studio-check]').getAttribute('data-state'), 'ok', await page.locator('[data-testid=studio-check]').textContent());
  await page.locator('[data-testid=preview][data-state=ready]').waitFor();
  const changes = await page.locator('[data-testid=preview-diff] li').evaluateAll((l) => l.map((e) => [e.querySelector('del')?.textContent, e.querySelector('ins')?.textContent]));
  assert.ok(changes.some(([a, b]) => /county_mobile_branch/.test(a || '') && b == '—'), 'the fallback removed, in the diff');
  assert.ok(changes.some(([a, b]) => a == '"指引.2(1)"' && b == '—'), 'the further-study clause removed, in the diff');
  user.part = 'confirm';
  for (;;) {
    const part = page.locator('[data-testid=confirm-part]');
    if (await part.count()) await user.click(part.first());
    else if (await confirms.count()) await user.click(confirms.first());
    else break;
  }
  assert.equal(await page.locator('[data-testid=studio-check]').getAttribute('data-state'), 'ok', await page.locator('[data-testid=studio-check]').textContent());
  await audit(page, 'studio, on the guide, checked');
  user.part = 'export';
  const file = await exported(page, user, 'export-policy', 'hxci-2022-on-guide.json');
  const exportedPolicy = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(exportedPolicy.extends, 'zhtj-guide-2022');
  assert.equal(exportedPolicy.routes.employer_township_org.fallback, null);
  assert.deepEqual(exportedPolicy.routes.hometown_township_org.steps, []);
  for (const f of ['zhtj-guide-2022', 'zhtj-guide-pre2022'])
    writeFileSync(path.join(tmp, f + '.json'), readFileSync(path.join(root, 'policies', f + '.json')));
  assert.equal(xueshe(['check-policy', file]).status, 0, xueshe(['check-policy', file]).err);
  for (const format of ['csv', 'md']) {
    const args = ['table', '--today', '2022-06-01', '--lang', 'zh-CN', '--format', format];
    const ours = xueshe([...args, '--policy', file]), theirs = xueshe([...args, '--policy', path.join(root, 'policies/hxci-2022.json')]);
    assert.equal(ours.status, 0, ours.err);
    const body = (s) => (format == 'md' ? s.split('\n').slice(1).join('\n') : s);
    assert.equal(body(ours.out), body(theirs.out), `xueshe table --format ${format}`);
  }
  assert.deepEqual(page.seen.errors, []);
  console.log(`# studio: seed notice on the 2022 guide → hxci-2022 table in ${user.actions} user actions (${user.summary()})`);
});

// ---- a sub-district's notice onto its base layer (Guangdong) ----

test('the Luohu (Shenzhen) notice on the Guangdong layer becomes a policy whose decision table is policies/luohu-guiyuan-2023.json\'s', { timeout: 300000 }, async () => {
  const { page, user } = await open();
  // The base: Guangdong's layer with the two guide versions it extends (cn-league is built in).
  await user.files(page.locator('[data-testid=studio-base-file]'), ['guangdong', 'zhtj-guide-2022', 'zhtj-guide-pre2022'].map((f) => path.join(root, 'policies', f + '.json')));
  // The files are read, then the first one becomes the base.
  await page.waitForFunction(() => document.querySelector('[data-testid=studio-base]')?.value == 'guangdong');
  await user.fill(page.locator('[data-testid=studio-notice]'), readFileSync(path.join(root, 'tests/notices/11-shenzhen-luohu-2023.txt'), 'utf8'));
  await user.click(page.locator('[data-testid=studio-split]'));
  // Corrections: 一(1)'s last sentence (working abroad) is its own rule here, and the clauses this layer cites take
  // its prefix (ids are unique along the chain: Guangdong's are 广东.…).
  user.part = 'split';
  const row = (id) => page.locator(`[data-testid=clause-row][data-id="${id}"]`);
  const text = row('一(1)').locator('[data-testid=clause-text]');
  await text.evaluate((t) => { const at = t.value.indexOf('在国(境)外工作'); t.focus(); t.setSelectionRange(at, at); });
  user.count('click');  // the click that puts the cursor there
  await user.fill(row('一(1)').locator('[data-testid=clause-split-id]'), '罗湖.一(1)境外');
  await user.click(row('一(1)').locator('[data-testid=clause-split]'));
  await row('罗湖.一(1)境外').waitFor();
  for (const id of ['一(4)', '一(5)']) {
    await user.fill(row(id).locator('[data-testid=clause-id]'), '罗湖.' + id);
    await row(id).locator('[data-testid=clause-id]').press('Tab');
    user.count('key');
    await row('罗湖.' + id).waitFor();
  }
  await audit(page, 'studio, Luohu split corrected');
  user.part = 'identity';
  await user.set('id', 'luohu-guiyuan-2023');
  await user.set('school', '深圳市罗湖区桂园街道办事处');
  await user.set('notice_date', '2023-08-08');
  // A period of its own: study abroad kept "一般不超过5年".
  user.part = 'periods';
  await user.fill(page.locator('[data-testid=period-add-name]'), 'abroad_cap');
  await user.click(page.locator('[data-testid=period-add]'));
  await user.candidate('periods.abroad_cap', '一般不超过5年', '罗湖.一(4)');
  const routes = [
    { id: 'hometown_township_org', clause: '罗湖.一(1)境外', org: '你户籍所在地（家庭所在地）的村（社区）团组织' },
    { id: 'overseas_study_branch', clause: '罗湖.一(4)', org: '原就读学校院系团委的“出国留学（出境学习）团员团支部”',
      started_by: '团组织关系保留在原就读学校，由院系团委把你编入（通知没有写要提交申请）',
      steps: [{ id: 'cap', where: 'info', text: '团组织关系保留在学校的期限一般不超过 {period:abroad_cap}（约到 {date:retained_until}）。' }],
      deadline: { kind: 'retained_until', from: 'graduation_date', period: 'abroad_cap', what: '团组织关系保留在学校一般不超过 {period:abroad_cap}，到这天为止' } },
  ];
  await fillRoutes(page, user, routes);
  // The military go to a route of this notice's own, created from the destination's slot (citing its clause).
  const transit = { org: '“临时中转团组织”（组织 ID：15606145）', started_by: '在“智慧团建”系统转接（通知没有写由谁发起，请问{ask}）',
    transfers: true, ask_region: false,
    steps: [{ id: 'letter', where: 'offline', text: '线下还要开具纸质版《中国共产主义青年团团员组织关系介绍信》（通知没有写由谁开具，请问{ask}）。' }] };
  await fillDestinations(page, user, [['military', 'clause', '罗湖.一(5)'], ['military', 'route', 'transit_org'],
    ['study_abroad', 'clause', '罗湖.一(4)'], ['work_abroad', 'clause', '罗湖.一(1)境外']], { transit_org: transit });
  assert.equal(await page.locator('[data-testid=studio-form] select[data-path="routes.transit_org.clause"]').inputValue(), '罗湖.一(5)');
  const confirms = page.locator('[data-testid=confirm]');
  user.part = 'confirm';
  assert.deepEqual(await confirms.evaluateAll((l) => l.map((e) => e.dataset.path)), ['title', 'periods.abroad_cap.value']);
  while (await confirms.count()) await user.click(confirms.first());
  assert.equal(await page.locator('[data-testid=studio-check]').getAttribute('data-state'), 'ok');
  await audit(page, 'studio, Luohu checked');
  user.part = 'export';
  const file = await exported(page, user, 'export-policy', 'luohu-guiyuan-2023.json');
  // The CLI finds the bases beside the file.
  for (const f of ['guangdong', 'zhtj-guide-2022', 'zhtj-guide-pre2022'])
    writeFileSync(path.join(tmp, f + '.json'), readFileSync(path.join(root, 'policies', f + '.json')));
  assert.equal(xueshe(['check-policy', file]).status, 0, xueshe(['check-policy', file]).out);
  const args = ['table', '--today', '2023-09-01', '--format', 'csv'];
  const ours = xueshe([...args, '--policy', file]), theirs = xueshe([...args, '--policy', path.join(root, 'policies/luohu-guiyuan-2023.json')]);
  assert.equal(ours.status, 0, ours.err);
  assert.equal(ours.out, theirs.out);
  assert.deepEqual(page.seen.errors, []);
  console.log(`# studio: Luohu notice → luohu-guiyuan-2023 table in ${user.actions} user actions (${user.summary()})`);
});

test('work in progress stays on this device: a reload keeps the draft; an opened draft file continues it', { timeout: 120000 }, async () => {
  const { page, user } = await open();
  await user.fill(page.locator('[data-testid=studio-notice]'), '一、总则\n1. 第一条。\n2. 第二条，10月1日前完成。\n');
  await user.click(page.locator('[data-testid=studio-split]'));
  await user.set('id', 'keep-me');
  await page.reload();
  await page.locator('#app[data-ready]').waitFor();
  await page.locator('[data-testid=tab-studio]').click();
  assert.equal(await page.locator('[data-testid=studio-form] input[data-path="id"]').inputValue(), 'keep-me');
  assert.match(await page.locator('[data-testid=studio-saved]').textContent(), /localStorage/);
  const draft = await exported(page, user, 'export-draft', 'keep.studio.json');
  await user.click(page.locator('[data-testid=studio-clear]'));
  assert.equal(await page.locator('[data-testid=studio-form] input[data-path="id"]').count(), 0);
  await user.files(page.locator('[data-testid=open-draft]'), draft);
  await page.locator('[data-testid=studio-form] input[data-path="id"]').waitFor();
  assert.equal(await page.locator('[data-testid=studio-form] input[data-path="id"]').inputValue(), 'keep-me');
  // Not a draft: a clear message, nothing replaced.
  const bad = path.join(tmp, 'not-a-draft.json');
  writeFileSync(bad, '{"format": "xueshe-policy/2"}');
  await user.files(page.locator('[data-testid=open-draft]'), bad);
  await page.locator('[data-testid=studio-error][data-code=studio_not_a_studio_file]').waitFor();
  assert.equal(await page.locator('[data-testid=studio-form] input[data-path="id"]').inputValue(), 'keep-me');
});

test('a list item removed: what is still to check moves up with the items after it; the removed item\'s goes with it', { timeout: 120000 }, async () => {
  const { page, user } = await open();
  await user.fill(page.locator('[data-testid=studio-notice]'), readFileSync(path.join(root, 'tests/notices/00-hxci-2022.txt'), 'utf8'));
  await user.click(page.locator('[data-testid=studio-split]'));
  // The notice's deadlines, as the offers add them (each value still to check).
  await user.click(page.locator('[data-testid=accept-offers]'));
  await page.locator('[data-testid=studio-offers][data-count="0"]').waitFor();
  await formField(page, 'deadlines[2].date').waitFor();
  // The work as kept on the device: the draft's policy and its paths still to check.
  const draft = () => page.evaluate(() => JSON.parse(localStorage.getItem('xueshe-studio-v1')).draft);
  const at = (policy, p) => p.match(/[^.[\]]+|\[\d+\]/g).reduce((o, k) => o?.[k[0] == '[' ? Number(k.slice(1, -1)) : k], policy);
  const before = await draft();
  const unchecked = (d) => d.unverified.filter((p) => p.startsWith('deadlines['));
  assert.ok(unchecked(before).some((p) => p.startsWith('deadlines[0]')) && unchecked(before).some((p) => p.startsWith('deadlines[2]')),
    unchecked(before).join(' '));
  const values = (d) => Object.fromEntries(unchecked(d).map((p) => [p, JSON.stringify(at(d.policy, p))]));
  const was = values(before);
  const count = before.policy.deadlines.length;
  await user.click(page.locator('[data-testid=remove-item][data-item="deadlines[0]"]'));
  await page.waitForFunction((n) => JSON.parse(localStorage.getItem('xueshe-studio-v1')).draft.policy.deadlines.length == n - 1, count);
  const after = await draft();
  // Each value still to check is the one that was, one place up; none of the removed item's is left.
  const want = Object.fromEntries(Object.entries(was).filter(([p]) => !p.startsWith('deadlines[0]'))
    .map(([p, v]) => [p.replace(/^deadlines\[(\d+)\]/, (m, k) => `deadlines[${k - 1}]`), v]));
  assert.deepEqual(values(after), want);
  assert.equal(after.unverified.length, before.unverified.length - Object.keys(was).filter((p) => p.startsWith('deadlines[0]')).length);
  await page.context().close();
});

test('an error names the form field in words, beside the field, not as a JSON path', { timeout: 120000 }, async () => {
  const { page, user } = await open();
  await user.fill(page.locator('[data-testid=studio-notice]'), readFileSync(path.join(root, 'tests/notices/00-hxci-2022.txt'), 'utf8'));
  await user.click(page.locator('[data-testid=studio-split]'));
  await user.set('id', 'x-2022');
  await user.set('school', '某学院');
  const error = page.locator('[data-testid=studio-error]');
  await error.waitFor();
  assert.equal(await error.getAttribute('data-path'), 'ask_whom');
  assert.match(await error.textContent(), /缺少“去向没写到时问谁”/);
  await user.set('ask_whom.text', '所在学院团总支');
  await user.set('ask_whom.clause', '三.1');
  // Next: the destinations the notice's headings name (proposed with their clauses) have no route yet, named in words.
  await page.waitForFunction(() => document.querySelector('[data-testid=studio-error]')?.dataset.path != 'ask_whom');
  assert.equal(await error.getAttribute('data-path'), 'destinations.delayed_graduation.route');
  assert.match(await error.textContent(), /缺少“去向 · 延迟毕业 · 路线”/);
  // A new route with only its organization so far: its missing clause named in words, shown at its field.
  await user.fill(page.locator('[data-testid=route-add-id]'), 'employer_org');
  await user.click(page.locator('[data-testid=route-add]'));
  await user.set('routes.employer_org.org', '工作单位的团组织');
  await error.waitFor();
  assert.equal(await error.getAttribute('data-path'), 'routes.employer_org.clause');
  const text = await error.textContent();
  assert.match(text, /路线 · employer_org · 依据条款/);
  assert.doesNotMatch(text, /routes\./);
  const beside = page.locator('[data-testid=studio-field-error][data-path="routes.employer_org.clause"]');
  assert.ok(await beside.isVisible());
  assert.equal(await page.locator('[data-testid=studio-form] select[data-path="routes.employer_org.clause"]').getAttribute('aria-invalid'), 'true');
  // "到这一栏" takes the user there.
  await user.click(error.locator('a'));
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), 'routes.employer_org.clause');
  await audit(page, 'studio, an error');
});

test('a split is corrected through core: renumber, split at the cursor, merge; a duplicate id is refused by name', { timeout: 120000 }, async () => {
  const { page, user } = await open();
  await user.fill(page.locator('[data-testid=studio-notice]'), '关于某事的通知\n这一段没有编号。第二句是另一条。\n');
  await user.click(page.locator('[data-testid=studio-split]'));
  // No numbering: the whole text is one clause 全文, with a note saying so.
  await page.locator('[data-testid=clause-row][data-id="全文"]').waitFor();
  assert.match(await page.locator('[data-testid=studio-notes]').textContent(), /没有找到条款编号/);
  const text = page.locator('[data-testid=clause-row][data-id="全文"] [data-testid=clause-text]');
  await text.evaluate((t) => { const at = t.value.indexOf('第二句'); t.focus(); t.setSelectionRange(at, at); });
  await user.fill(page.locator('[data-testid=clause-row][data-id="全文"] [data-testid=clause-split-id]'), '二');
  await user.click(page.locator('[data-testid=clause-row][data-id="全文"] [data-testid=clause-split]'));
  await page.locator('[data-testid=clause-row][data-id="二"]').waitFor();
  assert.equal(await page.locator('[data-testid=clause-row][data-id="二"] [data-testid=clause-text]').inputValue(), '第二句是另一条。');
  // A form field citing the clause follows it to its new id.
  await user.set('ask_whom.clause', '全文');
  await user.fill(page.locator('[data-testid=clause-row][data-id="全文"] [data-testid=clause-id]'), '一');
  await page.locator('[data-testid=clause-row][data-id="全文"] [data-testid=clause-id]').press('Tab');
  user.count('key');
  await page.locator('[data-testid=clause-row][data-id="一"]').waitFor();
  assert.equal(await formField(page, 'ask_whom.clause').inputValue(), '一');
  await user.fill(page.locator('[data-testid=clause-row][data-id="二"] [data-testid=clause-id]'), '一');
  await page.locator('[data-testid=clause-row][data-id="二"] [data-testid=clause-id]').press('Tab');
  const refused = page.locator('[data-testid=studio-split-error]');
  await refused.waitFor();
  assert.equal(await refused.getAttribute('data-code'), 'studio_duplicate_clause_id');
  assert.match(await refused.textContent(), /“一”已经有了/);
  await user.click(page.locator('[data-testid=clause-row][data-id="一"] [data-testid=clause-merge]'));
  assert.deepEqual(await page.locator('[data-testid=clause-row]').evaluateAll((l) => l.map((r) => r.dataset.id)), ['一']);
  assert.equal(await page.locator('[data-testid=clause-row][data-id="一"] [data-testid=clause-text]').inputValue(), '这一段没有编号。\n第二句是另一条。');
  await audit(page, 'studio, corrected split');
});

test('hostile input: HTML stays text, 1 MB and more is refused with the limit named, invalid UTF-8 from a file names the line', { timeout: 180000 }, async () => {
  const { page, user } = await open();
  const html = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\n一、<b>粗体</b>条款\n1. 第一条<i>斜体</i>，10月1日前完成。\n';
  await user.fill(page.locator('[data-testid=studio-notice]'), html);
  await user.click(page.locator('[data-testid=studio-split]'));
  await page.locator('[data-testid=clause-row][data-id="一.1"]').waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#panel-studio img, #panel-studio b, #panel-studio script').count(), 0);
  assert.match(await page.locator('[data-testid=clause-row][data-id="一.1"] [data-testid=clause-text]').inputValue(), /<i>斜体<\/i>/);

  const big = '一、' + '很长的通知。'.repeat(Math.ceil((1024 * 1024) / 18)) + '\n';
  assert.ok(Buffer.byteLength(big) > 1024 * 1024);
  await page.locator('[data-testid=studio-notice]').evaluate((t, v) => { t.value = v; t.dispatchEvent(new Event('input')); }, big);
  user.count('fill');
  await user.click(page.locator('[data-testid=studio-split]'));
  const tooBig = page.locator('[data-testid=studio-error][data-code=notice_too_large]');
  await tooBig.waitFor();
  assert.match(await tooBig.textContent(), /1048576|1,048,576|1 MB/);

  const bad = path.join(tmp, 'gbk-notice.txt');
  writeFileSync(bad, Buffer.concat([Buffer.from('一、总则\n1. 第一条。\n'), Buffer.from([0xb9, 0xd8, 0xd3, 0xda, 0x0a])]));
  await user.files(page.locator('[data-testid=studio-notice-file]'), bad);
  const notUtf8 = page.locator('[data-testid=studio-error][data-code=notice_not_utf8]');
  await notUtf8.waitFor();
  assert.match(await notUtf8.textContent(), /第 3 行/);
  await audit(page, 'studio, hostile input');
  assert.deepEqual(page.seen.errors, []);
});

test('the studio on a phone (360×640): every step usable, axe-clean', { timeout: 180000 }, async () => {
  const { page, user } = await open({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await shoot(page, 'phone-1-start');
  await user.fill(page.locator('[data-testid=studio-notice]'), readFileSync(path.join(root, 'tests/notices/00-hxci-2022.txt'), 'utf8'));
  await user.click(page.locator('[data-testid=studio-split]'));
  await page.locator('[data-testid=clause-row][data-id="二.1"]').waitFor();
  await page.locator('#st-split').scrollIntoViewIfNeeded();
  await shoot(page, 'phone-2-split');
  await user.candidate('periods.retention', '不超过6个月', '二.4');
  await page.locator('#sec-periods').scrollIntoViewIfNeeded();
  await shoot(page, 'phone-3-form');
  await page.locator('#st-check').scrollIntoViewIfNeeded();
  await shoot(page, 'phone-4-check');
  await audit(page, 'studio on a phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling of the page (${overflow}px)`);
});

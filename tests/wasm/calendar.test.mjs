// The calendar file from the take-away wasm module (xueshe-takeaway.js/.wasm,
// the files the page loads when the member asks for one) is byte for byte the
// one `xueshe evaluate --format ics` prints, on every path with dates of every
// policy in both languages, and a calendar program can read it (ical.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ICAL from 'ical.js';
import { site, root, cli, runCli, cliJson, loadModules, loadTakeaway, policyText, basesFor, openPolicy } from './load.mjs';

// Built for the web like the page's modules: pass the bytes (see load.mjs).
const require = createRequire(import.meta.url);
const takeaway = await loadTakeaway();

const policies = ['hxci-2022', 'tests/policies/example-2025-12m.json', 'tests/policies/example-2024-0m.json'];
// Both before the 2022 notice's last date (2022-10-31): after it the notice's
// dates are no longer shown (issue 13 item 1), so there would be no file to re-import.
const asOf = ['2022-08-20', '2022-10-20'];
const pages = await loadModules();  // the page's own modules: a policy error is theirs too

function policyArgs(policy) {
  return policy === 'hxci-2022' ? [] : ['--policy', path.join(root, policy)];
}

function paths(policy, lang, today) {
  const r = runCli(['paths', '--today', today, '--lang', lang, ...policyArgs(policy)], '');
  assert.equal(r.code, 0, r.err);
  return r.out.trim().split('\n').map((l) => JSON.parse(l));
}

// The module is given what the page holds: the policy text and base files, the answers, the as-of date, the language.
function calendar(policy, answers, today, lang) {
  const text = typeof policy === 'object' ? policy.text : policyText(policy);
  const bases = typeof policy === 'object' ? '' : basesFor(policy);
  return JSON.parse(takeaway.calendar(text, bases, typeof answers === 'string' ? answers : JSON.stringify(answers), today, lang));
}

// Every physical line at most 75 octets, every line ending in CRLF.
function checkLines(ics, what) {
  assert.ok(ics.endsWith('\r\n'), what);
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) {
    assert.ok(!line.includes('\n') && !line.includes('\r'), `${what}: bare line break`);
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${what}: ${line}`);
  }
  assert.ok(!ics.includes('\uFFFD'), `${what}: a character was split`);
}

// Steps that state the member's own status (a Party member; 28 or over with a
// league post): a calendar file leaves them out (core/src/calendar_input.cpp).
const memberStatusNotes = new Set(['party.transfers', 'age.post_keeps']);

function events(ics) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

let identical = 0;  // .ics files compared byte for byte, native against wasm

for (const policy of policies) {
  for (const lang of ['zh-CN', 'en']) {
    test(`calendar files of every path of ${policy} (${lang}): same bytes natively and in wasm, read by ical.js`, () => {
      let withDates = 0;
      for (const line of paths(policy, lang, asOf[0])) {
        const answers = JSON.stringify(line.answers);
        const result = line.result;
        const args = ['evaluate', '--format', 'ics', '--today', asOf[0], '--lang', lang, ...policyArgs(policy)];
        const native = spawnSync(cli, args, { input: answers });  // stdout as raw bytes
        const wasm = calendar(policy, answers, asOf[0], lang);
        if (result.deadlines.length === 0) {
          // No dates, no calendar: the same error both ways.
          assert.equal(native.status, 2, answers);
          assert.equal(JSON.stringify(wasm) + '\n', native.stdout.toString('utf8'), answers);
          assert.equal(wasm.error.code, 'calendar_no_deadlines');
          assert.equal(wasm.error.field, 'deadlines');
          continue;
        }
        withDates += 1;
        assert.equal(native.status, 0, answers);
        assert.ok(wasm.ics, answers);
        assert.ok(Buffer.from(wasm.ics, 'utf8').equals(native.stdout), `byte for byte: ${answers}`);
        identical += 1;
        // As on the page: the page module's result text, handed to the take-away module as it is.
        assert.match(wasm.filename, new RegExp(`${result.policy.id}-${result.route}\\.ics$`));
        checkLines(wasm.ics, answers);
        assert.ok(wasm.ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));

        const evs = events(wasm.ics);
        assert.equal(evs.length, result.deadlines.length, answers);
        const uids = evs.map((e) => e.getFirstPropertyValue('uid'));
        assert.equal(new Set(uids).size, uids.length, `unique UIDs: ${answers}`);
        result.deadlines.forEach((d, i) => {
          const e = evs[i];
          const start = e.getFirstPropertyValue('dtstart');
          assert.ok(start.isDate, 'all-day');
          assert.equal(start.toString(), d.date);
          const end = e.getFirstPropertyValue('dtend');
          assert.ok(end.isDate);
          assert.equal(end.subtractDate(start).toSeconds(), 86400);
          assert.equal(e.getFirstPropertyValue('dtstamp').toString(), `${asOf[0]}T00:00:00Z`);
          const summary = e.getFirstPropertyValue('summary');
          assert.ok(summary.includes(result.receiving.org) && summary.includes(d.label), summary);
          const description = e.getFirstPropertyValue('description');
          const clause = result.clause_texts.find((c) => c.id === d.clause);
          for (const part of [result.receiving.org, d.clause, d.what, clause.title, result.policy.hash, asOf[0]])
            assert.ok(description.includes(part), `${answers}: description lacks ${part}`);
          // The clause's own words are one line of the description, unfolded and unescaped exactly.
          assert.ok(description.split('\n').includes(clause.text), `${answers}: clause text`);
          // Every step, except the notes that only say who the member is (left out of the file).
          for (const step of result.steps) {
            if (memberStatusNotes.has(step.id)) assert.ok(!description.includes(step.text), `${answers}: ${step.id} left out`);
            else assert.ok(description.includes(step.text), step.text);
          }
          const alarms = e.getAllSubcomponents('valarm');
          assert.deepEqual(alarms.map((a) => a.getFirstPropertyValue('trigger').toString()), ['-P7D', '-P1D']);
          for (const a of alarms) {
            assert.equal(a.getFirstPropertyValue('action'), 'DISPLAY');
            assert.ok(a.getFirstPropertyValue('description').includes(d.label));
          }
        });

        // A later as-of date: the same UIDs (re-importing updates), a new DTSTAMP.
        const again = calendar(policy, answers, asOf[1], lang);
        assert.deepEqual(events(again.ics).map((e) => e.getFirstPropertyValue('uid')), uids, answers);
        assert.notEqual(again.ics, wasm.ics);
        checkLines(again.ics, answers);
      }
      assert.ok(withDates >= 15, `${withDates} paths with dates`);
    });
  }
}

test('UIDs are the deadline kind and the policy id, nothing of the answers; other policies, other UIDs', () => {
  const byPolicy = new Map();
  for (const policy of policies) {
    const uids = new Set();
    for (const line of paths(policy, 'zh-CN', asOf[0])) {
      if (line.result.deadlines.length === 0) continue;
      const seen = new Map();
      const want = line.result.deadlines.map((d) => {
        const n = (seen.get(d.kind) ?? 0) + 1;
        seen.set(d.kind, n);
        return `${d.kind}${n > 1 ? `-${n}` : ''}-${line.result.policy.id}@xueshe`;
      });
      const got = events(calendar(policy, line.answers, asOf[0], 'zh-CN').ics).map((e) => e.getFirstPropertyValue('uid'));
      assert.deepEqual(got, want, JSON.stringify(line.answers));
      for (const uid of got) uids.add(uid);
    }
    byPolicy.set(policy, uids);
  }
  const all = [...byPolicy.values()];
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) for (const uid of all[i]) assert.ok(!all[j].has(uid), uid);
});

test('a long Chinese text with emoji and special characters folds and unfolds exactly', () => {
  const line = paths('hxci-2022', 'zh-CN', asOf[0]).find((l) => l.result.route === 'retain_at_school');
  // The policy's own words for the clause behind the date, made long.
  const file = JSON.parse(readFileSync(path.join(root, 'policies/hxci-2022.json'), 'utf8'));
  const long = '离校前尚未落实就业去向的毕业学生团员，可在原就读学校保留团组织关系不超过6个月；📅🎓✅ 反斜杠\\、逗号,分号; 都要转义。'.repeat(6);
  const clause = file.clauses.find((c) => c.id === line.result.deadlines[0].clause);
  assert.ok(clause, line.result.deadlines[0].clause);
  clause.text['zh-CN'] = long;
  const { ics } = calendar({ text: JSON.stringify(file) }, line.answers, asOf[0], 'zh-CN');
  checkLines(ics, 'long text');
  assert.ok(ics.split('\r\n ').length > 20);
  const [e] = events(ics);
  const description = e.getFirstPropertyValue('description');
  assert.ok(description.split('\n').includes(long));
  assert.ok(e.getFirstPropertyValue('summary').endsWith(line.result.receiving.org));
  assert.ok(description.includes(`${line.result.receiving.org}\n`));
});

test('errors: a question, bad answers, a bad date, policy or language, each the CLI\'s; the module stays alive', () => {
  for (const lang of ['zh-CN', 'en']) {
    for (const [answers, code, field] of [
      ['{"destination":"employed","graduation_date":"2022-06-30"}', 'calendar_needs_outcome', 'birth_date'],
      ['', null, null],
      ['{"destination":', 'malformed_json', '$'],
      ['[1]', null, null],
      ['{"destination":"mars"}', 'unknown_value', 'destination'],
      ['['.repeat(5000) + ']'.repeat(5000), null, null],
    ]) {
      const native = runCli(['evaluate', '--format', 'ics', '--today', asOf[0], '--lang', lang], answers);
      assert.equal(native.code, 2, answers.slice(0, 40));
      const wasm = takeaway.calendar('', '', answers, asOf[0], lang);
      assert.equal(wasm, cliJson(native), answers.slice(0, 40));
      const err = JSON.parse(wasm).error;
      if (code) assert.equal(err.code, code);
      if (field) assert.equal(err.field, field);
      assert.ok(err.message.length > 0 && !err.message.startsWith('takeaway.'), err.message);
    }
    const answers = JSON.stringify(paths('hxci-2022', lang, asOf[0]).find((l) => l.result.deadlines.length > 0).answers);
    assert.equal(JSON.parse(takeaway.calendar('', '', answers, '2022-02-30', lang)).error.field, 'today');
    // A policy that does not load: the error the page's own module gives for it.
    for (const [text, bases] of [['{', ''], ['', '{"cn-league":"["}'], ['', '[']]) {
      const page = openPolicy(pages[lang], text, bases);
      assert.equal(takeaway.calendar(text, bases, answers, asOf[0], lang), page.error(lang), text + bases);
      page.delete();
    }
  }
  const bad = JSON.parse(takeaway.calendar('', '', '{}', asOf[0], 'fr')).error;
  assert.equal(bad.code, 'calendar_bad_lang');
  assert.equal(bad.field, 'lang');
  const line = paths('hxci-2022', 'en', asOf[0]).find((l) => l.result.deadlines.length > 0);
  assert.ok(calendar('hxci-2022', line.answers, asOf[0], 'en').ics.startsWith('BEGIN:VCALENDAR'));
});

test('calendar files compared', (t) => {
  assert.ok(identical > 1000, `${identical} calendar files compared`);
  t.diagnostic(`${identical} calendar files byte-identical natively and in wasm (and as many more read at a second as-of date)`);
});

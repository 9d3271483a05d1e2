// The study-abroad application (二.5) from the take-away wasm module: the form
// and the document are exactly what `xueshe application --form|--format json`
// prints for the same answers, in both languages, given what the page holds
// (policy text and base files, answers, as-of date); every bad input is an
// error value, never an abort.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { site, runCli, loadModules, loadTakeaway, openPolicy } from './load.mjs';

const require = createRequire(import.meta.url);
const takeaway = await loadTakeaway();
const pages = await loadModules();

const TODAY = '2022-06-01';
const ABROAD = { destination: 'study_abroad', graduation_date: '2022-06-30', departure_date: '2022-09-10',
  birth_date: '2000-01-01', party_member: false };
const APPLICANT = { name: '<i>赵六</i>', student_id: '2018', college: '学院', country_or_region: '日本',
  institution: '東京大学 🎓', from: '2022-09-10', until: '2024-03-31', study_plan: '一\n二',
  contact_name: '赵五', contact_relationship: '兄', contact_phone: '+81 (3) 1234-5678' };

// What the page hands over for its outcome: the built-in policy (text "", no bases), the answers, the as-of date.
function member(answers = ABROAD) {
  return ['', '', JSON.stringify(answers), TODAY];
}

function cli(args, input) {
  const r = runCli(['application', '--today', TODAY, '--format', 'json', ...args], JSON.stringify(input));
  return JSON.parse(r.out);
}

test('the module gives the form and the document the CLI gives, in both languages', () => {
  for (const lang of ['zh-CN', 'en']) {
    const form = JSON.parse(takeaway.applicationForm(...member(), lang));
    assert.deepEqual(form, cli(['--form', '--lang', lang], { answers: ABROAD }), lang);
    assert.equal(form.form.fields.find((f) => f.id == 'from').value, '2022-09-10');
    const doc = JSON.parse(takeaway.application(...member(), JSON.stringify(APPLICANT), lang));
    const want = cli(['--lang', lang], { answers: ABROAD, applicant: APPLICANT });
    assert.deepEqual(doc, want, lang);
    // Addressed to the school's league committee by the policy's name for the school.
    const page = openPolicy(pages[lang], '', '');
    const school = JSON.parse(page.evaluate(JSON.stringify(ABROAD), TODAY, lang)).policy.school;
    page.delete();
    assert.ok(school && doc.document.addressee.includes(school), doc.document.addressee);
    assert.equal(doc.document.addressee_from, 'policy.school');
    // What was typed, the dates as a letter writes them (2022年9月10日, 10 September 2022).
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const letter = (iso) => {
      const [y, m, d] = iso.split('-').map(Number);
      return lang == 'en' ? `${d} ${MONTHS[m - 1]} ${y}` : `${y}年${m}月${d}日`;
    };
    for (const row of doc.document.rows)
      assert.equal(row.value, ['from', 'until'].includes(row.field) ? letter(APPLICANT[row.field]) : APPLICANT[row.field] ?? '', row.field);
  }
});

test('every error is a value naming the field, the same as the CLI\'s', () => {
  const result = member();
  for (const [change, field] of [[{ contact_phone: '12a' }, 'applicant.contact_phone'], [{ until: '2022-09-10' }, 'applicant.until'],
    [{ name: 'x'.repeat(2001) }, 'applicant.name'], [{ nickname: 'x' }, 'applicant.nickname'], [{ from: '2022-02-29' }, 'applicant.from']]) {
    const typed = { ...APPLICANT, ...change };
    const got = JSON.parse(takeaway.application(...result, JSON.stringify(typed), 'en'));
    assert.equal(got.error.field, field);
    assert.deepEqual(got, cli(['--lang', 'en'], { answers: ABROAD, applicant: typed }));
  }
  const bad = (args) => JSON.parse(takeaway.application(...args)).error;
  assert.equal(bad([...result, '{', 'en']).code, 'application_malformed_json');
  assert.equal(bad([...result, '{}', 'fr']).code, 'application_bad_lang');
  // Bad answers, as-of date or policy: the engine's error, as the CLI and the page's module give it.
  const wrong = { ...ABROAD, destination: 'mars' };
  const refused = bad([...member(wrong), JSON.stringify(APPLICANT), 'en']);
  const cliRefused = cli(['--lang', 'en'], { answers: wrong, applicant: APPLICANT }).error;
  assert.deepEqual([refused.code, refused.field], ['unknown_value', 'destination']);
  assert.deepEqual(cliRefused, { ...refused, field: 'answers.destination' });  // the CLI's input has them under "answers"
  assert.equal(bad(['', '', '{"destination":', TODAY, '{}', 'en']).code, 'malformed_json');
  assert.equal(bad(['', '', JSON.stringify(ABROAD), '2022-13-01', '{}', 'en']).field, 'today');
  const page = openPolicy(pages.en, '{', '');
  assert.equal(takeaway.applicationForm('{', '', JSON.stringify(ABROAD), TODAY, 'en'), page.error('en'));
  page.delete();
  // Lone surrogates from JavaScript (Embind's UTF-8 conversion pairs them with the next unit): a value, never an abort.
  for (const text of ['a\ud800b', 'a\udc00', 'a\ud800']) {
    const reply = JSON.parse(takeaway.application(...result, JSON.stringify({ ...APPLICANT, college: text }).replace(/\\ud[89a-f]00/, text.slice(1, 2)), 'en'));
    assert.ok(reply.document || reply.error.code, JSON.stringify(reply).slice(0, 200));
  }
  const employed = member({ destination: 'employed', graduation_date: '2022-06-30', birth_date: '2000-01-01',
    party_member: false, self_employed: false, civil_servant: false, employer_classified: false, employer_has_league_org: true,
    receiving_region: 'other' });
  assert.equal(JSON.parse(takeaway.applicationForm(...employed, 'zh-CN')).error.code, 'application_not_needed');
  const question = JSON.parse(takeaway.applicationForm(...member({ destination: 'study_abroad' }), 'en')).error;
  assert.equal(question.code, 'application_needs_outcome');
  assert.equal(question.field, 'graduation_date');
  // Still working after all that.
  assert.ok(JSON.parse(takeaway.applicationForm(...result, 'en')).form);
});

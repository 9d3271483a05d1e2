// The structured comparison of a scenario's expectation with a result — the
// same one tests/scenario_runner.cpp makes for the native CLI.
import assert from 'node:assert/strict';

export function checkExpectation(expect, result) {
  if (expect.error) {
    assert.ok(result.error, 'expected an error');
    assert.equal(result.error.code, expect.error.code);
    assert.equal(result.error.field, expect.error.field);
    return;
  }
  assert.equal(result.status, expect.status);
  if (expect.status === 'question') {
    assert.equal(result.question.id, expect.question);
    return;
  }
  assert.equal(result.route, expect.route);
  if (expect.alternatives) assert.deepEqual(result.alternatives, expect.alternatives);
  if (expect.deadlines) {
    const got = result.deadlines.map((d, i) => {
      const keys = Object.keys(expect.deadlines[i] || { kind: 0, date: 0, clause: 0, days_left: 0, state: 0 });
      return Object.fromEntries(keys.map((k) => [k, d[k]]));
    });
    assert.deepEqual(got, expect.deadlines);
  }
  if (expect.clauses) assert.deepEqual(result.clauses, expect.clauses);
  if (expect.warnings) assert.deepEqual(result.warnings.map((w) => w.code), expect.warnings);
}

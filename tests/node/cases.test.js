// Every case of tests/cases/**/*.json against the wasm engine (dist/engine.js);
// tests/unit/cases_test.cpp runs the same files against the native engine.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { loadEngine, loadCases, matches } = require('./engine.js');

const cases = loadCases();
const engine = loadEngine();

test('there are cases', () => {
  assert.ok(cases.length > 50, `only ${cases.length} cases found`);
});

for (const c of cases) {
  test(`${c.file}: ${c.name}`, async () => {
    assert.notStrictEqual(c.kind, 'invalid', `${c.file}: ${c.name}: needs profile, team or raw`);
    const e = await engine;
    const out = c.kind === 'team' ? e.checkTeam(c.input) : e.evaluate(c.input);
    let answer;
    assert.doesNotThrow(() => { answer = JSON.parse(out); }, `answer is not JSON: ${out.slice(0, 300)}`);
    const why = matches(c.expect, answer);
    assert.strictEqual(why, null, `${c.file}: ${c.name}\n  ${why}`);
  });
}

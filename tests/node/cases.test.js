// Every case of tests/cases/**/*.json through the wasm module (dist/engine.js)
// and the native CLI (build/native/core/talent-check): the two answers must
// be the same bytes. What the answers must say is checked once, natively
// (tests/unit/cases_test.cpp); this runner holds the wasm module to it.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { loadEngine, NATIVE } = require('./engine.js');

const missing = [NATIVE.check, NATIVE.caseInputs].filter((p) => !fs.existsSync(p));
if (missing.length) throw new Error(`${missing.join(', ')} not found: build the native preset first`);

function run(args, input) {
  const r = spawnSync(NATIVE.check, args, { input, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`talent-check ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return r.stdout.toString('utf8');
}

// The case inputs exactly as the native runner sends them.
const cases = spawnSync(NATIVE.caseInputs, [], { maxBuffer: 1 << 30 }).stdout.toString('utf8')
  .split('\n').filter(Boolean).map((line) => JSON.parse(line));

// The CLI's answers: one JSON Lines run per kind; an input that is not one
// non-blank line (which JSON Lines cannot carry) is sent alone with --whole.
function nativeAnswers() {
  const answers = new Array(cases.length);
  for (const kind of ['profile', 'team']) {
    const args = kind === 'team' ? ['--team'] : [];
    const batch = cases.map((c, i) => ({ c, i }))
      .filter(({ c }) => (c.kind === 'team') === (kind === 'team') && c.kind !== 'invalid');
    const lined = batch.filter(({ c }) => !/[\r\n]/.test(c.input) && /[^ \t]/.test(c.input));
    const out = run(args, lined.map(({ c }) => c.input).join('\n') + '\n').split('\n');
    lined.forEach(({ i }, k) => { answers[i] = out[k]; });
    for (const { c, i } of batch) if (answers[i] === undefined) answers[i] = run([...args, '--whole'], c.input).replace(/\n$/, '');
  }
  return answers;
}

const native = nativeAnswers();
const engine = loadEngine();

test('there are cases', () => {
  assert.ok(cases.length > 50, `only ${cases.length} cases found`);
});

cases.forEach((c, i) => {
  test(`${c.file}: ${c.name}`, async () => {
    assert.notStrictEqual(c.kind, 'invalid', `${c.file}: ${c.name}: needs profile, team or raw`);
    const e = await engine;
    const wasm = c.kind === 'team' ? e.checkTeam(c.input) : e.evaluate(c.input);
    if (wasm === native[i]) return;
    let at = 0;
    while (at < wasm.length && wasm[at] === native[i][at]) at++;
    assert.fail(`wasm and native answers differ at character ${at}:\n  native: …${native[i].slice(Math.max(0, at - 80), at + 120)}…\n` +
                `  wasm:   …${wasm.slice(Math.max(0, at - 80), at + 120)}…`);
  });
});

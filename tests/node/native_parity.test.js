// The wasm module and the native CLI give byte-identical answers: the same
// profiles through build/native/core/talent-check and through dist/engine.js.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { loadEngine, NATIVE, makeTeams } = require('./engine.js');

const engine = loadEngine();
const missing = [NATIVE.check, NATIVE.genprofiles].filter((p) => !fs.existsSync(p));
const SKIP = missing.length
  ? `${missing.join(', ')} not found: build the native preset first (cmake --preset native && cmake --build --preset native)`
  : false;

function splitLines(buf) {
  const lines = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++)
    if (buf[i] === 0x0a) { lines.push(buf.subarray(start, i)); start = i + 1; }
  if (start < buf.length) lines.push(buf.subarray(start));
  return lines;
}

function run(cmd, args, input) {
  const r = spawnSync(cmd, args, { input, maxBuffer: 1 << 30 });
  assert.strictEqual(r.error, undefined, `${cmd}: ${r.error}`);
  assert.strictEqual(r.status, 0, `${cmd} ${args.join(' ')} exited with ${r.status} (signal ${r.signal}): ${r.stderr}`);
  return r.stdout;
}

// The lines talent-check answers: it drops a trailing \r and skips blank lines.
function cliLines(buf) {
  return splitLines(buf)
    .map((l) => (l.length && l[l.length - 1] === 0x0d ? l.subarray(0, l.length - 1) : l))
    .filter((l) => /[^ \t]/.test(l.toString('latin1')));
}

function excerpt(buf, at) {
  const from = Math.max(0, at - 80);
  return `…${buf.subarray(from, at + 120).toString('utf8')}…`;
}

// Asserts that the native and wasm answers to `inputs` are byte-identical. An
// input is a string (sent to the wasm module as a JS string, as the page does)
// or a Buffer (sent as bytes, as the CLI reads them).
async function compare(inputs, { team = false } = {}) {
  const e = await engine;
  const bytes = inputs.map((x) => Buffer.from(x));
  const native = splitLines(run(NATIVE.check, team ? ['--team'] : [], Buffer.concat(bytes.flatMap((l) => [l, Buffer.from('\n')]))));
  assert.strictEqual(native.length, inputs.length, `talent-check gave ${native.length} lines for ${inputs.length} inputs`);
  let differing = 0;
  let first = null;
  for (let i = 0; i < inputs.length; i++) {
    const wasm = Buffer.from(team ? e.checkTeam(inputs[i]) : e.evaluate(inputs[i]), 'utf8');
    if (wasm.equals(native[i])) continue;
    differing++;
    if (first) continue;
    let at = 0;
    while (at < wasm.length && at < native[i].length && wasm[at] === native[i][at]) at++;
    first = `first difference: line ${i + 1}, byte offset ${at} (native ${native[i].length} bytes, wasm ${wasm.length})\n` +
            `  input:  ${bytes[i].toString('utf8').slice(0, 2000)}\n` +
            `  native: ${excerpt(native[i], at)}\n` +
            `  wasm:   ${excerpt(wasm, at)}`;
  }
  assert.strictEqual(differing, 0, `${differing} of ${inputs.length} answers differ; ${first}`);
  return inputs.length;
}

// The property of issue 11: at least 10,000 generated profiles.
test('10,000 generated profiles (full 5000 7, valid 5000 8): native and wasm answers are byte-identical',
     { skip: SKIP }, async (t) => {
  const inputs = [...splitLines(run(NATIVE.genprofiles, ['full', '5000', '7'])),
                  ...splitLines(run(NATIVE.genprofiles, ['valid', '5000', '8']))];
  assert.strictEqual(inputs.length, 10000);
  // Passed to the wasm module as strings, the way the page does.
  const n = await compare(inputs.map((b) => b.toString('utf8')));
  t.diagnostic(`${n} profiles compared`);
});

test('2,000 mutated profiles (mutated 2000 9): native and wasm answers to bad input are byte-identical',
     { skip: SKIP }, async (t) => {
  // Raw bytes, as the CLI reads them (invalid UTF-8 included), one line each.
  const inputs = cliLines(run(NATIVE.genprofiles, ['mutated', '2000', '9']));
  const n = await compare(inputs);
  t.diagnostic(`${n} profiles compared`);
});

test('200 JS-made teams: talent-check --team and checkTeam answers are byte-identical',
     { skip: missing.includes(NATIVE.check) ? SKIP : false }, async (t) => {
  const inputs = [...makeTeams(150, 31), ...makeTeams(50, 32, { junk: true })];
  const n = await compare(inputs, { team: true });
  t.diagnostic(`${n} teams compared`);
});

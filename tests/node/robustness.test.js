// Contract section 5 in the wasm module: whatever it is given, evaluate and
// checkTeam return JSON with an `errors` list, never throw, abort or hang,
// and the module keeps answering correctly afterwards.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { loadEngine, NATIVE, makeTeams } = require('./engine.js');

const engine = loadEngine();
const GEN_MISSING = fs.existsSync(NATIVE.genprofiles)
  ? false
  : `${NATIVE.genprofiles} not found: build the native preset first (cmake --preset native && cmake --build --preset native)`;

const ERROR_CODES = new Set(['invalid_json', 'not_object', 'too_large', 'too_deep', 'invalid_type', 'unknown_value',
                             'out_of_range', 'invalid_date']);
const STATUSES = new Set(['eligible', 'ineligible', 'review', 'incomplete']);

// A category C profile (tests/cases/fcg/category_c.json): evaluated first and last.
const GOOD_PROFILE = JSON.stringify({
  as_of: '2026-05-15', age: 63, retired: false, city: 'other', years_in_city: 12, full_time_in_city: true,
  education: { level: 'master', full_time: true, health_major: true, clinical_major: true, double_first_class: false },
  title: 'senior', physician: true, phd_supervisor: false, hospital_grade: 'tertiary', posts: [],
  honors: ['national_famous_tcm'], society_roles: [], shortage_specialty: false,
  conduct_ok: true, major_accident: false, healthy: true,
});
const GOOD_TEAM = JSON.stringify({
  origin: 'nhc',
  leader: { category: 'B', retired: false },
  members: [{ title: 'deputy_senior', education: 'doctorate', retired: false },
            { title: 'deputy_senior', education: 'doctorate', retired: false },
            { title: 'intermediate', education: 'master', retired: false },
            { title: 'intermediate', education: 'master', retired: false }],
});

// `count` lines of talent-genprofiles KIND COUNT SEED, as raw bytes (Buffers).
function generate(kind, count, seed) {
  const r = spawnSync(NATIVE.genprofiles, [kind, String(count), String(seed)], { maxBuffer: 1 << 30 });
  assert.strictEqual(r.status, 0, `talent-genprofiles ${kind} ${count} ${seed} failed: ${r.stderr}`);
  const lines = [];
  let start = 0;
  for (let i = 0; i < r.stdout.length; i++)
    if (r.stdout[i] === 0x0a) { lines.push(r.stdout.subarray(start, i)); start = i + 1; }
  if (start < r.stdout.length) lines.push(r.stdout.subarray(start));
  return lines;
}

function show(input) {
  if (typeof input !== 'string') return `bytes ${Buffer.from(input).toString('hex').slice(0, 300)}… (${input.length} bytes)`;
  const s = JSON.stringify(input);
  return s.length > 300 ? `${s.slice(0, 300)}… (${input.length} UTF-16 units)` : s;
}

// What is wrong with one answer, or null. `kind` is 'profile' or 'team'.
function problem(kind, out, expectCode) {
  if (typeof out !== 'string') return `returned ${typeof out}, not a string`;
  let a;
  try { a = JSON.parse(out); } catch (e) { return `answer does not parse (${e.message}): ${out.slice(0, 300)}`; }
  if (a === null || typeof a !== 'object' || Array.isArray(a)) return `answer is not an object: ${out.slice(0, 300)}`;
  if (!Array.isArray(a.errors)) return `answer has no errors list: ${out.slice(0, 300)}`;
  for (const e of a.errors)
    if (!e || typeof e.path !== 'string' || typeof e.message !== 'string' || !ERROR_CODES.has(e.code))
      return `malformed error entry ${JSON.stringify(e)}`;
  if (expectCode && !a.errors.some((e) => e.code === expectCode))
    return `expected an error ${expectCode}, got ${JSON.stringify(a.errors).slice(0, 300)}`;
  if (kind === 'profile') {
    if (a.schema !== 'talent-result/1') return `schema is ${JSON.stringify(a.schema)}`;
    const outcomes = a.outcomes;
    if (!outcomes || typeof outcomes !== 'object' || Array.isArray(outcomes)) return 'outcomes is not an object';
    const n = Object.keys(outcomes).length;
    if (a.errors.length > 0 && n !== 0) return `errors ${JSON.stringify(a.errors).slice(0, 200)} but ${n} outcomes`;
    if (a.errors.length === 0) {
      if (n === 0) return 'no errors and no outcomes';
      for (const [id, o] of Object.entries(outcomes))
        if (!o || !STATUSES.has(o.status)) return `outcome ${id} has status ${JSON.stringify(o && o.status)}`;
    }
  } else if (a.errors.length === 0 && !STATUSES.has(a.status)) {
    return `no errors, and status is ${JSON.stringify(a.status)}`;
  }
  return null;
}

// Runs every input through `call` and asserts no problem; reports the first few.
function hammer(e, kind, inputs) {
  const call = kind === 'team' ? (x) => e.checkTeam(x) : (x) => e.evaluate(x);
  const failures = [];
  let failed = 0;
  for (const item of inputs) {
    const { input, expectCode } = typeof item === 'object' && !(item instanceof Uint8Array) ? item : { input: item };
    let why;
    try {
      why = problem(kind, call(input), expectCode);
    } catch (err) {
      why = `threw ${err && err.name}: ${err && err.message}`;
    }
    if (why) {
      failed++;
      if (failures.length < 5) failures.push(`input ${show(input)}\n    -> ${why}`);
    }
  }
  assert.strictEqual(failed, 0, `${failed} of ${inputs.length} inputs failed; first ones:\n  ${failures.join('\n  ')}`);
  return inputs.length;
}

// ---------------------------------------------------------------------------
// JS-made nasties.

const big = 70 * 1024;
function nasties() {
  const list = [
    // lone surrogates, as characters and as escapes
    '{"specialty":"\ud800"}', '{"specialty":"\udc00x"}', '{"\ud800":1}', '\ud800', '{"specialty":"\udc00\ud800"}',
    '{"specialty":"\\ud800"}', '{"specialty":"\\udc00"}', '{"specialty":"\\ud800\\u0041"}', '{"specialty":"\\ud83d\\ude00"}',
    // NUL characters
    '\u0000', '{"specialty":"a\u0000b"}', '{"a\u0000":1}', '{"age":40}\u0000', '\u0000{"age":40}',
    '{"specialty":"a\\u0000b"}', '{"city":"wenzhou\\u0000"}', '{"\\u0000":1}',
    // 70 KB strings and inputs
    { input: `{"specialty":"${'x'.repeat(big)}"}`, expectCode: 'too_large' },
    { input: `{"specialty":"${'中'.repeat(big / 3 + 10)}"}`, expectCode: 'too_large' },  // 24k characters, 72 KB of UTF-8
    `{"specialty":"${'中'.repeat(20000)}"}`,  // 20k characters, 60 KB of UTF-8: read, then a string field
    ' '.repeat(big), 'x'.repeat(big), `{"as_of":"2026-01-01"${' '.repeat(big)}}`,
    `{"posts":[${'{},'.repeat(20000)}{}]}`, `{"honors":[${'"cas_academician",'.repeat(3500)}"cas_academician"]}`,
    `{"${'k'.repeat(60000)}":1}`,
    // nesting depth 10,000 (and just over and under the limit of 32)
    '['.repeat(10000) + ']'.repeat(10000), '['.repeat(10000), ']'.repeat(10000),
    { input: '{"a":'.repeat(10000) + '1' + '}'.repeat(10000), expectCode: 'too_deep' },
    '{"a":'.repeat(10000), '{"posts":' + '['.repeat(10000) + ']'.repeat(10000) + '}',
    { input: '{"a":'.repeat(33) + '1' + '}'.repeat(33), expectCode: 'too_deep' },
    '{"a":'.repeat(31) + '1' + '}'.repeat(31), '{"posts":' + '['.repeat(31) + ']'.repeat(31) + '}',
    // numbers
    '{"age":1e400}', '{"age":-1e400}', '{"age":1e-400}', '{"age":-0}', '{"age":-0.0}', '{"age":40.0}', '{"age":40.5}',
    '{"age":1E1}', '{"age":123456789012345678901234567890}', '{"age":18446744073709551615}',
    '{"age":18446744073709551616}', '{"age":-9223372036854775808}', '{"age":-9223372036854775809}',
    '{"age":NaN}', '{"age":Infinity}', '{"age":0x20}', '{"age":+40}', '{"age":040}', '{"age":.5}', '{"age":5.}',
    '{"years_in_city":1e308}', '{"years_in_city":-1e-320}', '{"years_in_city":4.9e-324}',
    '{"plan":{"housing_area_m2":1e308,"housing_price_per_m2":1e308}}',
    '{"plan":{"study_cost_cny":1.7976931348623157e308}}', '{"plan":{"flexible_days":1e308,"flexible_completed":true}}',
    '{"plan":{"service_years":9223372036854775807}}', '{"plan":{"service_years":1e30}}',
    '{"wenzhou":{"management_years":1e400}}', '1e400', '-0', '123456789012345678901234567890',
    // arrays and other non-objects
    { input: '[]', expectCode: 'not_object' }, { input: '[1,2]', expectCode: 'not_object' },
    { input: '[{"age":40}]', expectCode: 'not_object' }, { input: '42', expectCode: 'not_object' },
    { input: '"wenzhou"', expectCode: 'not_object' }, { input: 'null', expectCode: 'not_object' },
    { input: 'true', expectCode: 'not_object' },
    '{"posts":{}}', '{"posts":[null,1,"x",[],{}]}', '{"honors":[1,null,{},[]]}', '{"honors":"cas_academician"}',
    '{"society_roles":[[],{"society":[]}]}', '{"education":[]}', '{"education":"doctorate"}', '{"wenzhou":[]}',
    '{"plan":[1]}', '{"backup_strengths":[[["key_unit_head"]]]}',
    // non-JSON
    { input: '', expectCode: 'invalid_json' }, ' ', '\n', { input: 'not json', expectCode: 'invalid_json' },
    '{', '}', '{"age":40,', '{"age":40,}', "{'age':40}", '{age:40}', 'undefined', 'NaN', '\ufeff{}', '\ufeff',
    '{} {}', '{}garbage', '//comment\n{}', '{"age":40}/*x*/', '{"a":"\\x41"}', '{"a":"\\u12"}', '{"a":"\u0001"}',
    '{"a":"line\nbreak"}', '{"a":1,"a":2}', '{"age":40,"age":"forty"}', '{"__proto__":{"age":40}}',
    '{"constructor":{"prototype":{}}}',
    // dates
    '{"as_of":"2024-02-30"}', '{"as_of":"2023-02-29"}', '{"as_of":"2024-02-29"}', '{"as_of":"9999-99-99"}',
    '{"as_of":"0000-01-01"}', '{"as_of":"2024-2-1"}', '{"as_of":"2024-02-01T00:00:00Z"}', '{"as_of":"+2024-02-01"}',
    '{"as_of":20240201}', '{"as_of":""}', '{"birth_date":"2030-01-01","as_of":"2026-01-01"}',
    '{"birth_date":"1900-01-01","as_of":"2026-01-01"}', '{"birth_date":"1990-01-01","age":20,"as_of":"2026-01-01"}',
    '{"as_of":"99999-01-01"}', '{"as_of":"-001-01-01"}', '{"as_of":"２０２６-０１-０１"}',
  ];
  return list;
}

// Every field of talent-profile/1 set to values of every type, on a full profile.
function fieldSweep() {
  const base = JSON.parse(GOOD_PROFILE);
  Object.assign(base, {
    city: 'wenzhou', english: 'professional', specialty: 'cardiology', foreign_peer: 'B', backup_strengths: ['key_unit_head'],
    posts: [{ institution: 'nhc', role: 'director', second_level: true, national_key: true }],
    society_roles: [{ society: 'cma', branch: 'level1', position: 'chair' }],
    wenzhou: { leads_influential_team: true, national_talent_program: true, provincial_leading_talent: false,
               clinical_backbone: true, specialty_program: true, research_foundation: true, key_project_core: true,
               provincial_high_level_talent: false, e_class_youth: false, teaching_experience: true, teaching_role: true,
               management_years: 5, reserve_cadre: true },
    plan: { housing_area_m2: 150, housing_price_per_m2: 8000, flexible_days: 90, flexible_completed: true,
            service_years: 6, study_cost_cny: 100000 },
  });
  const paths = [];
  (function walk(obj, prefix) {
    for (const [k, v] of Object.entries(obj)) {
      const p = [...prefix, k];
      paths.push(p);
      if (Array.isArray(v)) {
        if (v.length) paths.push([...p, 0]);
        if (v.length && v[0] && typeof v[0] === 'object') walk(v[0], [...p, 0]);
      } else if (v && typeof v === 'object') walk(v, p);
    }
  })(base, []);
  for (const extra of ['birth_date', 'unknown_field']) paths.push([extra]);
  const RAW = '\u0001raw\u0001';
  const values = [null, true, false, 0, -1, 16, 101, 1.5, 1e308, '', 'x', 'A', '2024-02-30', [], {}, [null], [{}],
                  'a\u0000b', '\ud800', `${RAW}-0`, `${RAW}1e400`, `${RAW}123456789012345678901234567890`];
  const out = [];
  for (const p of paths) {
    for (const v of values) {
      const copy = JSON.parse(JSON.stringify(base));
      let o = copy;
      for (const k of p.slice(0, -1)) o = o[k];
      o[p[p.length - 1]] = v;
      out.push(JSON.stringify(copy).replace(/"\\u0001raw\\u0001([^"]*)"/, '$1'));
    }
    const copy = JSON.parse(JSON.stringify(base));  // and the field removed
    let o = copy;
    for (const k of p.slice(0, -1)) o = o[k];
    if (Array.isArray(o)) o.splice(p[p.length - 1], 1); else delete o[p[p.length - 1]];
    out.push(JSON.stringify(copy));
  }
  return out;
}

// ---------------------------------------------------------------------------

let baseline;
let calls = 0;
let firstValid = [];

test('a good profile and a good team, before everything else', async () => {
  const e = await engine;
  baseline = { profile: e.evaluate(GOOD_PROFILE), team: e.checkTeam(GOOD_TEAM) };
  const a = JSON.parse(baseline.profile);
  assert.deepStrictEqual(a.errors, []);
  assert.strictEqual(a.outcomes['fcg.category'].status, 'eligible');
  assert.strictEqual(a.outcomes['fcg.category'].value, 'C');
  assert.strictEqual(JSON.parse(baseline.team).status, 'eligible');
});

test('evaluate: 5,000 mutated profiles (talent-genprofiles mutated 5000 11), as raw bytes and as strings',
     { skip: GEN_MISSING }, async () => {
  const e = await engine;
  const lines = generate('mutated', 5000, 11);
  assert.ok(lines.length >= 5000, `only ${lines.length} lines`);
  calls += hammer(e, 'profile', lines);  // the exact bytes, invalid UTF-8 included
  calls += hammer(e, 'profile', lines.map((b) => b.toString('utf8')));
});

test('evaluate: 5,000 valid profiles (talent-genprofiles valid 5000 12)', { skip: GEN_MISSING }, async () => {
  const e = await engine;
  const lines = generate('valid', 5000, 12).map((b) => b.toString('utf8'));
  assert.strictEqual(lines.length, 5000);
  calls += hammer(e, 'profile', lines);
  firstValid = lines.slice(0, 200).map((p) => [p, e.evaluate(p)]);
  for (const [p, out] of firstValid.slice(0, 50))
    assert.deepStrictEqual(JSON.parse(out).errors, [], `a valid profile has errors: ${p}`);
});

test('evaluate: JS-made nasties (surrogates, NUL, 70 KB, depth 10,000, odd numbers, arrays, non-JSON)', async () => {
  const e = await engine;
  calls += hammer(e, 'profile', nasties());
});

// Values that are no text at all (issue 11): a Proxy, a fake or hostile
// Uint8Array, numbers, objects. Each gets invalid_type, never a throw.
test('evaluate and checkTeam: a value that is not text answers invalid_type, whatever it pretends', async () => {
  const e = await engine;
  class Hostile extends Uint8Array {
    subarray() { throw new TypeError('no'); }
    get length() { throw new TypeError('no'); }
  }
  const values = [
    new Proxy(new Uint8Array([123, 125]), {}), new Proxy(new String('{}'), {}), new Proxy({}, { get() { throw new Error('trap'); } }),
    Object.create(Uint8Array.prototype), { length: 2, subarray() { throw new TypeError('no'); }, __proto__: Uint8Array.prototype },
    42, null, undefined, true, {}, [], [123, 125], new ArrayBuffer(2), new Uint16Array([123, 125]), Symbol('x'), () => '{}',
  ];
  for (const kind of ['profile', 'team']) {
    for (const value of values) {
      const call = () => (kind === 'team' ? e.checkTeam(value) : e.evaluate(value));
      let out;
      assert.doesNotThrow(() => { out = call(); }, `${kind}: ${String(typeof value)}`);
      assert.strictEqual(problem(kind, out, 'invalid_type'), null);
      assert.strictEqual(call(), out, 'the same answer every time');
    }
    // A genuine subclass instance is bytes: its own length and subarray are not used.
    const bytes = new Hostile(new TextEncoder().encode('{"age":40}'));
    const out = kind === 'team' ? e.checkTeam(bytes) : e.evaluate(bytes);
    assert.strictEqual(problem(kind, out), null);
  }
});

test('evaluate: every field with every type of value', async () => {
  const e = await engine;
  const inputs = fieldSweep();
  assert.ok(inputs.length > 1000, `only ${inputs.length} inputs`);
  calls += hammer(e, 'profile', inputs);
});

test('checkTeam: generated teams, nasties, and mutated profiles', async () => {
  const e = await engine;
  const inputs = [...makeTeams(300, 21, { junk: true }), ...makeTeams(100, 22), ...nasties(),
                  '{"leader":{"category":"C","retired":false},"members":' + '['.repeat(10000) + ']'.repeat(10000) + '}',
                  JSON.stringify({ leader: { category: 'C' }, members: Array(3000).fill({ title: 'senior' }) }),
                  JSON.stringify({ leader: { category: 'C' }, members: Array(20000).fill({}) })];
  if (!GEN_MISSING) inputs.push(...generate('mutated', 100, 23));
  calls += hammer(e, 'team', inputs);
});

test('the module keeps answering, with the same answers as before', async (t) => {
  const e = await engine;
  assert.strictEqual(e.evaluate(GOOD_PROFILE), baseline.profile, 'the good profile now gets a different answer');
  assert.strictEqual(e.checkTeam(GOOD_TEAM), baseline.team, 'the good team now gets a different answer');
  const a = JSON.parse(e.evaluate(GOOD_PROFILE));
  assert.strictEqual(a.outcomes['fcg.category'].status, 'eligible');
  for (const [p, out] of firstValid) assert.strictEqual(e.evaluate(p), out, `answer changed for ${p}`);
  assert.doesNotThrow(() => JSON.parse(e.describe()));
  assert.doesNotThrow(() => JSON.parse(e.version()));
  t.diagnostic(`${calls} calls through the wasm module`);
});

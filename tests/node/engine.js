// Shared helpers of the Node tests: the wasm engine (dist/engine.js with its
// bytes passed in, see spec/toolchain.md), the case-file matcher (the same
// rules as `matches` in tests/support/case_files.cpp), and the case loader.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const CASES_DIR = path.join(ROOT, 'tests', 'cases');
const NATIVE = {
  check: path.join(ROOT, 'build', 'native', 'core', 'talent-check'),
  genprofiles: path.join(ROOT, 'build', 'native', 'tests', 'talent-genprofiles'),
};

let enginePromise = null;

// The engine module, loaded once per process (each test file is its own process).
function loadEngine() {
  if (!enginePromise) {
    const createEngine = require(path.join(DIST, 'engine.js'));
    enginePromise = createEngine({ wasmBinary: fs.readFileSync(path.join(DIST, 'engine.wasm')) });
  }
  return enginePromise;
}

// ---------------------------------------------------------------------------
// Matching (tests/cases/README.md; mirrors case_files.cpp `matches`).

function isObject(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }

function text(v) {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s;
}

// What nlohmann iterates over in `for (const Json& x : j)`: an array's
// elements, an object's values, nothing for null, the value itself otherwise.
function elements(v) {
  if (Array.isArray(v)) return v;
  if (isObject(v)) return Object.values(v);
  if (v === null || v === undefined) return [];
  return [v];
}

// null when `actual` matches the partial answer `expect`, else where and why not.
function matches(expect, actual, where = '') {
  if (expect === undefined) expect = null;  // a case without "expect" expects null
  if (isObject(expect)) {
    if (!isObject(actual)) return `${where}: expected an object, got ${text(actual)}`;
    for (const key of Object.keys(expect)) {
      const wanted = expect[key];
      if (key === '$absent') {
        for (const name of elements(wanted))
          if (typeof name === 'string' && Object.prototype.hasOwnProperty.call(actual, name))
            return `${where}/${name}: should be absent`;
        continue;
      }
      const suffix = key.endsWith('_include') ? '_include' : key.endsWith('_exclude') ? '_exclude' : null;
      if (suffix) {
        const base = key.slice(0, key.length - suffix.length);
        const list = Object.prototype.hasOwnProperty.call(actual, base) ? actual[base] : undefined;
        if (!Array.isArray(list)) return `${where}/${base}: expected a list`;
        for (const item of elements(wanted)) {
          const found = list.some((a) => matches(item, a) === null);
          if (found !== (suffix === '_include'))
            return `${where}/${base}${found ? ': has ' : ': lacks '}${text(item)}; it is ${text(list)}`;
        }
        continue;
      }
      if (!Object.prototype.hasOwnProperty.call(actual, key)) return `${where}/${key}: missing`;
      const why = matches(wanted, actual[key], `${where}/${key}`);
      if (why !== null) return why;
    }
    return null;
  }
  if (Array.isArray(expect)) {
    if (!Array.isArray(actual) || actual.length !== expect.length)
      return `${where}: expected ${text(expect)}, got ${text(actual)}`;
    for (let i = 0; i < expect.length; i++) {
      const why = matches(expect[i], actual[i], `${where}/${i}`);
      if (why !== null) return why;
    }
    return null;
  }
  // Scalars: numbers by value (1 matches 1.0), everything else by type and value.
  const same = expect === actual;
  return same ? null : `${where}: expected ${text(expect)}, got ${text(actual)}`;
}

// ---------------------------------------------------------------------------
// Case files. The C++ loader parses a case and sends `to_text(profile)`
// (nlohmann's compact dump). So that the wasm engine gets the same JSON value
// (JSON.stringify would turn 30.0 into 30 and round integers beyond 2^53),
// the input is parsed here keeping object key order and number lexemes, and
// numbers are written the way nlohmann writes them (integers exactly, 30.0 as
// "30.0", 1e20 as "1e+20"). Strings are written by JSON.stringify: the same
// value, though non-ASCII characters may be escaped differently.

class Lexeme { constructor(t) { this.text = t; } }

function parseKeepingLexemes(src) {
  let i = 0;
  const fail = (what) => { throw new SyntaxError(`${what} at offset ${i}`); };
  const ws = () => { while (i < src.length && ' \t\n\r'.includes(src[i])) i++; };
  function value() {
    ws();
    const c = src[i];
    if (c === '{') {
      i++; const pairs = []; ws();
      if (src[i] === '}') { i++; return { pairs }; }
      for (;;) {
        ws(); if (src[i] !== '"') fail('expected a key');
        const k = string(); ws(); if (src[i] !== ':') fail('expected :'); i++;
        const v = value();
        const at = pairs.findIndex((p) => p[0] === k);  // a repeated key: last value, first place
        if (at >= 0) pairs[at][1] = v; else pairs.push([k, v]);
        ws(); if (src[i] === ',') { i++; continue; } if (src[i] === '}') { i++; return { pairs }; }
        fail('expected , or }');
      }
    }
    if (c === '[') {
      i++; const items = []; ws();
      if (src[i] === ']') { i++; return items; }
      for (;;) {
        items.push(value()); ws();
        if (src[i] === ',') { i++; continue; } if (src[i] === ']') { i++; return items; }
        fail('expected , or ]');
      }
    }
    if (c === '"') return string();
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(src.slice(i, i + 400));
    if (m && m[0]) { i += m[0].length; return new Lexeme(m[0]); }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]])
      if (src.startsWith(word, i)) { i += word.length; return v; }
    return fail('unexpected character');
  }
  function string() {
    const start = i++;
    while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1;
    if (i >= src.length) fail('unterminated string');
    i++;
    return JSON.parse(src.slice(start, i));
  }
  const v = value(); ws();
  if (i !== src.length) fail('trailing text');
  return v;
}

// nlohmann's number formatting (dtoa_impl::format_buffer) from the shortest
// round-trip digits, which V8's Number#toString also gives.
function nlohmannNumber(lexeme) {
  if (!/[.eE]/.test(lexeme)) {
    const n = BigInt(lexeme);
    const fits = n >= -(2n ** 63n) && n < 2n ** 64n;  // int64 or uint64, else a double
    if (fits) return n.toString();
  }
  const d = Number(lexeme);
  if (!Number.isFinite(d)) return 'null';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const neg = d < 0;
  const [mant, expPart] = Math.abs(d).toExponential().split('e');  // shortest digits
  const digits = mant.replace('.', '');
  const k = digits.length;
  const n = Number(expPart) + 1;  // value = 0.digits × 10^n
  let out;
  if (k <= n && n <= 15) out = digits + '0'.repeat(n - k) + '.0';
  else if (n > 0 && n <= 15) out = `${digits.slice(0, n)}.${digits.slice(n)}`;
  else if (n > -4 && n <= 0) out = `0.${'0'.repeat(-n)}${digits}`;
  else {
    const e = n - 1;
    const ee = String(Math.abs(e)).padStart(2, '0');
    out = `${digits[0]}${k > 1 ? '.' + digits.slice(1) : ''}e${e < 0 ? '-' : '+'}${ee}`;
  }
  return (neg ? '-' : '') + out;
}

function nlohmannText(v) {
  if (v instanceof Lexeme) return nlohmannNumber(v.text);
  if (Array.isArray(v)) return `[${v.map(nlohmannText).join(',')}]`;
  if (v && typeof v === 'object') return `{${v.pairs.map(([k, x]) => `${JSON.stringify(k)}:${nlohmannText(x)}`).join(',')}}`;
  return JSON.stringify(v);
}

function caseFiles(dir = CASES_DIR) {
  const out = [];
  (function walk(d) {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && entry.name.endsWith('.json')) out.push(p);
    }
  })(dir);
  return out.sort();
}

// Every case of every file: {file, name, kind: 'profile'|'team'|'raw'|'invalid', input, expect}.
function loadCases(dir = CASES_DIR) {
  const out = [];
  for (const file of caseFiles(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const src = fs.readFileSync(file, 'utf8');
    let doc, kept;
    try {
      doc = JSON.parse(src);
      kept = parseKeepingLexemes(src);
    } catch (e) {
      doc = null;
    }
    if (!isObject(doc) || !Array.isArray(doc.cases)) {
      out.push({ file: rel, name: '(file does not parse as {"cases": [...]})', kind: 'invalid', input: '', expect: null });
      continue;
    }
    const keptCases = kept.pairs.find(([k]) => k === 'cases')[1];
    doc.cases.forEach((c, index) => {
      const k = { file: rel, name: '(unnamed)', kind: 'invalid', input: '', expect: null };
      if (!isObject(c)) { out.push(k); return; }
      const keptCase = keptCases[index].pairs;
      const keptMember = (key) => keptCase.find(([name]) => name === key)[1];
      if (typeof c.name === 'string') k.name = c.name;
      if ('profile' in c) { k.kind = 'profile'; k.input = nlohmannText(keptMember('profile')); }
      else if ('team' in c) { k.kind = 'team'; k.input = nlohmannText(keptMember('team')); }
      else if (typeof c.raw === 'string') { k.kind = 'raw'; k.input = c.raw; }
      if ('expect' in c) k.expect = c.expect;
      out.push(k);
    });
  }
  return out;
}

module.exports = { ROOT, DIST, CASES_DIR, NATIVE, loadEngine, matches, loadCases, nlohmannText, parseKeepingLexemes };

// ---------------------------------------------------------------------------
// Generated inputs.

// A small deterministic PRNG (mulberry32): the same inputs on every run.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// `count` team inputs (talent-team/1, contract section 6) as JSON text. With
// `junk`, some values have the wrong type or are out of the allowed set, and
// some shapes are wrong; without it, values are valid, null or missing.
function makeTeams(count, seed, { junk = false } = {}) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const maybe = (p) => rand() < p;
  const junkValues = [1, -1, 2.5, '', 'x', true, [], {}, [null], 1e300, 'Ｃ'];
  const value = (valid) => (junk && maybe(0.08) ? pick(junkValues) : maybe(0.06) ? null : pick(valid));
  const categories = ['A', 'B', 'C', 'D', 'E', 'F'];
  const titles = ['none', 'junior', 'intermediate', 'deputy_senior', 'senior'];
  const levels = ['below_bachelor', 'bachelor', 'master', 'doctorate'];
  const out = [];
  for (let i = 0; i < count; i++) {
    const team = {};
    if (!maybe(0.04)) {
      const leader = {};
      if (!maybe(0.05)) leader.category = value(categories);
      if (!maybe(0.05)) leader.retired = value([false, false, false, true]);
      team.leader = junk && maybe(0.03) ? pick(junkValues) : leader;
    }
    if (!maybe(0.04)) {
      const members = [];
      const n = Math.floor(rand() * 9);
      for (let m = 0; m < n; m++) {
        const member = {};
        if (!maybe(0.05)) member.title = value(titles);
        if (!maybe(0.05)) member.education = value(levels);
        if (!maybe(0.05)) member.retired = value([false, false, true]);
        if (junk && maybe(0.03)) member.nickname = 'unknown key';
        members.push(junk && maybe(0.03) ? pick(junkValues) : member);
      }
      team.members = junk && maybe(0.03) ? pick(junkValues) : members;
    }
    if (junk && maybe(0.03)) team.extra = { nested: [1, 2, 3] };
    out.push(JSON.stringify(team));
  }
  return out;
}

module.exports.prng = prng;
module.exports.makeTeams = makeTeams;

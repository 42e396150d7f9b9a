// Shared helpers of the Node tests: the wasm engine (dist/engine.js with its
// bytes passed in, as docs/contract.md says), the native tools, and
// generated team inputs.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const NATIVE = {
  check: path.join(ROOT, 'build', 'native', 'core', 'talent-check'),
  genprofiles: path.join(ROOT, 'build', 'native', 'tests', 'talent-genprofiles'),
  caseInputs: path.join(ROOT, 'build', 'native', 'tests', 'talent-case-inputs'),
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

module.exports = { ROOT, DIST, NATIVE, loadEngine };

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

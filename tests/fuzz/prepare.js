// Prepares a fuzz run (tests/fuzz/run.sh): the seed corpora, one per call,
// from tests/fuzz/seeds/ and every case file's input, and the dictionary,
// json.dict plus the profile's and the team's keys and values as describe()
// gives them, so that a new policy's fields are fuzzed without a change here.
//   node prepare.js TALENT_CHECK CASE_INPUTS OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');

const [talentCheck, caseInputs, out] = process.argv.slice(2);
if (!out) throw new Error('usage: node prepare.js TALENT_CHECK CASE_INPUTS OUT_DIR');
const here = __dirname;

// A corpus file is named by its content, as libFuzzer names what it adds.
function addSeed(call, bytes) {
  const dir = path.join(out, `corpus-${call}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, crypto.createHash('sha1').update(bytes).digest('hex')), bytes);
}

let seeds = 0;
for (const name of fs.readdirSync(path.join(here, 'seeds'))) {
  const bytes = fs.readFileSync(path.join(here, 'seeds', name));
  for (const call of ['evaluate', 'team']) addSeed(call, bytes);
  seeds++;
}
let cases = 0;
for (const line of execFileSync(caseInputs, { maxBuffer: 1 << 28 }).toString('utf8').split('\n')) {
  if (!line) continue;
  const c = JSON.parse(line);
  addSeed(c.kind === 'team' ? 'team' : 'evaluate', Buffer.from(c.input, 'utf8'));
  cases++;
}

// The dictionary: every key of a question (each part of a dotted field, and
// a list entry's fields) and every value it may take, as JSON strings.
const described = JSON.parse(execFileSync(talentCheck, ['--describe']).toString('utf8'));
const words = new Set();
function addQuestion(q) {
  for (const part of q.field.split('.')) words.add(JSON.stringify(part));
  for (const v of q.values || []) words.add(JSON.stringify(v));
  for (const f of q.fields || []) addQuestion(f);
}
for (const q of [...described.questions, ...described.team_questions]) addQuestion(q);
const escape = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
const lines = [...words].sort().map((w) => `"${escape(w)}"`);
fs.writeFileSync(path.join(out, 'fuzz.dict'),
  `${fs.readFileSync(path.join(here, 'json.dict'), 'utf8')}\n# from describe()\n${lines.join('\n')}\n`);
console.log(`fuzz: ${seeds} seeds and ${cases} case inputs in the corpora; ${lines.length} words from describe() in the dictionary`);

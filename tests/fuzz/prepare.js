// Prepares a fuzz run (tests/fuzz/run.sh): the seed corpora, one per target,
// from tests/fuzz/seeds/ and every case file's input (the roster's from its
// case files' CSV and the template in both languages), and the dictionary,
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

// The roster's: the CSV of every roster case, and the template.
const rosterCases = path.join(here, '..', 'roster_cases');
let rosters = 0;
for (const name of fs.readdirSync(rosterCases).filter((n) => n.endsWith('.json'))) {
  for (const c of JSON.parse(fs.readFileSync(path.join(rosterCases, name), 'utf8')).cases) {
    if (!Array.isArray(c.csv)) continue;
    addSeed('roster', Buffer.from(`${c.csv.join('\r\n')}\r\n`, 'utf8'));
    rosters++;
  }
}
for (const lang of ['zh', 'en']) {
  addSeed('roster', execFileSync(talentCheck, ['--csv-template', '--lang', lang]));
  rosters++;
}

// The dictionary: every key of a question (each part of a dotted field, and
// a list entry's fields) and every value it may take, as JSON strings.
const described = JSON.parse(execFileSync(talentCheck, ['--describe']).toString('utf8'));
const words = new Set();
// And for the roster's cells, the words a choice is written with (zh, en),
// bare, with the words for yes, no and none and the list separators.
function addQuestion(q) {
  for (const part of q.field.split('.')) words.add(JSON.stringify(part));
  for (const v of q.values || []) words.add(JSON.stringify(v));
  for (const option of Object.values(q.options || {})) for (const label of [option.zh, option.en]) if (label) words.add(label);
  for (const f of q.fields || []) addQuestion(f);
}
for (const w of ['是', '否', '无', 'none', ';', '/', '；', '、', '２０２６']) words.add(w);
for (const q of [...described.questions, ...described.team_questions]) addQuestion(q);
// libFuzzer's dictionary takes printable ASCII; other bytes as \xNN.
const escape = (s) => [...Buffer.from(s, 'utf8')].map((b) => {
  if (b === 0x5c || b === 0x22) return `\\${String.fromCharCode(b)}`;
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
}).join('');
const lines = [...words].sort().map((w) => `"${escape(w)}"`);
fs.writeFileSync(path.join(out, 'fuzz.dict'),
  `${fs.readFileSync(path.join(here, 'json.dict'), 'utf8')}\n# from describe()\n${lines.join('\n')}\n`);
console.log(`fuzz: ${seeds} seeds, ${cases} case inputs and ${rosters} rosters in the corpora; ${lines.length} words from describe() in the dictionary`);

// The roster module (dist/roster-engine.js) against the native CLI
// (talent-check --csv): every case file of tests/roster_cases/, read the way
// the roster view reads a file (papaparse) and checked in wasm, gives the
// native result rows and errors cell for cell, in both languages. What the
// rows must say is checked once, natively (tests/unit/roster_test.cpp).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const Papa = require('papaparse');
const { ROOT, DIST, NATIVE } = require('./engine.js');

const CASES = path.join(ROOT, 'tests', 'roster_cases');
const ui = JSON.parse(fs.readFileSync(path.join(ROOT, 'site', 'text', 'ui.json'), 'utf8'));
const rosterWords = JSON.parse(fs.readFileSync(path.join(ROOT, 'site', 'text', 'roster.json'), 'utf8'));

let modulePromise = null;
function loadRoster() {
  if (!modulePromise) {
    const create = require(path.join(DIST, 'roster-engine.js'));
    modulePromise = create({ wasmBinary: fs.readFileSync(path.join(DIST, 'roster-engine.wasm')) });
  }
  return modulePromise;
}

// As the roster view's worker sends a batch (site/roster/worker.js).
const rowsText = (rows) => rows.map((r) => [r.row, ...r.cells.map((c) => String(c).replace(/[\u001e\u001f]/g, ' '))].join('\u001f')).join('\u001e');

async function wasmCheck(csv, lang) {
  const records = Papa.parse(csv, { skipEmptyLines: false }).data;
  const rows = records.slice(1).map((cells, i) => ({ row: i + 2, cells }));
  const roster = await loadRoster();
  return JSON.parse(roster.rosterCheck(JSON.stringify({ lang, header: records[0] }), rowsText(rows)));
}

function nativeCheck(csv, lang) {
  const errorsFile = path.join(require('node:os').tmpdir(), `roster-errors-${process.pid}.csv`);
  const r = spawnSync(NATIVE.check, ['--csv', '--lang', lang, '--errors', errorsFile], { input: csv });
  const parse = (text) => Papa.parse(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  return { results: parse(r.stdout.toString('utf8')), errors: parse(fs.readFileSync(errorsFile, 'utf8')) };
}

const cases = fs.readdirSync(CASES).filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(fs.readFileSync(path.join(CASES, f), 'utf8')).cases.map((c) => ({ file: f, ...c })));

for (const c of cases)
  for (const lang of ['zh', 'en'])
    test(`${c.file}: ${c.name} (${lang}): wasm and native agree`, async () => {
      const csv = c.csv.join('\n') + '\n';
      const wasm = await wasmCheck(csv, lang);
      const native = nativeCheck(csv, lang);
      if (wasm.fatal) {
        assert.equal(native.results.length, 0);
      } else {
        assert.deepEqual([wasm.columns.map((col) => col.label), ...wasm.rows.map((r) => r.cells)], native.results);
      }
      const wasmErrors = [...wasm.problems, ...wasm.rows.flatMap((r) => r.errors)]
        .map((e) => [e.row ? String(e.row) : '', e.column ? String(e.column) : '', e.header, e.message]);
      assert.deepEqual(wasmErrors, native.errors.slice(1));
    });

test('the template the view offers is the CLI\'s', async () => {
  const roster = await loadRoster();
  for (const lang of ['zh', 'en']) {
    const cli = spawnSync(NATIVE.check, ['--csv-template', '--lang', lang]).stdout.toString('utf8');
    assert.equal(`\uFEFF${roster.rosterTemplate(lang)}`, cli);
  }
});

test('one word per status: the roster\'s cells, the roster view and the page say the same', async () => {
  for (const lang of ['zh', 'en']) {
    const answer = await wasmCheck('id,age,title\nE1,48,正高\nE2,15,\nE3,60,正高\n', lang);
    const used = new Set(answer.rows.flatMap((r) => Object.values(r.outcomes).map((o) => o.status)));
    const cellWords = new Set(answer.rows.flatMap((r) => r.cells.slice(4)).filter((w) => w && !/^[A-F0-9–.]+$/.test(w)));
    for (const status of used) {
      assert.equal(rosterWords[lang][`status.${status}`], ui[lang][`status.${status}`], status);
      assert.ok(cellWords.has(ui[lang][`status.${status}`]), `${status}: ${[...cellWords].join(', ')}`);
    }
  }
});

test('a bad request gets an error answer, never a throw', async () => {
  const roster = await loadRoster();
  for (const [request, rows] of [[42, ''], ['{', ''], ['[]', '2\u001f48'], [JSON.stringify({ header: 'id' }), ''], [null, null]]) {
    const answer = JSON.parse(roster.rosterCheck(request, rows));
    assert.ok(Array.isArray(answer.errors) && answer.errors.length, JSON.stringify(request));
    assert.equal(answer.rows, undefined);
  }
});

// The page never shows a field name: every benefit, benefit field, value
// word, obligation kind and selection the engine gives in any case of
// tests/cases (and every value that is not a category letter) has words in both languages in the page's dictionary
// (site/text/ui.json), as site/js/format.js and site/js/answers.js look
// them up. A new benefit field in a pack fails here until the page can say it.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, NATIVE } = require('./engine.js');

const ui = JSON.parse(fs.readFileSync(path.join(ROOT, 'site/text/ui.json'), 'utf8'));
const layout = JSON.parse(fs.readFileSync(path.join(ROOT, 'site/layout.json'), 'utf8'));
// The category letters, as the page finds them (site/js/page-data.js).
const letters = new Set((layout.parts[layout.summary_category] || []).map((id) => id.slice(id.lastIndexOf('.') + 1)));
const kindOf = new Map(Object.entries(layout.benefit_fields).flatMap(([kind, fields]) => fields.map((f) => [f, kind])));

function answers() {
  const inputs = spawnSync(NATIVE.caseInputs, [], { maxBuffer: 1 << 30 }).stdout.toString('utf8')
    .split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const run = (kind) => {
    const lines = inputs.filter((c) => c.kind === kind && !/[\r\n]/.test(c.input)).map((c) => c.input);
    const r = spawnSync(NATIVE.check, kind === 'team' ? ['--team'] : [], { input: lines.join('\n') + '\n', maxBuffer: 1 << 30 });
    return r.stdout.toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  };
  return { profiles: run('profile'), teams: run('team') };
}

// The dictionary keys the page would look up for what the engine said.
function keysNeeded({ profiles, teams }) {
  const needed = new Map();  // key → where it was first seen
  const need = (key, where) => { if (!needed.has(key)) needed.set(key, where); };
  const benefit = (id, b, where) => {
    need(`benefit.${id}`, where);
    for (const [name, value] of Object.entries(b)) {
      const kind = kindOf.get(name);
      const at = `${where} ${id}.${name}`;
      if (kind === undefined) { need(`(no kind in site/layout.json benefit_fields for "${name}")`, at); continue; }
      if (kind === 'silent' || value === null || value === false || typeof value === 'object') continue;
      need(`field.${kind === 'duration' ? 'duration' : name}`, at);
      if (kind === 'word') need(`value.${name}.${value}`, at);
      if (kind === 'duration') need(`unit.${b.duration_unit}`, at);
    }
  };
  const outcome = (o, where) => {
    // A value that is not a category letter is shown in words (layout.json value_words).
    if (typeof o.value === 'string' && !letters.has(o.value)) {
      const words = layout.value_words[where];
      if (!words) need(`(no value_words in site/layout.json for ${where})`, `${where} = ${o.value}`);
      else { need(words.label, where); need(`${words.prefix}${o.value}`, where); }
    }
    for (const [id, b] of Object.entries(o.benefits || {})) benefit(id, b, where);
    for (const ob of o.obligations || []) need(`ob.kind.${ob.kind}`, `${where} ${ob.id}`);
    // A route named by a word (a tier, a ground) has words; a letter or a clause id (policy:number) is shown as it is.
    for (const r of o.reasons || [])
      if (r.route && !letters.has(r.route) && !r.route.includes(':')) need(`route.${where}.${r.route}`, `${where} route`);
    if (o.status === 'eligible' && o.selection) need(`selection.${o.selection.kind}`, where);
    if (o.status) need(`status.${o.status}`, where);
  };
  for (const a of profiles) for (const [id, o] of Object.entries(a.outcomes || {})) outcome(o, id);
  for (const team of teams) {
    outcome(team, 'team');
    for (const id of ['team_funding', 'origin_unit_fee']) if (team[id]) benefit(id, team[id], 'team');
  }
  return needed;
}

test('every benefit, field, value, obligation kind and selection the cases produce has zh and en words', () => {
  const needed = keysNeeded(answers());
  assert.ok(needed.size > 100, `only ${needed.size} keys: were the cases read?`);
  const missing = [];
  for (const [key, where] of needed)
    for (const lang of ['zh', 'en'])
      if (ui[lang][key] === undefined) missing.push(`${lang} ${key} (${where})`);
  assert.deepStrictEqual(missing, []);
});

test('a figure of one length reads as one ("1 year", "about 2 weeks"), not a range', () => {
  for (const unit of ['unit.years', 'unit.days', 'unit.months', 'unit.week', 'unit.month'])
    assert.ok(ui.en[`${unit}.one`], `en ${unit}.one is missing`);
  for (const unit of ['unit.week', 'unit.month']) {
    assert.doesNotMatch(ui.zh[unit], /\{b\}/);
    assert.doesNotMatch(ui.en[unit], /\{b\}/);
  }
});

// Every error the engine can give has a message in both languages that says
// what to do (issue 11): one tied to a question for each field code, one for
// the answers as a whole for each code that comes without a field (path "").
// The codes are the contract's (docs/contract.md, section 9).
test('every error code has words in both languages, with or without a question', () => {
  const contract = fs.readFileSync(path.join(ROOT, 'docs/contract.md'), 'utf8');
  const section = contract.slice(contract.indexOf('## 9. Bad input'), contract.indexOf('## 10.'));
  const list = /Codes: ([^.]*)\./.exec(section)[1];
  const codes = [...list.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
  assert.ok(codes.length >= 8, codes.join());
  const missing = [];
  for (const lang of ['zh', 'en']) {
    for (const code of codes) {
      if (!ui[lang][`errors.whole.${code}`] && !ui[lang][`errors.${code}`]) missing.push(`${lang} ${code}`);
      if (ui[lang][`errors.whole.${code}`]?.includes('{label}')) missing.push(`${lang} errors.whole.${code} names a question`);
    }
    for (const code of ['too_large', 'too_deep', 'invalid_json', 'not_object', 'invalid_type'])
      if (!ui[lang][`errors.whole.${code}`]) missing.push(`${lang} errors.whole.${code}`);
  }
  assert.deepStrictEqual(missing, []);
});

// The footer and the print header name each rules version with the date it
// was set, in both languages, before the engine loads (the build writes them
// from version(): scripts/site/page-text.js releaseWords).
test('the release words name the engine and every rules version with its date, in both languages', async () => {
  const { releaseWords } = require(path.join(ROOT, 'scripts/site/page-text.js'));
  const { loadEngine } = require('./engine.js');
  const version = JSON.parse((await loadEngine()).version());
  const ids = Object.keys(version.rules);
  assert.ok(ids.length >= 2, ids.join());
  for (const lang of ['zh', 'en']) {
    const words = releaseWords(ui[lang], version);
    for (const id of ids) {
      assert.match(version.rules_dates[id], /^\d{4}-\d{2}-\d{2}$/, id);
      const dated = ui[lang]['rules.dated'].replace('{version}', version.rules[id]).replace('{date}', version.rules_dates[id]);
      for (const key of ['release.rules', 'release.footer', 'release.print']) assert.ok(words[key].includes(dated), `${lang} ${key}: ${words[key]}`);
    }
    assert.ok(words['release.footer'].includes(version.engine), words['release.footer']);
  }
  assert.match(releaseWords(ui.zh, version)['release.footer'], /^引擎 [\d.]+ · 规则版本 [a-z]+-\d{4}\.\d+（\d{4}-\d{2}-\d{2}）( · [a-z]+-\d{4}\.\d+（\d{4}-\d{2}-\d{2}）)+$/);
});

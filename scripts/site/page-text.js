// The page's dictionary, zh and en, built once at build time from three
// sources: the page's own words (site/text/ui.json), the engine's describe()
// (question labels and options, outcome labels, policy titles) and the
// one-line help per question (site/question-help.json).
//
// Keys: q.<field> label, h.<field> help, o.<field>.<value> option,
// q.<list>.<sub> and o.<list>.<sub>.<value> for list items, out.<id>
// outcome label, pol.<id> policy title; release.* the engine's and rules'
// versions and dates, from version() (see releaseWords).
'use strict';

const LANGS = ['zh', 'en'];
const fill = (template, vars) => template.replace(/\{(\w+)\}/g, (_, k) => (vars[k] === undefined ? '' : String(vars[k])));

// The versions the page shows (the footer, the print header, the answer's
// line), from the version() of the engine the build ships with the page:
// each rules version with its date (rules.dated), joined by " · ". Written
// here once; the page's script says release.rules, never works it out.
function releaseWords(words, version) {
  const rules = Object.keys(version.rules)
    .map((id) => fill(words['rules.dated'], { version: version.rules[id], date: version.rules_dates[id] })).join(' · ');
  return {
    'release.rules': rules,
    'release.footer': fill(words['footer.version'], { engine: version.engine, rules }),
    'release.print': fill(words['print.rules'], { rules }),
  };
}

function pageText(ui, described, help, layout, version) {
  const text = { zh: { ...ui.zh }, en: { ...ui.en } };
  const put = (key, pair) => {
    for (const lang of LANGS) if (pair && pair[lang] !== undefined) text[lang][key] = pair[lang];
  };
  const putQuestion = (prefix, q) => {
    put(`q.${prefix}`, q.label);
    for (const [value, label] of Object.entries(q.options || {})) put(`o.${prefix}.${value}`, label);
    for (const sub of q.fields || []) putQuestion(`${prefix}.${sub.field}`, sub);
  };
  for (const q of described.questions) {
    putQuestion(q.field, q);
    put(`h.${q.field}`, help[q.field]);
  }
  // The team check's questions, under q.team.*; their options may borrow
  // the labels of a profile question with the same values (layout.json).
  for (const q of described.team_questions || []) putQuestion(`team.${q.field}`, q);
  const borrowed = (layout.team_check && layout.team_check.option_labels) || {};
  for (const [teamField, profileField] of Object.entries(borrowed))
    for (const lang of LANGS)
      for (const [key, label] of Object.entries(text[lang]))
        if (key.startsWith(`o.${profileField}.`)) text[lang][`o.team.${teamField}.${key.slice(profileField.length + 3)}`] = label;
  for (const policy of described.policies) {
    put(`pol.${policy.id}`, policy.title);
    for (const outcome of policy.outcomes) put(`out.${outcome.id}`, outcome.label);
  }
  for (const lang of LANGS) Object.assign(text[lang], releaseWords(text[lang], version));
  // Every word in both languages: a key one language lacks fails the build.
  for (const lang of LANGS)
    for (const other of LANGS)
      for (const key of Object.keys(text[other]))
        if (!key.startsWith('_') && text[lang][key] === undefined) throw new Error(`page text: "${key}" has no ${lang} text`);
  return text;
}

module.exports = { pageText, releaseWords, LANGS };

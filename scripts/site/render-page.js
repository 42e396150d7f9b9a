// Renders the page's static HTML at build time, in Chinese: the questions
// (from the engine's describe()) and the empty answer cards (one per outcome
// the engine reports). The form is therefore plain HTML that shows before
// the engine has loaded; the page's scripts only fill in and translate.
//
// Every visible word carries data-i18n="<key>" so that the language switch
// can swap it (see site/js/i18n.js).
'use strict';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const idOf = (field) => 'q-' + field.replace(/[^a-zA-Z0-9]+/g, '-');

function renderer(text, layout, described, help = {}) {
  const zh = text.zh;
  const say = (key, tag = 'span', attrs = '') => {
    if (zh[key] === undefined) throw new Error(`render: no text for "${key}"`);
    return `<${tag}${attrs} data-i18n="${esc(key)}">${esc(zh[key])}</${tag}>`;
  };
  const hasHelp = (field) => zh[`h.${field}`] !== undefined;
  // The help line in plain words, and the clauses it rests on as chips that
  // open the clause (site/js/clause-dialog.js).
  const chips = (field) => (help[field]?.clauses || [])
    .map((c) => ` <button type="button" class="clause" data-clause="${esc(c)}">${esc(c)}</button>`).join('');
  const helpLine = (key, id) => (hasHelp(key)
    ? `<p class="hint" id="${id}-hint">${say(`h.${key}`)}${chips(key)}</p>` : '');

  // One question. `key` names its texts (q.<key>, h.<key>, o.<key>.*);
  // `bind` is the attribute that ties the control to a profile field:
  // data-field for a top-level field, data-sub inside a list item.
  function question(q, { key = q.field, id = idOf(q.field), bind = `data-field="${esc(q.field)}"`, extra = '' } = {}) {
    // Which policies ask it (describe()), so an embed limited to one policy hides the rest.
    if (q.policies) extra += ` data-policies="${esc(q.policies.join(' '))}"`;
    const describedBy = [hasHelp(key) ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
    const hint = helpLine(key, id);
    const error = `<p class="field-error" id="${id}-error" hidden></p>`;
    // A list of plain values is asked as a set of checkboxes.
    const type = q.type === 'list' && q.values ? 'set' : q.type;
    const common = `${bind} data-type="${esc(type)}" aria-describedby="${describedBy}"${extra}`;
    if (q.type === 'boolean') {
      const radio = (value, word) =>
        `<label class="choice"><input type="radio" name="${id}" value="${value}"${value === '' ? ' checked' : ''}>${say(word)}</label>`;
      return `<fieldset class="q q-boolean" id="${id}" ${common}><legend>${say(`q.${key}`)}</legend>${hint}${error}` +
        `<div class="choices">${radio('true', 'bool.yes')}${radio('false', 'bool.no')}${radio('', 'bool.unknown')}</div></fieldset>`;
    }
    if (type === 'set') {
      const boxes = q.values.map((v) =>
        `<label class="choice"><input type="checkbox" value="${esc(v)}">${say(`o.${key}.${v}`)}</label>`).join('');
      return `<fieldset class="q q-set" id="${id}" ${common}>` +
        `<legend>${say(`q.${key}`)}</legend>${hint}${error}${anyQuestion(id)}<div class="choices list-body" hidden>${boxes}</div></fieldset>`;
    }
    if (q.type === 'list') return list(q, id, key);
    const label = say(`q.${key}`, 'label', ` for="${id}"`);
    if (q.type === 'enum' || q.type === 'text') {
      // Empty is "unknown", unless the engine says it means "none" for this field.
      const unset = q.absent_means_none ? 'select.none' : 'select.unset';
      const values = q.values || Object.keys(q.options || {});
      const options = values.map((v) => `<option value="${esc(v)}" data-i18n="o.${esc(key)}.${esc(v)}">${esc(zh[`o.${key}.${v}`])}</option>`);
      // Free text offered as a list: its listed values, and "another".
      if (q.type === 'text') options.push(`<option value="other" data-i18n="select.other">${esc(zh['select.other'])}</option>`);
      return `<div class="q">${label}${hint}${error}<select id="${id}" ${common}>` +
        `<option value="" data-i18n="${unset}">${esc(zh[unset])}</option>${options.join('')}</select></div>`;
    }
    if (q.type === 'date')
      return `<div class="q">${label}${hint}${error}<input type="date" id="${id}" ${common}></div>`;
    if (q.type === 'integer' || q.type === 'number') {
      const bounds = (q.min !== undefined ? ` min="${q.min}"` : '') + (q.max !== undefined ? ` max="${q.max}"` : '');
      const step = q.type === 'integer' ? ' step="1" inputmode="numeric"' : ' step="any" inputmode="decimal"';
      return `<div class="q">${label}${hint}${error}<input type="number" id="${id}" ${common}${bounds}${step} class="short"></div>`;
    }
    throw new Error(`render: question ${q.field} has a type the page cannot ask: ${q.type}`);
  }

  // Before a list, "any?": 有 shows the list, 无 answers it as none ([]),
  // 不确定 (the default) leaves it unknown (contract 3: a missing list is
  // unknown, [] is none).
  function anyQuestion(id) {
    const radio = (value, word) =>
      `<label class="choice"><input type="radio" name="${id}-any" value="${value}"${value === '' ? ' checked' : ''}>${say(word)}</label>`;
    return `<div class="choices any" role="radiogroup" aria-label="${esc(zh['list.any'])}" data-i18n-aria-label="list.any" data-any>` +
      `${radio('yes', 'list.any.yes')}${radio('no', 'list.any.no')}${radio('', 'bool.unknown')}</div>`;
  }

  // A list of records (department posts, society roles, team members): an
  // empty list, an add button, and a <template> for one item that
  // site/js/form.js copies. `bindName` ties it to a profile field
  // (data-field) or to the team check (data-team-field).
  function list(q, id, key = q.field, bindName = 'data-field') {
    const subs = q.fields.map((sub) => question(sub, {
      key: `${key}.${sub.field}`, id: `${id}-N-${sub.field}`, bind: `data-sub="${esc(sub.field)}"`,
    })).join('');
    const item = `<li class="list-item"><fieldset class="item"><legend>${say(`list.item.${q.field}`)} <span class="item-number">N</span></legend>` +
      `${subs}<button type="button" class="remove" data-remove>${say('list.remove')}<span class="sr-only"> ${esc(zh[`list.item.${q.field}`])} N</span></button></fieldset></li>`;
    const hint = helpLine(key, id);
    const policies = q.policies ? ` data-policies="${esc(q.policies.join(' '))}"` : '';
    const max = q.max_items ? ` data-max-items="${Number(q.max_items)}"` : '';  // the engine's limit (describe)
    return `<fieldset class="q q-list" id="${id}" ${bindName}="${esc(q.field)}" data-type="list"${policies}${max}${hasHelp(key) ? ` aria-describedby="${id}-hint"` : ''}>` +
      `<legend>${say(`q.${key}`)}</legend>${hint}${q.list ? anyQuestion(id) : ''}<div class="list-body"${q.list ? ' hidden' : ''}>` +
      `<ol class="items"></ol>${say('list.empty', 'p', ' class="list-empty"')}` +
      `<button type="button" class="add" data-add="${esc(q.field)}">${say(`list.add.${q.field}`)}</button></div>` +
      `<template id="${id}-item">${item}</template></fieldset>`;
  }

  const byField = new Map(described.questions.map((q) => [q.field, q]));
  const planFields = new Set(layout.calculators.flatMap((c) => c.fields));

  function form() {
    return layout.groups.map((group) => {
      // The date of the check matters least to a doctor: it goes last.
      const last = (q) => (layout.last_in_group.includes(q.field) ? 1 : 0);
      const questions = described.questions.filter((q) => q.group === group && !planFields.has(q.field))
        .sort((a, b) => last(a) - last(b));
      const body = questions.map((q) => question(q)).join('');
      const legend = `<legend>${say(`group.${group}`)}</legend>`;
      const folded = layout.folded_groups[group];
      if (!folded) return `<fieldset class="group" id="group-${group}">${legend}${body}</fieldset>`;
      return `<details class="group folded" id="group-${group}" data-opens-field="${esc(folded.opens_when.field)}" data-opens-value="${esc(folded.opens_when.value)}">` +
        `<summary>${say(`group.${group}`)}</summary>${say(`group.${group}.hint`, 'p', ' class="hint"')}` +
        `<fieldset class="group-inner">${legend}${body}</fieldset></details>`;
    }).join('\n');
  }

  function calculator(calc) {
    const inputs = calc.fields.map((f) => {
      const q = byField.get(f);
      if (!q) throw new Error(`render: calculator ${calc.id} asks ${f}, which describe() does not know`);
      return question(q, { extra: ' form="profile-form"' });
    }).join('');
    return `<div class="calc" id="calc-${calc.id}" data-calc="${calc.id}" role="group" aria-labelledby="calc-${calc.id}-title">` +
      say(calc.title, 'h4', ` id="calc-${calc.id}-title"`) + inputs +
      `<output class="calc-result" id="calc-${calc.id}-result" aria-live="polite">${say('calc.none')}</output></div>`;
  }

  // The team check: the core members, asked here; the leader comes from the
  // profile's answer. Its result is the engine's checkTeam().
  function teamCheck() {
    const team = layout.team_check;
    const members = (described.team_questions || []).find((q) => q.field === 'members');
    const origin = (described.team_questions || []).find((q) => q.field === 'origin');
    if (!team || !members) return '';
    const originQuestion = origin
      ? question(origin, { key: 'team.origin', id: 'team-origin', bind: 'data-team-field="origin"' }) : '';
    return `<div class="calc team-check" id="team-check" role="group" aria-labelledby="team-check-title">` +
      say(team.title, 'h4', ' id="team-check-title"') + say('team.hint', 'p', ' class="hint"') + originQuestion +
      list(members, 'team-members', 'team.members', 'data-team-field') +
      `<div class="team-result" id="team-result" aria-live="polite">${say('team.waiting', 'p')}</div></div>`;
  }

  function card(outcomeId, level = 'h3') {
    const cid = 'card-' + outcomeId.replace(/[^a-zA-Z0-9]+/g, '-');
    const inside = layout.calculators.filter((c) => c.in === outcomeId).map(calculator).join('') +
      (layout.team_check && layout.team_check.in === outcomeId ? teamCheck() : '');
    const after = layout.calculators.filter((c) => c.after === outcomeId).map(calculator).join('');
    return `<article class="card" id="${cid}" data-outcome="${esc(outcomeId)}" aria-labelledby="${cid}-title">` +
      `${say(`out.${outcomeId}`, level, ` id="${cid}-title"`)}<p class="status" data-status="none">—</p>` +
      `<div class="card-body"></div>${inside}</article>${after}`;
  }

  function answers() {
    const shown = new Set([...layout.sections.flatMap((s) => s.outcomes), ...Object.values(layout.parts).flat(), ...layout.not_shown]);
    const sections = layout.sections.map((s) => ({ ...s }));
    // Outcomes of a new pack (or new outcomes of these) that no section
    // names still get a card, in a section of their policy.
    for (const policy of described.policies) {
      const rest = policy.outcomes.map((o) => o.id).filter((id) => !shown.has(id));
      if (rest.length) sections.push({ id: `${policy.id}-more`, titleKey: `pol.${policy.id}`, policy: policy.id, outcomes: rest });
    }
    return sections.map((s) => {
      const calcs = layout.calculators.filter((c) => c.after_section_title === s.id).map(calculator).join('');
      return `<section class="answer-section" id="answers-${s.id}" data-policy="${esc(s.policy)}" aria-labelledby="answers-${s.id}-title">` +
        say(s.titleKey || s.title, 'h3', ` class="section-title" id="answers-${s.id}-title"`) + calcs +
        s.outcomes.map((id) => card(id, 'h4')).join('') + '</section>';
    }).join('\n');
  }

  function sources() {
    return described.policies.map((p) =>
      `<li>${say(`pol.${p.id}`)} <span class="source-file">(${esc(p.source)}, ${esc(p.version)})</span></li>`).join('');
  }

  return { form, answers, sources, say };
}

module.exports = { renderer, esc, idOf };

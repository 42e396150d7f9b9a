// Renders the engine's assessment (contract section 4) into the cards that
// index.html already holds, one per outcome. It shows what the engine says,
// status by status and reason by reason; it never decides anything itself.
import { $, el } from './dom.js';
import { t, has, pick, language } from './i18n.js';
import { benefitLines, benefitTitle, money } from './format.js';
import { clauseButton, reasonItem, reasonList } from './reasons.js';
import { groupedReasons, missingSteps } from './missing.js';

import { pageLayout as layout, isCategoryLetter } from './page-data.js';

// The status in words and in a mark, so it never rests on colour alone.
const MARK = { eligible: '✓', ineligible: '✕', review: '!', incomplete: '?' };
// The reasons that explain a status best, and the heading they go under.
// An eligible outcome's deciding reasons (the met conditions of the route
// that decided it, `clause`) are printed: the printout carries no full lists.
const KEY_REASONS = {
  ineligible: { keep: (r) => r.met === false, heading: 'card.unmet' },
  incomplete: { keep: (r) => r.met === null, heading: 'card.unknown' },
  review: { keep: (r) => r.review === true, heading: 'card.review' },
  eligible: { keep: (r, o) => r.met === true && r.clause === o.clause, heading: 'card.decided_by', printOnly: true },
};
const open = new Set();  // cards and parts whose full reasons the reader opened

// The id of an outcome's card (as scripts/site/render-page.js writes it).
export const cardId = (outcomeId) => 'card-' + outcomeId.replace(/[^a-zA-Z0-9]+/g, '-');

// A value that is not a category letter has its own words (layout.json
// value_words: the backup pool's tier, the kind of workstation).
export function valueWords(outcomeId, value) {
  if (value === null || value === undefined) return '';
  const words = layout.value_words[outcomeId];
  return words ? `${t(words.label)} ${t(words.prefix + value)}` : `${t('card.value')} ${value}`;
}

// An outcome that only opens the door to a competition, a committee or a
// recognition (contract 7.4, `selection`) reads "may apply (…)", not a bare
// "eligible": the engine says which door and its figures.
export function statusWord(outcome) {
  const selection = outcome.selection;
  if (outcome.status !== 'eligible' || !selection) return t(`status.${outcome.status}`);
  for (const figure of ['max_per_year', 'about_total'])
    if (typeof selection[figure] === 'number' && has(`selection.${selection.kind}.${figure}`))
      return t(`selection.${selection.kind}.${figure}`, { n: selection[figure] });
  return has(`selection.${selection.kind}`) ? t(`selection.${selection.kind}`) : t('status.eligible');
}

export function statusLine(node, outcomeId, outcome) {
  node.dataset.status = outcome.status;
  node.replaceChildren(...[
    el('span', { class: 'mark', 'aria-hidden': 'true' }, MARK[outcome.status] || ''),
    el('span', { class: 'word' }, statusWord(outcome)),
    outcome.value != null ? el('span', { class: 'value' }, valueWords(outcomeId, outcome.value)) : null,
  ].filter(Boolean));
}

// A toggle that shows every reason weighed. The list is built when opened:
// a full answer weighs some two hundred conditions, and building them all on
// every keystroke would slow a phone for nothing. (The printout carries each
// outcome's deciding reasons instead: `printing`.)
const reasonsFor = new Map();  // toggle key → the reasons of the answer on screen
let printing = false;

export function setPrinting(on) {
  printing = on;
}

export function allReasons(key, reasons) {
  if (!reasons.length) return null;
  reasonsFor.set(key, reasons);
  const listId = `why-${key.replace(/[^a-zA-Z0-9]+/g, '-')}`;
  const isOpen = open.has(key);
  const list = el('ul', { class: 'reasons', id: listId });
  list.hidden = !isOpen;
  if (isOpen) list.append(...reasons.map((r) => reasonItem(r)));
  const button = el('button', { type: 'button', class: 'why', 'aria-expanded': String(isOpen), 'aria-controls': listId, 'data-why': key },
    isOpen ? t('card.hide_why') : t('card.why', { n: reasons.length }));
  button.dataset.count = String(reasons.length);
  return el('div', { class: 'why-block' }, button, list);
}

export function toggleReasons(button) {
  const key = button.dataset.why;
  const list = document.getElementById(button.getAttribute('aria-controls'));
  const nowOpen = button.getAttribute('aria-expanded') !== 'true';
  if (nowOpen) open.add(key); else open.delete(key);
  if (nowOpen && !list.childElementCount) list.append(...(reasonsFor.get(key) || []).map((r) => reasonItem(r)));
  button.setAttribute('aria-expanded', String(nowOpen));
  button.textContent = nowOpen ? t('card.hide_why') : t('card.why', { n: Number(button.dataset.count) });
  list.hidden = !nowOpen;
}

// An outcome with routes that is not met yet reads its routes as
// alternatives (site/js/missing.js).
export function keyReasons(outcome, outcomeId = null) {
  const rule = KEY_REASONS[outcome.status];
  if (!rule || (rule.printOnly && !printing)) return null;
  const reasons = (outcome.reasons || []).filter((r) => rule.keep(r, outcome));
  if (!reasons.length) return null;
  if (outcomeId && (outcome.status === 'ineligible' || outcome.status === 'incomplete') && reasons.some((r) => r.route))
    return groupedReasons(outcomeId, outcome, reasons, rule.heading);
  return el('div', { class: 'key-reasons' }, el('p', { class: 'key-heading' }, t(rule.heading)), reasonList(reasons));
}

export function benefits(outcome) {
  const entries = Object.entries(outcome.benefits || {});
  if (!entries.length) return null;
  const list = el('dl', { class: 'benefits' });
  for (const [id, benefit] of entries) {
    const { lines, flags } = benefitLines(id, benefit);
    list.append(el('dt', {}, benefitTitle(id), benefit.clause ? [' ', clauseButton(benefit.clause)] : null));
    list.append(el('dd', {}, el('ul', {},
      lines.map((line) => (line.value === '' ? el('li', { class: 'flag-line' }, line.label)
        : el('li', {}, line.label + t('label.sep'), el('strong', {}, line.value)))),
      flags.map((flag) => el('li', { class: 'flag' }, flag)))));
  }
  return el('div', { class: 'benefits-block' }, el('p', { class: 'key-heading' }, t('card.benefits')), list);
}

// What the route asks in return (contract 7.3), each with its kind and
// clause; the engine wrote the figures into the text. What the doctor must
// do or accept shows at once; the grounds for withdrawal and the notes on
// how figures are meant fold under one line (open in print).
const FOLDED_KINDS = new Set(layout.folded_obligation_kinds);

function obligationItem(o) {
  return el('li', { class: 'obligation', 'data-kind': o.kind },
    el('span', { class: 'kind' }, t(`ob.kind.${o.kind}`)), ' ',
    el('span', { class: 'reason-text' }, pick(o.text, o.text_en), ' ', clauseButton(o.clause)));
}

export function obligations(outcome) {
  const list = outcome.obligations;
  if (!Array.isArray(list) || !list.length) return null;
  const shown = list.filter((o) => !FOLDED_KINDS.has(o.kind));
  const folded = list.filter((o) => FOLDED_KINDS.has(o.kind));
  return el('div', { class: 'obligations-block' }, el('p', { class: 'key-heading' }, t('card.obligations')),
    shown.length ? el('ul', { class: 'obligations' }, shown.map(obligationItem)) : null,
    folded.length ? el('details', { class: 'obligations-more', open: printing },
      el('summary', {}, t('card.obligations_more', { n: folded.length })),
      el('ul', { class: 'obligations' }, folded.map(obligationItem))) : null);
}

function labelled(headingKey, reasons) {
  if (!Array.isArray(reasons) || !reasons.length) return null;
  return el('div', { class: 'extra' }, el('p', { class: 'key-heading' }, t(headingKey)), reasonList(reasons));
}

function parts(outcomeId, outcomes) {
  const ids = layout.parts[outcomeId];
  if (!ids) return null;
  return el('div', { class: 'parts' }, el('p', { class: 'key-heading' }, t('card.categories')),
    el('ul', { class: 'part-list' }, ids.filter((id) => outcomes[id]).map((id) => {
      const status = el('span', { class: 'status small' });
      statusLine(status, id, outcomes[id]);
      return el('li', { class: 'part', 'data-outcome': id }, el('span', { class: 'part-label' }, t(`out.${id}`)), ' ', status,
        allReasons(id, outcomes[id].reasons));
    })));
}

function fillCard(card, outcome, outcomes) {
  const id = card.dataset.outcome;
  statusLine(card.querySelector(':scope > .status'), id, outcome);
  card.querySelector(':scope > .card-body').replaceChildren(...[
    keyReasons(outcome, id),
    benefits(outcome),
    obligations(outcome),
    labelled('card.priority', outcome.priority),
    labelled('card.notes', outcome.notes),
    missingSteps(outcome),
    parts(id, outcomes),
    allReasons(id, outcome.reasons),
  ].filter(Boolean));
}

// Calculator results come from the benefits the engine worked out from the
// plan fields, one line per route that grants the benefit ("wz.*": the first
// Wenzhou track that has it). A route the doctor may take that does not
// grant it says so ("F类不享受购房优惠").
function calculatorLine(show, outcomes) {
  const ids = show.outcome.endsWith('*')
    ? Object.keys(outcomes).filter((id) => id.startsWith(show.outcome.slice(0, -1)))
    : [show.outcome];
  const open = ids.filter((id) => outcomes[id]?.status === 'eligible' || outcomes[id]?.status === 'review');
  if (!open.length) return { applicable: false, line: null };
  const id = open.find((o) => outcomes[o].benefits?.[show.benefit]) ?? open[0];
  const benefit = outcomes[id].benefits?.[show.benefit];
  const route = t(`out.${id}`);
  if (!benefit) {
    const value = outcomes[id].value;
    const line = isCategoryLetter(value)
      ? t('calc.not_granted', { route, c: value, benefit: benefitTitle(show.benefit) })
      : t('calc.not_granted_plain', { route, benefit: benefitTitle(show.benefit) });
    return { applicable: false, line };
  }
  return { applicable: true, line: typeof benefit[show.field] === 'number' ? t(show.label, { route, m: money(benefit[show.field]) }) : null };
}

function fillCalculators(outcomes) {
  for (const calc of layout.calculators) {
    const results = calc.shows.map((show) => calculatorLine(show, outcomes));
    const lines = results.map((r) => r.line).filter(Boolean);
    // Waiting for the doctor's figures, or for a route that grants the benefit.
    const waiting = results.some((r) => r.applicable && !r.line);
    const hint = waiting ? 'calc.none' : lines.length ? null : 'calc.not_applicable';
    $(`calc-${calc.id}`).classList.toggle('calc-empty', lines.length === 0);  // not printed
    $(`calc-${calc.id}-result`).replaceChildren(...lines.map((line) => el('span', { class: 'calc-line' }, line)),
      ...(hint ? [el('span', { class: 'calc-line hint' }, t(hint))] : []));
  }
}

// The one-line summary a screen reader hears after each change (counts of
// the programmes by status, and the category), or its short form for the bar
// at the foot of a phone's screen.
// The category reached, in words: its letter ("C", "C（需主管部门认定）"), or,
// with none, "待补充信息" while questions are open and "尚未达到" only when
// the engine says none is met. An unanswered form is never a "no".
export function categoryReached(category) {
  if (category && category.value)
    return category.status === 'review' ? t('answers.category_review', { c: category.value }) : category.value;
  return category && category.status === 'incomplete' ? t('status.incomplete') : t('answers.no_category');
}

export function summaryLine(outcomes, template = 'answers.summary') {
  const counts = { eligible: 0, ineligible: 0, review: 0, incomplete: 0 };
  const category = outcomes[layout.summary_category];
  const programmes = layout.sections.flatMap((s) => s.outcomes).filter((id) => id !== layout.summary_category && outcomes[id]);
  for (const id of programmes) counts[outcomes[id].status] += 1;
  const reached = categoryReached(category);
  // Only the statuses that occur: "不符合 0 项" on an untouched form would
  // read as a verdict nobody asked for.
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([status, n]) => t(`answers.count.${status}`, { n }));
  const sentence = parts.join(t('answers.count.sep'));
  return t(template, { category: reached, ...counts, counts: sentence.charAt(0).toUpperCase() + sentence.slice(1) });
}

// What each card shows now, so a change that leaves an outcome as it was
// does not rebuild its card (typing a number changes one or two).
const shown = new Map();

// Puts `node` in `parent` just before `next` (last when null), unless it is
// there already: moving a node takes the focus out of it, and a
// calculator's field (in a section) would lose the doctor's typing after
// the first key. Returns the node, the next one's `next`.
function place(parent, node, next) {
  if (node.parentNode !== parent || node.nextSibling !== next) parent.insertBefore(node, next);
  return node;
}

// Where the cards go: the sections of the doctor's own city first, and the
// programmes this person is not eligible for folded under "其他项目 (n)" at
// the end, one click away. Each card keeps a marker at its home so it can
// come back when its answer changes.
function arrange(outcomes, order) {
  const others = $('other-list');
  const rank = new Map(order.map((id, i) => [id, i]));
  const sections = [...document.querySelectorAll('#answer-cards > .answer-section')];
  const first = (section) => Math.min(...[...section.querySelectorAll('.card[data-outcome]')]
    .map((c) => rank.get(c.dataset.outcome) ?? Infinity));
  sections.sort((a, b) => first(a) - first(b));
  const cards = $('answer-cards');
  sections.reduceRight((next, section) => place(cards, section, next), $('other-programmes'));
  let folded = 0;
  for (const card of document.querySelectorAll('.card[data-outcome]')) {
    const id = card.dataset.outcome;
    if (!outcomes[id] || !rank.has(id)) continue;
    let home = document.querySelector(`[data-home-of="${id}"]`);
    if (!home) {
      home = el('span', { 'data-home-of': id, hidden: true });
      card.before(home);
    }
    if (outcomes[id].status === 'ineligible') {
      folded += 1;
      if (card.parentNode !== others) others.append(card);
    } else if (card.previousSibling !== home) home.after(card);
  }
  // The folded cards in the page's order.
  [...others.children].sort((a, b) => rank.get(a.dataset.outcome) - rank.get(b.dataset.outcome))
    .reduceRight((next, card) => place(others, card, next), null);
  for (const section of sections)
    section.hidden = section.dataset.outOfScope !== undefined || !section.querySelector('.card[data-outcome]');
  $('other-programmes').hidden = folded === 0;
  $('other-count').textContent = t('answers.others', { n: folded });
}

export function renderAnswer(answer, order) {
  const outcomes = answer.outcomes;
  for (const card of document.querySelectorAll('.card[data-outcome]')) {
    const id = card.dataset.outcome;
    const outcome = outcomes[id];
    if (!outcome) continue;
    const parts = (layout.parts[id] || []).map((part) => outcomes[part]);
    const fingerprint = JSON.stringify([language(), printing, outcome, parts]);
    if (shown.get(id) === fingerprint) continue;
    shown.set(id, fingerprint);
    fillCard(card, outcome, outcomes);
  }
  fillCalculators(outcomes);
  arrange(outcomes, order);
}

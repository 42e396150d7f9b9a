// The doctor's own answer first: what they may apply for (eligible and
// review), each with its headline amount, its caveat and a link to its card;
// then the questions that still matter. Everything here is read from the
// engine's answer; which benefit is the headline and which policy is a
// city's own are page layout (site/layout.json).
import { $, el } from './dom.js';
import { t, pick } from './i18n.js';
import { benefitLines, benefitTitle } from './format.js';
import { statusWord, valueWords, cardId, categoryReached } from './answers.js';
import { pageLayout as layout, letterOf } from './page-data.js';
import { inScope, scopedQuestions, shownPolicies } from './embed-mode.js';

const sectionOf = new Map(layout.sections.flatMap((s) => s.outcomes.map((id) => [id, s])));

// The policy whose city the doctor works in ("wz" for Wenzhou), or null.
export const homePolicy = (profile) => layout.home_city[profile.city] || null;

// The programmes in the order the page shows them: the doctor's own city's
// sections first.
export function programmeOrder(profile) {
  const home = homePolicy(profile);
  const sections = [...layout.sections].sort((a, b) => (b.policy === home) - (a.policy === home));
  return sections.flatMap((s) => s.outcomes).filter(inScope);
}

// "年薪 约120万元/年": the first headline benefit the outcome has, in words.
function headline(id, outcome) {
  for (const benefitId of layout.headline[id] || []) {
    const benefit = outcome.benefits?.[benefitId];
    if (!benefit) continue;
    const [line] = benefitLines(benefitId, benefit).lines;
    if (line) return `${benefitTitle(benefitId)}${t('label.sep')}${line.value || line.label}`;
  }
  return null;
}

// Who decides, for a review: the first condition the deciding body judges.
function caveat(outcome) {
  if (outcome.status !== 'review') return null;
  const judged = (outcome.reasons || []).find((r) => r.review === true);
  return judged ? pick(judged.text, judged.text_en) : null;
}

// The category reached, and what is still open above it: "C（B类待补充信息）",
// "C（A类需主管部门认定）". The letters above are those the engine's
// `closest` names.
export function categoryWords(outcomes) {
  const category = outcomes[layout.summary_category];
  if (!category) return '';
  const above = new Set((category.closest || []).map((step) => step.category));
  const open = (layout.parts[layout.summary_category] || [])
    .filter((id) => above.has(letterOf(id)) && outcomes[id]?.status === 'incomplete').map(letterOf);
  const notes = [];
  if (category.under_review) notes.push(t('panel.under_review', { c: category.under_review }));
  if (category.value && open.length) notes.push(t('panel.still_open', { c: open.join(t('panel.letter_sep')) }));
  const base = categoryReached(category);
  return notes.length ? `${base}${t('panel.notes', { notes: notes.join(t('panel.letter_sep')) })}` : base;
}

function conclusionItem(id, outcome) {
  const amount = headline(id, outcome);
  const note = caveat(outcome);
  return el('li', { class: 'conclusion', 'data-outcome': id, 'data-status': outcome.status },
    el('a', { href: `#${cardId(id)}` }, t(`out.${id}`)), ' ',
    el('span', { class: 'conclusion-status' }, statusWord(outcome)),
    outcome.value != null ? el('span', { class: 'conclusion-value' }, valueWords(id, outcome.value)) : null,
    amount ? el('span', { class: 'conclusion-amount' }, amount) : null,
    note ? el('span', { class: 'conclusion-caveat' }, note) : null);
}

// The first few questions the engine still waits on, each a link to its
// control in the form. `controlFor(field)` finds the control.
function stillOpen(answer, controlFor, labelOf) {
  const questions = scopedQuestions(answer).map((q) => ({ q, node: controlFor(q.field) })).filter(({ node }) => node && !node.closest('.q')?.hidden);
  if (!questions.length) return null;
  const shown = questions.slice(0, layout.panel_questions);
  return el('div', { class: 'still-open' },
    el('p', { class: 'key-heading' }, t('panel.open', { n: questions.length })),
    el('ul', {}, shown.map(({ q, node }) => el('li', {},
      el('a', { href: `#${node.id}`, 'data-field-link': q.field }, labelOf(node)),
      el('span', { class: 'hint' }, ' ' + t('panel.open_for', { n: q.outcomes.length }))))),
    el('button', { type: 'button', class: 'quick-start' }, t('quick.start')));
}

// Before the first answer the panel says how to start (written in the page,
// so nothing moves when the engine arrives); then it holds the answer.
export function renderConclusions(answer, profile, { controlFor, labelOf }) {
  const started = Object.keys(profile).length > 0;
  $('panel-start').hidden = started;
  $('panel-answer').hidden = !started;
  if (!started) return;
  const outcomes = answer.outcomes;
  const order = programmeOrder(profile).filter((id) => outcomes[id] && id !== layout.summary_category);
  const mayApply = order.filter((id) => outcomes[id].status === 'eligible' || outcomes[id].status === 'review');
  $('panel-category').textContent = t('panel.category', { category: categoryWords(outcomes) });
  $('panel-category').hidden = !inScope(layout.summary_category);
  // A Wenzhou doctor reads Wenzhou's answer first, Fangchenggang's category after.
  const home = homePolicy(profile);
  const categoryFirst = !home || home === sectionOf.get(layout.summary_category)?.policy;
  if (categoryFirst) $('panel-apply').before($('panel-category'));
  else $('panel-apply').after($('panel-category'));
  $('panel-list').replaceChildren(...mayApply.map((id) => conclusionItem(id, outcomes[id])));
  $('panel-none').hidden = mayApply.length > 0;
  $('panel-open').replaceChildren(...[stillOpen(answer, controlFor, labelOf)].filter(Boolean));
}

// The phone's bar: the best result in the doctor's own city (the first
// programme they may apply for there); for Fangchenggang and elsewhere, the
// category reached.
export function barLine(answer, profile) {
  const outcomes = answer.outcomes;
  // Where the category is not shown (a page limited to Wenzhou), the policy shown is home.
  const home = homePolicy(profile) ?? (inScope(layout.summary_category) ? null : [...shownPolicies][0]);
  if ((!home || home === sectionOf.get(layout.summary_category)?.policy) && inScope(layout.summary_category))
    return t('bar.category', { category: categoryWords(outcomes) });
  const own = programmeOrder(profile).filter((id) => outcomes[id] && sectionOf.get(id)?.policy === home);
  const best = ['eligible', 'review'].map((status) => own.find((id) => outcomes[id].status === status)).find(Boolean);
  if (best) return t('bar.best', { outcome: t(`out.${best}`), status: statusWord(outcomes[best]) });
  const open = own.filter((id) => outcomes[id].status === 'incomplete').length;
  return t(open ? 'bar.home_open' : 'bar.home_none', { policy: t(`pol.short.${home}`), n: open });
}

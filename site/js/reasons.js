// One condition the engine weighed, as a line: a mark and its words (never
// colour alone), the condition's text in the page's language, its clause as
// a chip that opens the clause, and the 原则上 note where it applies.
import { el } from './dom.js';
import { t, pick } from './i18n.js';

const reasonText = (r) => pick(r.text, r.text_en);

export function clauseButton(clause) {
  return el('button', { type: 'button', class: 'clause', 'data-clause': clause, 'aria-label': t('card.clause_button', { clause }) }, clause);
}

export function reasonItem(r, prefix = null) {
  const state = r.met === true ? 'met' : r.met === false ? 'not_met' : 'not_known';
  const mark = r.met === true ? '✓' : r.met === false ? '✕' : '?';
  return el('li', { class: 'reason', 'data-met': state },
    el('span', { class: 'mark', 'aria-hidden': 'true' }, mark),
    el('span', { class: 'sr-only' }, t(`card.${state}`) + t('label.sep')),
    // The chip sits on the reason's own line, at the end of its words.
    el('span', { class: 'reason-text' }, prefix ? el('strong', {}, prefix) : null, reasonText(r), ' ', clauseButton(r.clause)),
    r.in_principle && r.met === false ? el('span', { class: 'tag' }, t('card.in_principle')) : null);
}

export const reasonList = (reasons, cls = 'reasons') => el('ul', { class: cls }, reasons.map((r) => reasonItem(r)));


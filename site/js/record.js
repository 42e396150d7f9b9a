// A record worth keeping: what the doctor answered, in the words they chose
// ("check your answers"), and, for print, the clauses the answer cites with
// their text. Nothing here decides anything; it gathers what is on the page.
import { $, el } from './dom.js';
import { t, language } from './i18n.js';
import { answeredQuestions } from './form.js';

export function renderAnswersRecord() {
  const answered = answeredQuestions();
  $('record-list').replaceChildren(...answered.flatMap(({ label, words }) => [el('dt', {}, label), el('dd', {}, words)]));
  $('record-empty').hidden = answered.length > 0;
}

// The clauses cited by what is shown (reasons, obligations, benefits), in
// the order they first appear, with their text when it has been loaded
// (`texts`: clause id → { zh, en }), else the id alone.
export function renderCitedClauses(texts) {
  const shown = (node) => !node.closest('[hidden], details:not([open]) > :not(summary), .why-block, .profile-form');
  const ids = [...new Set([...document.querySelectorAll('#conclusions [data-clause], #answer-cards [data-clause]')]
    .filter(shown).map((b) => b.dataset.clause))];
  $('print-clause-list').replaceChildren(...ids.map((id) => el('li', {},
    el('span', { class: 'clause-sub-id' }, id), ' ',
    texts?.[id] ? el('span', { lang: 'zh-CN' }, texts[id].zh) : null,
    texts?.[id] && language() === 'en' && texts[id].en ? el('span', { class: 'clause-sub-en', lang: 'en' }, texts[id].en) : null)));
  $('print-clauses').hidden = ids.length === 0;
  $('print-clauses-note').hidden = Boolean(texts);
  $('print-clauses-note').textContent = texts ? '' : t('print.clauses_unloaded');
}

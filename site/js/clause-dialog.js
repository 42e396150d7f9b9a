// The full text of a clause, on demand: the Chinese text as in the policy
// document, and in English the page's rendering beside it. The texts are a
// static file of the site (clauses.<hash>.json, written by the build from
// the checked policy data), fetched the first time a clause is opened.
import { $, el } from './dom.js';
import { t, pick, language } from './i18n.js';

/* global CLAUSE_TEXTS_URL */

let texts = null;  // the promise of {"fcg:1": {"zh", "en"}, …}
let loaded = null;  // the same, once it has arrived
let policyTitles = {};

// The policies' titles by id, from the engine's answers.
export function usePolicies(policies) {
  policyTitles = Object.fromEntries((policies || []).map((p) => [p.id, { zh: p.title, en: p.title_en }]));
}

export function clauseTexts() {
  texts ??= fetch(CLAUSE_TEXTS_URL).then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.statusText))))
    .then((all) => { loaded = all; return all; });
  texts.catch(() => { texts = null; });  // the next opening tries again
  return texts;
}

// The clause texts if they have been fetched already, else null.
export const loadedClauseTexts = () => loaded;

export async function showClause(id) {
  const dialog = $('clause-dialog');
  const policy = policyTitles[id.split(':')[0]];
  $('clause-title').textContent = t('clause.title', { clause: id });
  $('clause-policy').textContent = policy ? pick(policy.zh, policy.en) : '';
  let clause = null;
  try {
    clause = (await clauseTexts())[id] || null;
  } catch {
    clause = null;
  }
  $('clause-zh').textContent = clause ? clause.zh : t('clause.unavailable');
  const english = Boolean(clause && language() === 'en' && clause.en);
  $('clause-en-note').textContent = english ? t('clause.en_note') : '';
  $('clause-en').textContent = english ? clause.en : '';
  $('clause-en-note').hidden = !english;
  $('clause-en').hidden = !english;
  showSubClauses(id, clause ? await clauseTexts() : {});
  if (!dialog.open) dialog.showModal();
  $('clause-close').focus();
}

// The clause's numbered parts (fcg:3.1.1 → fcg:3.1.1.1, fcg:3.1.1.1.1 …),
// in the document's order: a clause that says "as follows" is read with them.
function showSubClauses(id, all) {
  const subs = Object.keys(all).filter((key) => key.startsWith(`${id}.`));
  $('clause-sub-list').replaceChildren(...subs.map((key) => el('li', {},
    el('span', { class: 'clause-sub-id' }, key), ' ',
    el('span', { lang: 'zh-CN' }, all[key].zh),
    language() === 'en' && all[key].en ? el('span', { class: 'clause-sub-en', lang: 'en' }, all[key].en) : null)));
  $('clause-subs').hidden = subs.length === 0;
}

export function wireClauseDialog() {
  $('clause-close').addEventListener('click', () => $('clause-dialog').close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  $('clause-dialog').addEventListener('click', (event) => {
    if (event.target === $('clause-dialog')) $('clause-dialog').close();
  });
}

// The full text of a clause, on demand, from the engine's describe(): the
// Chinese text as in the policy document, and in English the page's
// rendering beside it.
import { $ } from './dom.js';
import { t, pick, language } from './i18n.js';

let describe = () => ({});
let described = null;

// describe() is asked the first time a clause is opened, not at start-up:
// its full texts are not needed before then.
export function useDescription(describeCall) {
  describe = describeCall;
  described = null;
}

function lookUp(id) {
  described ??= describe();
  const policy = (described.policies || []).find((p) => p.id === id.split(':')[0]);
  return { clause: (described.clauses || {})[id], policy: policy && policy.title };
}

export function showClause(id) {
  const { clause, policy } = lookUp(id);
  if (!clause) return;
  $('clause-title').textContent = t('clause.title', { clause: id });
  $('clause-policy').textContent = policy ? pick(policy.zh, policy.en) : '';
  $('clause-zh').textContent = clause.zh;
  const english = language() === 'en' && clause.en;
  $('clause-en-note').textContent = english ? t('clause.en_note') : '';
  $('clause-en').textContent = english ? clause.en : '';
  $('clause-en-note').hidden = !english;
  $('clause-en').hidden = !english;
  $('clause-dialog').showModal();
  $('clause-close').focus();
}

export function wireClauseDialog() {
  $('clause-close').addEventListener('click', () => $('clause-dialog').close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  $('clause-dialog').addEventListener('click', (event) => {
    if (event.target === $('clause-dialog')) $('clause-dialog').close();
  });
}

// The page: questions in, the engine's answers out, on every change.
// Order of events: restore answers (share link, or this device if the doctor
// asked it to remember), start the engine (at once if answers came back,
// else when the doctor starts), then re-evaluate on each input.
import { $, el } from './dom.js';
import { t, has, pick, language, setLanguage } from './i18n.js';
import { webAssemblyAvailable, loadEngine } from './engine-client.js';
import { readProfile, writeProfile, readTeam, writeTeam, addItem, removeItem, showListBody, openFoldedGroups, controlForPath, labelOf, markError, clearErrors } from './form.js';
import { teamInput, renderTeam } from './team.js';
import { renderAnswer, summaryLine, toggleReasons, setPrinting } from './answers.js';
import { renderConclusions, programmeOrder, barLine } from './conclusions.js';
import { startQuickCheck, stopQuickCheck, advance, back, followAnswer } from './quick-check.js';
import { usePolicies, showClause, wireClauseDialog, clauseTexts, loadedClauseTexts } from './clause-dialog.js';
import { renderAnswersRecord, renderCitedClauses } from './record.js';
import { shareLink, shareFragment, readShareLink, remembered, remember, forget, testCase, copyText } from './keep.js';
import { applyScope, reportHeight } from './embed-mode.js';
import { keepOffline, offerUpdates } from './offline.js';
import { today } from './format.js';

const state = { engine: null, engineStarted: false, quickWhenAnswered: false, linkNote: null, version: null, answer: null, profile: {}, team: { members: [] }, evaluatedKey: null, evaluations: 0 };

function setEngineState(key, kind) {
  const node = $('engine-state');
  node.dataset.state = kind;
  node.dataset.i18n = key;
  node.textContent = t(key);
}

// --- errors: a summary at the top of the form, each tied to its field -------

function showProblems(problems) {
  clearErrors();
  const list = $('error-list');
  list.replaceChildren();
  for (const { node, message } of problems) {
    const id = node ? markError(node, message) : null;
    list.append(el('li', {}, id ? el('a', { href: `#${id}` }, message) : message));
  }
  $('error-summary').hidden = problems.length === 0;
}

// Each error tied to its question; one about the answers as a whole (too
// large, unreadable: path "") says what to do without naming a question.
function engineProblems(errors) {
  return errors.map((error) => {
    const node = error.path ? controlForPath(error.path) : null;
    if (!error.path) {
      const key = `errors.whole.${error.code}`;
      return { node: null, message: t(has(key) ? key : 'errors.whole.other') };
    }
    const label = node ? labelOf(node) : error.path;
    const list = node && (node.dataset.type === 'list' || node.dataset.type === 'set');
    const key = list && error.code === 'out_of_range' ? 'errors.too_many' : `errors.${error.code}`;
    return { node, message: t(has(key) ? key : 'errors.other', { label }) };
  });
}

// --- the answer -------------------------------------------------------------

function showWarnings(answer) {
  const policies = Object.fromEntries((answer.policies || []).map((p) => [p.id, p]));
  $('answer-warnings').replaceChildren(...(answer.warnings || [])
    .filter((w) => w.code === 'policy_not_in_force' || w.code === 'derived_value_mismatch')
    .map((w) => {
      const p = policies[w.policy] || {};
      return el('li', {}, t(`warning.${w.code}`, { policy: pick(p.title, p.title_en), from: p.in_force?.from, to: p.in_force?.to }));
    }));
}

function showAnswer() {
  const answer = state.answer;
  if (!answer) return;
  renderAnswer(answer, programmeOrder(state.profile));
  renderConclusions(answer, state.profile, { controlFor: controlForField, labelOf });
  showWarnings(answer);
  $('answer-summary').textContent = summaryLine(answer.outcomes);
  $('summary-bar-text').textContent = barLine(answer, state.profile);
  // release.rules: each rules version with its date, written by the build
  // from this page's engine (releaseWords, scripts/site/page-text.js).
  $('answer-as-of').textContent = t('answers.as_of', { date: answer.as_of, rules: t('release.rules') });
  $('print-meta').textContent = `${t('answers.as_of', { date: answer.as_of, rules: t('release.rules') })} · ${t('print.generated', { date: today() })}`;
  $('answer-cards').hidden = false;
}

// The English words are fetched on the first switch; until they are here
// the page stays as it is, and if they cannot come it says so.
function switchLanguage(lang) {
  $('lang-state').hidden = true;
  return setLanguage(lang)
    .then((switched) => {
      if (!switched) return;
      showLinkNote();
      reevaluate();
    })
    .catch(() => {
      $('lang-state').hidden = false;
    });
}

// Answers again even if the profile is unchanged: the language, or the
// print view, changed how the same answer is shown.
function reevaluate() {
  state.evaluatedKey = null;
  evaluate();
}

function evaluate() {
  const started = performance.now();
  const { profile, unreadable } = readProfile();
  const team = readTeam();
  // A field's "change" on blur repeats the "input" just answered. Answering
  // it again would rebuild the cards under the pointer and swallow the click
  // that caused the blur.
  const key = JSON.stringify([profile, team]);
  if (key === state.evaluatedKey && !unreadable.length) return;
  state.profile = profile;
  state.team = team;
  keepUpToDate();
  const problems = unreadable.map((node) => ({ node, message: t('errors.bad_number', { label: labelOf(node) }) }));
  if (!state.engine) return showProblems(problems);

  let answer;
  try {
    answer = state.engine.evaluate(profile);
  } catch {
    // The engine never throws on any input (contract section 5); if it
    // does, say so rather than show a half answer.
    state.engine = null;
    $('answer-cards').hidden = true;
    return setEngineState('engine.failed', 'failed');
  }
  // An answer that came with a field the browser could not read is not the
  // answer to this profile: clearing that field must answer again, or its
  // error would stay on screen with the answers hidden.
  state.evaluatedKey = unreadable.length ? null : key;
  problems.push(...engineProblems(answer.errors || []));
  showProblems(problems);
  if (problems.length) {
    // Bad input gets its errors and nothing else: no answer for a profile
    // that is not the one on the screen.
    $('answer-cards').hidden = true;
    $('answer-summary').textContent = t('answers.errors', { n: problems.length });
    return;
  }
  state.answer = answer;
  usePolicies(answer.policies);
  showAnswer();
  renderTeam(team.members.length ? state.engine.checkTeam(teamInput(profile, team)) : null);
  followAnswer(answer);
  if (state.quickWhenAnswered) {
    state.quickWhenAnswered = false;
    startQuickCheck(answer);
  }
  if ($('record-details').open) renderAnswersRecord();
  state.evaluations += 1;
  document.body.dataset.evaluations = String(state.evaluations);
  performance.measure('answer', { start: started });
}

// --- events -----------------------------------------------------------------

// The control of a profile field, for the links to the questions that
// still matter.
const controlForField = (field) => document.querySelector(`[data-field="${CSS.escape(field)}"]`);

// Goes to a question: opens its folded group, shows it and puts the focus in it.
function goToQuestion(field) {
  const node = controlForField(field);
  if (!node) return;
  const folded = node.closest('details');
  if (folded) folded.open = true;
  node.scrollIntoView({ block: 'center' });
  (node.matches('input, select') ? node : node.querySelector('input:checked, input, select'))?.focus({ preventScroll: true });
}

function onClick(event) {
  const link = event.target.closest('a[data-field-link]');
  if (link) {
    event.preventDefault();
    return goToQuestion(link.dataset.fieldLink);
  }
  const target = event.target.closest('button');
  if (!target) return;
  const quickActions = {
    'quick-next': () => advance(state.answer),
    'quick-skip': () => advance(state.answer, { skip: true }),
    'quick-back': back,
    'quick-stop': stopQuickCheck,
  };
  if (quickActions[target.id]) return quickActions[target.id]();
  if (target.classList.contains('quick-start')) {
    // Before the first answer (the engine still loading) it starts with it.
    if (state.answer) startQuickCheck(state.answer);
    else state.quickWhenAnswered = true;
    return;
  }
  if (target.dataset.add !== undefined) {
    const li = addItem(target.closest('[data-type="list"]'));
    li.querySelector('select, input').focus();
    evaluate();
  } else if (target.dataset.remove !== undefined) {
    const list = removeItem(target.closest('li'));
    list.querySelector(':scope > .list-body > .add').focus();
    evaluate();
  } else if (target.classList.contains('clause')) {
    showClause(target.dataset.clause);
  } else if (target.classList.contains('why')) {
    toggleReasons(target);
  }
}

// 有 opens the list; a list of records with nothing in it yet gets its
// first item to fill in.
function answerAny(list) {
  showListBody(list);
  const body = list.querySelector(':scope > .list-body');
  if (body.hidden || list.dataset.type !== 'list' || body.querySelector('.items > li')) return;
  addItem(list).querySelector('select, input').focus();
}

// The kept copy and the share link follow every change, once asked for.
function keepUpToDate() {
  if ($('remember').checked) remember(state.profile, language(), state.team);
  if (!$('share-link').hidden) $('share-link').value = shareLink(state.profile, language(), state.team);
}

function wireKeep() {
  $('share').addEventListener('click', async () => {
    const link = shareLink(state.profile, language(), state.team);
    $('share-link').hidden = false;
    $('share-link').value = link;
    const copied = await copyText(link);
    if (!copied) $('share-link').select();
    $('share-state').textContent = t(copied ? 'keep.copied' : 'keep.copy_failed');
  });
  $('remember').addEventListener('change', () => {
    if ($('remember').checked) remember(state.profile, language(), state.team);
    else forget();
    $('remember-state').textContent = '';
  });
  $('forget').addEventListener('click', () => {
    forget();
    $('remember').checked = false;
    $('remember-state').textContent = t('keep.forgotten');
  });
  // The printout lists the clauses it cites with their text: fetch them first.
  $('print').addEventListener('click', async () => {
    await clauseTexts().catch(() => null);
    window.print();
  });
  $('record-details').addEventListener('toggle', () => {
    if ($('record-details').open) renderAnswersRecord();
  });
  $('copy-case').addEventListener('click', async () => {
    if (!state.answer) return;
    const json = testCase(state.profile, state.answer, state.version);
    const box = $('case-json');
    box.value = json;
    const copied = await copyText(json);
    box.hidden = copied;
    if (!copied) box.select();
    $('case-state').textContent = t(copied ? 'keep.copied' : 'keep.copy_failed');
  });
  // Clearing every answer can be undone until the next change.
  let beforeReset = null;
  $('reset').addEventListener('click', () => {
    beforeReset = { profile: state.profile, team: state.team };
    writeProfile({});
    writeTeam({});
    evaluate();
    $('reset-state').textContent = t('keep.reset_done');
    $('undo-reset').hidden = false;
    $('undo-reset').focus();
  });
  $('undo-reset').addEventListener('click', () => {
    if (beforeReset) {
      writeProfile(beforeReset.profile);
      writeTeam(beforeReset.team);
      evaluate();
    }
    beforeReset = null;
    $('undo-reset').hidden = true;
    $('reset-state').textContent = t('keep.undone');
    $('form-title').focus();
  });
}

function wireEvents() {
  const form = $('profile-form');
  form.addEventListener('submit', (event) => event.preventDefault());  // nothing is ever sent
  const onInput = (event) => {
    if (!event.target.closest('[data-field], [data-team-field]')) return;
    // A new answer after clearing: the old answers are no longer one click away.
    if (!$('undo-reset').hidden) {
      $('undo-reset').hidden = true;
      $('reset-state').textContent = '';
    }
    if (event.target.closest('[data-field="city"]')) openFoldedGroups();
    if (event.target.closest('[data-any]')) answerAny(event.target.closest('[data-field]'));
    evaluate();
  };
  document.addEventListener('input', onInput);
  document.addEventListener('change', onInput);
  document.addEventListener('click', onClick);
  for (const button of document.querySelectorAll('.lang-switch'))
    button.addEventListener('click', () => switchLanguage(language() === 'zh' ? 'en' : 'zh'));
  // The printout: the answers given, every programme with its deciding
  // reasons, obligations and amounts (folded parts opened), and the clauses
  // cited; afterwards the page is as it was.
  const opened = [];
  window.addEventListener('beforeprint', () => {
    setPrinting(true);
    reevaluate();
    for (const id of ['other-programmes', 'record-details']) {
      if (!$(id).open) opened.push(id);
      $(id).open = true;
    }
    renderAnswersRecord();
    renderCitedClauses(loadedClauseTexts());
  });
  window.addEventListener('afterprint', () => {
    setPrinting(false);
    for (const id of opened.splice(0)) $(id).open = false;
    reevaluate();
  });
  wireClauseDialog();
  wireKeep();
}

// What could not be restored, in the page's language (again after a switch).
function showLinkNote() {
  const note = state.linkNote;
  if (!note) return;
  $('link-state').textContent = t(note.key, { fields: note.lost.map(labelOf).join(t('list.sep')) });
  $('link-state').hidden = false;
}

// The answers a doctor brought: a share link first, else what this device
// was asked to remember.
function restore() {
  const shared = readShareLink(window.location.hash);
  const saved = shared ? null : remembered();
  const start = shared || saved;
  if (saved) $('remember').checked = true;
  if (start && start.lang && start.lang !== language()) switchLanguage(start.lang);
  const lost = start && start.profile ? writeProfile(start.profile) : [];
  if (start && start.team) writeTeam(start.team);
  // A link (or what this device kept) that could not be read, or only in
  // part, says so: the doctor must not take an empty or partial form for
  // the answers sent.
  const damage = shared && shared.damaged;
  if (damage) state.linkNote = { key: damage === 'team' ? 'link.team_damaged' : 'link.damaged', lost: [] };
  else if (lost.length) state.linkNote = { key: 'link.partly', lost };
  showLinkNote();
  return Boolean(start && (start.profile || start.team));
}

// The engine is most of what the page weighs (the rules and their texts in
// both languages, about 95 KB gzipped), and only an answer needs it: it is
// fetched when the doctor starts (a touch, a key, a scroll, a first answer),
// which comes well before the first answer is given, or at once when the
// page opens with answers. A reader who only reads never pays for it.
const STARTS = ['pointerdown', 'touchstart', 'keydown', 'focusin', 'wheel', 'scroll', 'input', 'change'];
function startEngineWhenNeeded(now) {
  if (!webAssemblyAvailable()) return setEngineState('engine.no_wasm', 'failed');
  if (now) return startEngine();
  const start = () => {
    for (const type of STARTS) window.removeEventListener(type, start, true);
    startEngine();
  };
  for (const type of STARTS) window.addEventListener(type, start, { capture: true, passive: true });
}

async function startEngine() {
  if (state.engineStarted) return;
  state.engineStarted = true;
  setEngineState('engine.loading', 'loading');
  // The offline copy (the whole build, about 340 KB gzipped, fetched in the
  // background) comes with the engine, for the same reason: a reader who
  // only reads never pays for it.
  keepOffline();
  try {
    performance.mark('engine-start');
    state.engine = await loadEngine();
    performance.measure('engine-load', 'engine-start');
  } catch {
    return setEngineState('engine.failed', 'failed');
  }
  state.version = state.engine.version();
  setEngineState('engine.ready', 'ready');
  evaluate();
}

// The doctor's answers (and language) go with the page into the new
// version, in the address's fragment as a share link carries them (never
// sent), beside what else the fragment says (#embed&policies=…).
function keepAnswersAcrossReload() {
  const { profile } = readProfile();
  const team = readTeam();
  const answered = Object.keys(profile).length > 0 || team.members.length > 0 || Boolean(team.origin);
  if (!answered && language() === 'zh') return;
  const others = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  for (const key of ['p', 't', 'lang']) others.delete(key);
  const url = new URL(window.location.href);
  url.hash = [others.toString(), shareFragment(profile, language(), team)].filter(Boolean).join('&');
  window.history.replaceState(null, '', url.href);
}

applyScope();
wireEvents();
startEngineWhenNeeded(restore());
reportHeight();
offerUpdates({
  notice: $('update-notice'),
  word: (tag, key) => el(tag, { 'data-i18n': key }, t(key)),
  beforeReload: keepAnswersAcrossReload,
});

// The quick check: one question at a time, always the first of the
// engine's open_questions (contract 7.7) that the doctor has not skipped.
// It shows the form's own control for that question, so the quick check and
// the full form edit the same profile; the answers update as it goes. It
// ends when no question that could change the answer is left, or when the
// doctor stops.
import { $ } from './dom.js';
import { t } from './i18n.js';
import { scopedQuestions } from './embed-mode.js';

const quick = { on: false, field: null, history: [], skipped: new Set(), asked: 0, open: [] };

const controlFor = (field) => document.querySelector(`[data-field="${CSS.escape(field)}"]`);
// The question's whole block: its label, help, error and control.
const blockOf = (node) => (node.matches('.q') ? node : node.closest('.q'));

export const quickCheckOn = () => quick.on;

// The fields the engine still waits on, in its order, that the page can ask.
function openFields(answer) {
  return scopedQuestions(answer).map((q) => q.field).filter((field) => controlFor(field) && !blockOf(controlFor(field)).hidden);
}

function show(field) {
  const form = $('profile-form');
  for (const node of form.querySelectorAll('.q-current, .quick-group')) node.classList.remove('q-current', 'quick-group');
  quick.field = field;
  const done = field === null;
  $('quick-done').hidden = !done;
  $('quick-skip').hidden = done;
  $('quick-next').hidden = done;
  $('quick-back').disabled = quick.history.length === 0;
  if (done) {
    $('quick-progress').textContent = t('quick.finished', { n: quick.asked });
    return;
  }
  const block = blockOf(controlFor(field));
  block.classList.add('q-current');
  const group = block.closest('.group, details.folded');
  if (group) {
    group.classList.add('quick-group');
    if (group.matches('details')) group.open = true;
  }
  showProgress();
  const focusable = block.querySelector('input:checked, input, select');
  if (focusable) focusable.focus({ preventScroll: true });
  $('quick-check').scrollIntoView({ block: 'nearest' });
}

// "Question n · m more could change the answer after this one".
function showProgress() {
  const left = quick.open.filter((f) => !quick.skipped.has(f) && f !== quick.field).length;
  $('quick-progress').textContent = t('quick.progress', { n: quick.asked + 1, left });
}

// The next question: the first open one not skipped and not the one on screen.
function next(answer) {
  quick.open = openFields(answer);
  return quick.open.find((f) => !quick.skipped.has(f) && f !== quick.field) ?? null;
}

export function startQuickCheck(answer) {
  Object.assign(quick, { on: true, field: null, history: [], skipped: new Set(), asked: 0 });
  $('profile-form').classList.add('quick');
  $('quick-check').hidden = false;
  quick.open = openFields(answer);
  show(quick.open[0] ?? null);
}

export function stopQuickCheck() {
  quick.on = false;
  $('profile-form').classList.remove('quick');
  $('quick-check').hidden = true;
  show(null);
  $('form-title').focus();
}

// Continue (answered or not) or skip (不确定): on to the next open question.
export function advance(answer, { skip = false } = {}) {
  if (!quick.on || quick.field === null) return;
  if (skip) quick.skipped.add(quick.field);
  quick.history.push(quick.field);
  quick.asked += 1;
  show(next(answer));
}

export function back() {
  if (!quick.on || !quick.history.length) return;
  const field = quick.history.pop();
  quick.skipped.delete(field);
  quick.asked = Math.max(0, quick.asked - 1);
  show(field);
}

// After each answer: the progress line follows the engine's open questions.
export function followAnswer(answer) {
  if (!quick.on) return;
  quick.open = openFields(answer);
  if (quick.field !== null) showProgress();
}

// The questions as a profile (contract section 3) and back. Every control
// that feeds the profile carries data-field (a dotted profile path) and
// data-type (the question's type from describe()); controls inside a list
// item carry data-sub instead. Unanswered controls are left out of the
// profile, which the engine reads as unknown, never as "no".
import { translate, t } from './i18n.js';

const controls = () => document.querySelectorAll('[data-field]');

function setPath(target, path, value) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys.at(-1)] = value;
}
const getPath = (source, path) => path.split('.').reduce((node, key) => (node == null ? undefined : node[key]), source);

// A list's items, inside its body (shown once "any?" is answered 有).
const itemsOf = (listNode) => listNode.querySelectorAll(':scope > .list-body > .items > li');

// The answer to a list's "any?" (有 yes, 无 no, 不确定 ''), or null for a
// list asked without it (the team's members).
function anyAnswer(node) {
  const group = node.querySelector(':scope > [data-any]');
  if (!group) return null;
  const checked = group.querySelector('input:checked');
  return checked ? checked.value : '';
}

// The list's body shows only once the doctor says there is something to list.
export function showListBody(node) {
  const body = node.querySelector(':scope > .list-body');
  if (body && anyAnswer(node) !== null) body.hidden = anyAnswer(node) !== 'yes';
}

// 无 is "none" ([]), 不确定 is unknown, 有 is what is listed (unknown while
// nothing is).
function listAnswer(node, values) {
  const any = anyAnswer(node);
  if (any === 'no') return [];
  if (any === '') return undefined;
  return values.length ? values : undefined;
}

// One control's answer: { value } (undefined when unanswered) or { bad } when
// the browser holds text that is not a number.
function readControl(node) {
  switch (node.dataset.type) {
    case 'boolean': {
      const checked = node.querySelector('input:checked');
      return { value: checked && checked.value !== '' ? checked.value === 'true' : undefined };
    }
    case 'set': {
      const values = [...node.querySelectorAll('.list-body input:checked')].map((box) => box.value);
      return { value: listAnswer(node, values) };
    }
    case 'list':
      return { value: readList(node) };
    case 'integer':
    case 'number':
      if (node.validity.badInput) return { bad: true };
      return { value: node.value.trim() === '' ? undefined : Number(node.value) };
    default:
      return { value: node.value === '' ? undefined : node.value };
  }
}

function readList(listNode) {
  const items = [...itemsOf(listNode)].map((li) => {
    const item = {};
    for (const sub of li.querySelectorAll('[data-sub]')) {
      const { value } = readControl(sub);
      if (value !== undefined) item[sub.dataset.sub] = value;
    }
    return item;
  });
  return listAnswer(listNode, items);
}

// The profile the answers describe, and the controls whose text the browser
// could not read as a number (the engine never sees those).
export function readProfile() {
  const profile = {};
  const unreadable = [];
  for (const node of controls()) {
    const { value, bad } = readControl(node);
    if (bad) unreadable.push(node);
    else if (value !== undefined) setPath(profile, node.dataset.field, value);
  }
  return { profile, unreadable };
}

// The team check's own answers (not part of the profile): who signs the
// studio agreement, and the core members.
const teamControl = (field) => document.querySelector(`[data-team-field="${field}"]`);
export function readTeam() {
  const team = { members: teamControl('members') ? readList(teamControl('members')) || [] : [] };
  const origin = teamControl('origin') ? readControl(teamControl('origin')).value : undefined;
  if (origin !== undefined) team.origin = origin;
  return team;
}
export function writeTeam(team) {
  if (teamControl('members')) writeControl(teamControl('members'), Array.isArray(team?.members) ? team.members : []);
  if (teamControl('origin')) writeControl(teamControl('origin'), typeof team?.origin === 'string' ? team.origin : undefined);
}

function writeControl(node, value) {
  switch (node.dataset.type) {
    case 'boolean':
      for (const radio of node.querySelectorAll('input')) radio.checked = radio.value === (typeof value === 'boolean' ? String(value) : '');
      break;
    case 'set':
      writeAny(node, value);
      for (const box of node.querySelectorAll('.list-body input')) box.checked = Array.isArray(value) && value.includes(box.value);
      break;
    case 'list':
      writeAny(node, value);
      for (const li of [...itemsOf(node)]) li.remove();
      for (const item of Array.isArray(value) ? value : []) {
        const li = addItem(node, { renumber: false });
        for (const sub of li.querySelectorAll('[data-sub]')) writeControl(sub, item ? item[sub.dataset.sub] : undefined);
      }
      updateList(node);
      break;
    default: {
      // Only a string or a number can be a field's text. Anything else (an
      // object or a list from a link or a stored copy) is not restored, and
      // writeProfile reports it: String() of {"toString": 1} would throw and
      // leave the page without its engine.
      const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      node.value = text;
      // Free text outside the offered list (a specialty from an older link)
      // is "another"; an enum value the page does not offer stays unanswered.
      if (node.tagName === 'SELECT' && node.value !== text) node.value = node.dataset.type === 'text' && text !== '' ? 'other' : '';
    }
  }
}

function writeAny(node, value) {
  const answer = Array.isArray(value) ? (value.length ? 'yes' : 'no') : '';
  for (const radio of node.querySelectorAll(':scope > [data-any] input')) radio.checked = radio.value === answer;
  showListBody(node);
}

// Deep equality of two answers, whatever the order of an object's keys.
function sameAnswer(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameAnswer(a[k], b[k]));
}

// Writes the answers into the form, and returns the questions whose answer
// the form could not take as given (a date that does not exist, a value it
// does not offer), so that the page can say so.
export function writeProfile(profile) {
  const lost = [];
  for (const node of controls()) {
    const given = getPath(profile, node.dataset.field);
    writeControl(node, given);
    if (given !== undefined && !sameAnswer(readControl(node).value, given)) lost.push(node);
  }
  openFoldedGroups();
  return lost;
}

// --- lists: add several, remove any ----------------------------------------

let itemSerial = 0;

// `renumber` false: the caller adds many at once and numbers them after
// (restoring a list of n entries is then linear, not n²).
export function addItem(listNode, { renumber = true } = {}) {
  const template = listNode.querySelector(':scope > template');
  const li = template.content.firstElementChild.cloneNode(true);
  const serial = String(++itemSerial);
  // Ids, names and label targets of the template hold "-N-": make them unique.
  for (const node of [li, ...li.querySelectorAll('*')])
    for (const attr of ['id', 'for', 'name', 'aria-describedby'])
      if (node.hasAttribute(attr)) node.setAttribute(attr, node.getAttribute(attr).replaceAll('-N-', `-${serial}-`));
  translate(li);
  listNode.querySelector(':scope > .list-body > .items').append(li);
  if (renumber) updateList(listNode);
  return li;
}

export function removeItem(li) {
  const listNode = li.closest('[data-type="list"]');
  li.remove();
  updateList(listNode);
  return listNode;
}

// Numbers the items as the reader sees them and says when there are none.
function updateList(listNode) {
  const items = itemsOf(listNode);
  items.forEach((li, i) => {
    for (const n of li.querySelectorAll('.item-number')) n.textContent = String(i + 1);
    const hidden = li.querySelector('[data-remove] .sr-only');
    if (hidden) hidden.textContent = ` ${li.querySelector('legend [data-i18n]').textContent} ${i + 1}`;
  });
  listNode.querySelector('.list-empty').hidden = items.length > 0;
  // No more entries than the engine takes (describe's max_items).
  const add = listNode.querySelector(':scope > .list-body > .add');
  if (add && listNode.dataset.maxItems) add.disabled = items.length >= Number(listNode.dataset.maxItems);
}

// --- the answers in words ----------------------------------------------------

// What one control holds, in the words the doctor chose from; null when
// unanswered. A list item reads "label: words · label: words".
function answerWords(node, value) {
  const optionWords = (box) => box.closest('label').textContent.trim();
  switch (node.dataset.type) {
    case 'boolean':
      return optionWords(node.querySelector('input:checked'));
    case 'set':
    case 'list': {
      if (value.length === 0) return optionWords(node.querySelector(':scope > [data-any] input[value="no"]'));
      if (node.dataset.type === 'set') return [...node.querySelectorAll('.list-body input:checked')].map(optionWords).join('、');
      return [...itemsOf(node)].map((li) => [...li.querySelectorAll('[data-sub]')]
        .map((sub) => ({ sub, words: readControl(sub).value === undefined ? null : answerWords(sub, readControl(sub).value) }))
        .filter(({ words }) => words !== null).map(({ sub, words }) => `${labelOf(sub)}${t('label.sep')}${words}`).join(' · ')).join('；');
    }
    default:
      return node.tagName === 'SELECT' ? node.selectedOptions[0].textContent.trim() : String(value);
  }
}

// Every answered question, in the form's order: [{ label, words }].
export function answeredQuestions(root = document) {
  const out = [];
  for (const node of root.querySelectorAll('[data-field], [data-team-field]')) {
    const { value } = node.dataset.teamField === 'members'
      ? { value: readList(node) } : readControl(node);
    if (value === undefined) continue;
    out.push({ label: labelOf(node), words: answerWords(node, value) });
  }
  return out;
}

// --- folded groups ---------------------------------------------------------

// A folded group (the Wenzhou questions) opens when the answer it depends on
// says it matters, or when it already holds answers; it never closes by itself.
export function openFoldedGroups() {
  const { profile } = readProfile();
  for (const group of document.querySelectorAll('details[data-opens-field]')) {
    const wanted = getPath(profile, group.dataset.opensField) === group.dataset.opensValue;
    const answered = [...group.querySelectorAll('[data-field]')].some((node) => readControl(node).value !== undefined);
    if (wanted || answered) group.open = true;
  }
}

// --- errors tied to their fields --------------------------------------------

// The control an error path (/age, /posts/1/role) belongs to.
export function controlForPath(path) {
  const parts = path.split('/').filter(Boolean);
  for (let n = parts.length; n > 0; n--) {
    const field = parts.slice(0, n).join('.');
    const node = document.querySelector(`[data-field="${CSS.escape(field)}"]`);
    if (!node) continue;
    const rest = parts.slice(n);
    if (node.dataset.type === 'list' && /^\d+$/.test(rest[0] || '')) {
      const li = itemsOf(node)[Number(rest[0])];
      const sub = li && rest[1] ? li.querySelector(`[data-sub="${CSS.escape(rest[1])}"]`) : null;
      return sub || li || node;
    }
    return node;
  }
  return null;
}

// The visible label of a control, for the error summary.
export function labelOf(node) {
  const legend = node.matches('fieldset') ? node.querySelector(':scope > legend') : null;
  const label = legend || (node.id && document.querySelector(`label[for="${CSS.escape(node.id)}"]`));
  return label ? label.textContent.trim() : node.dataset.field || node.dataset.sub || '';
}

export function markError(node, message) {
  const box = node.matches('fieldset, input, select') ? node : node.querySelector('fieldset');
  const id = box && box.id;
  const slot = id ? document.getElementById(`${id}-error`) : null;
  if (slot) {
    slot.textContent = message;
    slot.hidden = false;
  }
  // aria-invalid belongs on the control itself, not on a group of radios.
  if (box && !box.matches('fieldset')) box.setAttribute('aria-invalid', 'true');
  return id;
}

export function clearErrors() {
  for (const slot of document.querySelectorAll('.field-error:not([hidden])')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const node of document.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
}

// The page's two languages. The dictionary (page-data.js) is made at build time
// from the page's words, the engine's describe() and the question help (see
// scripts/site/page-text.js); index.html carries the Chinese text with
// data-i18n keys, and switching swaps every keyed text in place.
import { fill } from './dom.js';
import { LANGUAGES, dictionaryOf, loadDictionary } from './page-data.js';
const HTML_LANG = { zh: 'zh-CN', en: 'en' };
let current = 'zh';

export const language = () => current;
export const has = (key) => dictionaryOf(current)[key] !== undefined;
export function t(key, vars) {
  const text = dictionaryOf(current)[key];
  return text === undefined ? key : fill(text, vars);
}
// The engine's own words come in pairs (text / text_en, label.zh / label.en).
export const pick = (zh, en) => (current === 'en' && en ? en : zh);

// Switches the page to a language once its words are here. Resolves true
// when the page is in that language, false for a name that is not one of
// the page's languages (a stored or linked value is never trusted), and
// rejects when the words could not be fetched (the page stays as it was).
export async function setLanguage(lang, root = document) {
  if (!LANGUAGES.includes(lang)) return false;
  await loadDictionary(lang);
  current = lang;
  document.documentElement.lang = HTML_LANG[lang];
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-content]')) node.setAttribute('content', t(node.dataset.i18nContent));
  for (const node of root.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  const other = lang === 'zh' ? 'en' : 'zh';
  for (const button of document.querySelectorAll('.lang-switch')) {
    button.textContent = t('lang.switch');
    button.lang = HTML_LANG[other];
  }
  return true;
}

// Translates nodes added after the switch (a new list item).
export const translate = (root) => {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
};

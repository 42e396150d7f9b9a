// The page's dictionary and layout, compiled in by scripts/build-site.js as
// JSON text and parsed once here.
//
// Only the words the page does not already carry travel in the script: the
// Chinese words index.html shows (every node with data-i18n, its
// aria-label or content, templates included) are read back from the page,
// and the English dictionary is its own file, fetched when first needed.

/* global PAGE_TEXT_ZH_JSON, PAGE_LAYOUT_JSON, PAGE_TEXT_EN_URL */
const zh = JSON.parse(PAGE_TEXT_ZH_JSON);
export const pageLayout = JSON.parse(PAGE_LAYOUT_JSON);

// Runs before any script changes a word on the page (this module is the
// first the page evaluates that reads the document). The build leaves out
// of the script exactly the words this finds (scripts/build-site.js,
// wordsOnPage).
function readPageWords(root) {
  for (const node of root.querySelectorAll('[data-i18n]'))
    if (!node.firstElementChild) zh[node.dataset.i18n] ??= node.textContent;
  for (const node of root.querySelectorAll('[data-i18n-aria-label]'))
    zh[node.dataset.i18nAriaLabel] ??= node.getAttribute('aria-label');
  for (const node of root.querySelectorAll('[data-i18n-content]')) zh[node.dataset.i18nContent] ??= node.getAttribute('content');
  for (const template of root.querySelectorAll('template')) readPageWords(template.content);
}
if (typeof document !== 'undefined') readPageWords(document);

export const LANGUAGES = ['zh', 'en'];
const dictionaries = { zh, en: null };
let english = null;

// The dictionary of a language, or null while it is not here yet.
export const dictionaryOf = (lang) => (LANGUAGES.includes(lang) ? dictionaries[lang] : null);

// Fetches the English dictionary once; resolves with it (or rejects, and
// the next call tries again).
export function loadDictionary(lang) {
  if (lang !== 'en' || dictionaries.en) return Promise.resolve(dictionaryOf(lang));
  english ??= fetch(PAGE_TEXT_EN_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`${PAGE_TEXT_EN_URL}: ${response.status}`);
      return response.json();
    })
    .then((words) => (dictionaries.en = words))
    .catch((err) => {
      english = null;
      throw err;
    });
  return english;
}

// The category letters, from the parts of the summary category ("fcg.category.A" … "F").
export const letterOf = (partId) => partId.slice(partId.lastIndexOf('.') + 1);
export const isCategoryLetter = (value) =>
  (pageLayout.parts[pageLayout.summary_category] || []).some((id) => letterOf(id) === value);

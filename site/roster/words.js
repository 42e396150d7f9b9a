// The roster view's words, zh and en (site/text/roster.json, compiled in by
// scripts/build-site.js): every node with data-r="key" shows the word,
// data-r-label its accessible name.
import { fill } from '../js/dom.js';

/* global ROSTER_TEXT_JSON */
const words = JSON.parse(ROSTER_TEXT_JSON);
const HTML_LANG = { zh: 'zh-CN', en: 'en' };
let current = 'zh';

export const language = () => current;
export const w = (key, vars) => fill(words[current][key] ?? key, vars);

export function setLanguage(lang) {
  if (!words[lang]) return;
  current = lang;
  document.documentElement.lang = HTML_LANG[lang];
  for (const node of document.querySelectorAll('[data-r]')) node.textContent = w(node.dataset.r);
  for (const node of document.querySelectorAll('[data-r-label]')) node.setAttribute('aria-label', w(node.dataset.rLabel));
  for (const link of document.querySelectorAll('a[download]'))
    link.download = w(link.dataset.r === 'template.csv_en' ? 'template.name_en' : 'template.name_zh');
  const other = lang === 'zh' ? 'en' : 'zh';
  $lang().lang = HTML_LANG[other];
}
const $lang = () => document.getElementById('lang-switch');

// Words for the engine's numbers: amounts in 万元 (with 约 where the engine
// says approx, that is where the policy says 左右), shares, areas, days.
// Which field is which kind of number is page layout (site/layout.json).
import { t, has } from './i18n.js';

import { pageLayout } from './page-data.js';

const kinds = new Map(Object.entries(pageLayout.benefit_fields).flatMap(([kind, fields]) => fields.map((f) => [f, kind])));
const moneyPer = pageLayout.money_per;
const plain = (n) => String(Number(n.toFixed(4)));  // 0.7, 250, 2.5: no float noise

// 2500000 → "2,500,000". (By hand: starting Intl costs a phone tens of
// milliseconds before the first answer.)
function thousands(amount) {
  const [whole, fraction] = String(amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

export function money(amount) {
  const grouped = thousands(amount);
  return t('money.wan', { n: plain(amount / 10000), y: grouped });
}

function moneyWords(amount, { approx = false, per } = {}) {
  let words = money(amount);
  if (per === 'year') words = t('money.per_year', { m: words });
  if (per === 'day') words = t('money.per_day', { m: words });
  return approx ? t('money.approx', { m: words }) : words;
}

const fieldLabel = (name) => t(`field.${name}`);

// "1 year" but "5 years": a dictionary entry may have a singular twin.
export function count(key, n) {
  return t(n === 1 && has(`${key}.one`) ? `${key}.one` : key, { n: plain(n) });
}

// One figure in words, by its kind (site/layout.json benefit_fields). A
// field with a "fmt.<name>" entry is set in that sentence ("市场价的70%",
// "100天（累计，不是每年）").
function figureWords(benefitId, benefit, name, value, kind) {
  switch (kind) {
    case 'money': {
      const per = name === 'amount' ? benefit.per || moneyPer[`${benefitId}.${name}`] : undefined;
      return moneyWords(value, { approx: name === 'amount' && benefit.approx === true, per });
    }
    case 'range': {
      const words = t('money.range', { a: money(value), b: money(benefit.amount_max) });
      return benefit.approx === true ? t('money.approx', { m: words }) : words;
    }
    case 'percent': return t('unit.percent', { n: plain(value * 100) });
    case 'm2': return t('unit.m2', { n: plain(value) });
    case 'years': return count('unit.years', value);
    case 'days': return count('unit.days', value);
    case 'months': return count('unit.months', value);
    case 'count': return count('unit.count', value);
    case 'duration': {
      const max = benefit.duration_max ?? value;
      const words = max === value ? count(`unit.${benefit.duration_unit}`, value)
        : t(`unit.${benefit.duration_unit}.range`, { a: plain(value), b: plain(max) });
      return benefit.approx === true ? t('unit.approx', { m: words }) : words;
    }
    case 'word': return t(`value.${name}.${value}`);
    default: return typeof value === 'number' ? plain(value) : String(value);
  }
}

// The lines of one benefit: [{ label, value }], in the engine's field order
// ("flag" fields, true or absent, are a label alone), then its flags (below
// the minimum days, shares in principle).
export function benefitLines(benefitId, benefit) {
  const lines = [];
  for (const [name, value] of Object.entries(benefit)) {
    const kind = kinds.get(name);
    if (kind === 'silent' || value === null || value === false || typeof value === 'object') continue;
    if (name === 'amount_max' && typeof benefit.amount_min === 'number') continue;  // shown as a range
    const label = fieldLabel(kind === 'duration' ? 'duration' : name);
    if (kind === 'flag') {
      lines.push({ label, value: '' });
      continue;
    }
    const words = figureWords(benefitId, benefit, name, value, kind);
    lines.push({ label, value: has(`fmt.${name}`) ? t(`fmt.${name}`, { v: words }) : words });
  }
  const flags = [];
  if (benefit.below_minimum === true) flags.push(t('benefit.below_minimum'));
  if (benefit.in_principle === true) flags.push(t('benefit.in_principle'));
  return { lines, flags };
}

export const benefitTitle = (id) => t(`benefit.${id}`);

// The device's local date, YYYY-MM-DD. (Built by hand: asking Intl for a
// date format costs tens of milliseconds on a phone.)
export function today() {
  const now = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

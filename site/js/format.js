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

const fieldLabel = (name) => (has(`field.${name}`) ? t(`field.${name}`) : name.replaceAll('_', ' '));

// The lines of one benefit: [{ label, value }], in the engine's field order,
// then its flags (below the minimum days, shares in principle).
export function benefitLines(benefitId, benefit) {
  const lines = [];
  for (const [name, value] of Object.entries(benefit)) {
    const kind = kinds.get(name);
    if (kind === 'silent' || value === null || typeof value === 'object') continue;
    if (name === 'amount_max' && typeof benefit.amount_min === 'number') continue;  // shown as a range
    let words;
    switch (kind) {
      case 'money': {
        const per = name === 'amount' ? benefit.per || moneyPer[`${benefitId}.${name}`] : undefined;
        words = moneyWords(value, { approx: name === 'amount' && benefit.approx === true, per });
        break;
      }
      case 'range':
        words = t('money.range', { a: money(value), b: money(benefit.amount_max) });
        if (benefit.approx === true) words = t('money.approx', { m: words });
        break;
      case 'percent': words = t('unit.percent', { n: plain(value * 100) }); break;
      case 'm2': words = t('unit.m2', { n: plain(value) }); break;
      case 'years': words = t('unit.years', { n: plain(value) }); break;
      case 'days': words = t('unit.days', { n: plain(value) }); break;
      case 'count': words = t('unit.count', { n: plain(value) }); break;
      case 'duration':
        words = t(`unit.${benefit.duration_unit}`, { a: plain(value), b: plain(benefit.duration_max ?? value) });
        break;
      default: words = typeof value === 'number' ? plain(value) : String(value);
    }
    lines.push({ label: fieldLabel(kind === 'duration' ? 'duration' : name), value: words });
  }
  const flags = [];
  if (benefit.below_minimum === true) flags.push(t('benefit.below_minimum'));
  if (benefit.in_principle === true) flags.push(t('benefit.in_principle'));
  return { lines, flags };
}

export const benefitTitle = (id) => (has(`benefit.${id}`) ? t(`benefit.${id}`) : id.replaceAll('_', ' '));

// The device's local date, YYYY-MM-DD. (Built by hand: asking Intl for a
// date format costs tens of milliseconds on a phone.)
export function today() {
  const now = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

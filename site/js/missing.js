// What stands between the doctor and an outcome, in plain words: the
// conditions every route needs once, then the routes as alternatives, the
// one closest to met first; and, above the category reached, only what is
// missing for each higher letter, the conditions all of them lack said once.
// Each condition is phrased as something to check (unknown) or to obtain
// (not met). The routes and what is missing come from the engine's answer
// (each reason's `route`, the category's `closest`).
import { el } from './dom.js';
import { t, has } from './i18n.js';
import { reasonItem } from './reasons.js';
import { isCategoryLetter } from './page-data.js';

const open = (r) => r.met !== true;  // not met, or not known
const sameCondition = (a, b) => a.clause === b.clause && a.text === b.text;

// "确认：…" for what is not known, "尚需：…" for what is not met.
const todo = (r) => reasonItem(r, r.met === null ? t('missing.check') : r.met === false ? t('missing.obtain') : null);
const todoList = (reasons) => el('ul', { class: 'reasons' }, reasons.map(todo));

// A route's name: its own words (route.<outcome>.<id>, route.<id>), a
// category letter, or its clause.
export function routeName(outcomeId, route) {
  if (has(`route.${outcomeId}.${route}`)) return t(`route.${outcomeId}.${route}`);
  if (has(`route.${route}`)) return t(`route.${route}`);
  if (isCategoryLetter(route)) return t('route.letter', { c: route });
  const [clause, place] = route.split('#');
  return place ? t('route.clause_place', { clause, n: place }) : t('route.clause', { clause });
}

// The reasons `shown` (those the status turns on) of an outcome, with its
// routes as alternatives: how many conditions each still lacks, closest first.
export function groupedReasons(outcomeId, outcome, shown, heading) {
  const routes = [...new Set((outcome.reasons || []).filter((r) => r.route).map((r) => r.route))];
  const common = shown.filter((r) => !r.route);
  const parts = [el('p', { class: 'key-heading' }, t(heading))];
  if (common.length) parts.push(todoList(common));
  if (routes.length > 1) {
    const gap = (route) => outcome.reasons.filter((r) => r.route === route && open(r));
    const ranked = routes.map((route) => ({ route, missing: gap(route) }))
      .sort((a, b) => a.missing.filter((r) => r.met === false).length - b.missing.filter((r) => r.met === false).length ||
        a.missing.length - b.missing.length);
    parts.push(el('p', { class: 'key-heading alternatives' }, t('missing.any_route', { n: routes.length })),
      el('ol', { class: 'route-groups' }, ranked.map(({ route, missing }) => el('li', { class: 'route-group', 'data-route': route },
        el('p', { class: 'route-name' }, routeName(outcomeId, route), ' ',
          el('span', { class: 'hint' }, missing.length ? t('missing.route_gap', { n: missing.length }) : t('missing.route_met'))),
        missing.length ? todoList(missing) : null))));
  } else {
    const only = shown.filter((r) => r.route);
    if (only.length) parts.push(todoList(only));
  }
  return parts.length > 1 ? el('div', { class: 'key-reasons' }, ...parts) : null;
}

// Above the category reached: per higher letter, the closest criterion's
// missing conditions; a condition every letter lacks is said once, first.
export function missingSteps(outcome) {
  const steps = Array.isArray(outcome.closest) ? outcome.closest : [];
  if (!steps.length) return null;
  const everywhere = steps.length > 1
    ? steps[0].missing.filter((r) => steps.every((s) => s.missing.some((m) => sameCondition(m, r)))) : [];
  const own = (step) => step.missing.filter((r) => !everywhere.some((c) => sameCondition(c, r)));
  return el('div', { class: 'closest' }, el('p', { class: 'key-heading' }, t('card.closest')),
    everywhere.length ? el('div', { class: 'closest-common' }, el('p', {}, t('missing.every_letter')), todoList(everywhere)) : null,
    el('ul', {}, steps.map((step) => el('li', {},
      el('span', { class: 'closest-step' }, t('card.closest.item', { category: step.category, clause: step.clause })), ' ',
      el('span', { class: 'hint' }, t('missing.route_gap', { n: step.missing.length })),
      own(step).length ? todoList(own(step)) : null))));
}

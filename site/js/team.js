// The team check: the engine's checkTeam() (contract section 6) for the
// core members entered in the team-leader card. The leader is the person of
// the profile: the engine works out their category and service from it. The
// page only gathers and shows.
import { $, el } from './dom.js';
import { t } from './i18n.js';
import { pageLayout } from './page-data.js';
import { statusLine, keyReasons, benefits, obligations, allReasons } from './answers.js';
import { money } from './format.js';

export function teamInput(profile, team) {
  return { ...team, leader: { profile } };
}

// Each member's pay as the engine gave it (contract 7.6), in input order.
function membersPay(members) {
  if (!Array.isArray(members) || !members.length) return null;
  const lines = members.map((m, i) => {
    if (m.daily_rate && typeof m.daily_rate.amount === 'number')
      return t('team.member_rate', { i: i + 1, c: m.category, m: t('money.per_day', { m: money(m.daily_rate.amount) }) });
    return t(m.paid_from ? 'team.member_from_funding' : 'team.member_unknown', { i: i + 1 });
  });
  return el('div', {}, el('p', { class: 'key-heading' }, t('team.members_pay')),
    el('ul', { class: 'team-days' }, lines.map((line) => el('li', {}, line))));
}

function serviceDays(days) {
  if (!days) return null;
  const lines = [];
  if (days.leader && typeof days.leader.min_days_per_year === 'number')
    lines.push(t('team.leader_days', { n: days.leader.min_days_per_year }));
  (days.members || []).forEach((n, i) => lines.push(t('team.member_days', { i: i + 1, n })));
  return lines.length ? el('ul', { class: 'team-days' }, lines.map((line) => el('li', {}, line))) : null;
}

// result: the engine's team check, or null while no member is entered.
export function renderTeam(result) {
  const box = $('team-result');
  if (!box) return;
  $('team-check').classList.toggle('team-empty', !result);  // not printed
  if (!result) return box.replaceChildren(el('p', {}, t('team.waiting')));
  if (result.errors && result.errors.length)
    return box.replaceChildren(el('p', { class: 'field-error' }, result.errors.map((e) => t('errors.other', { label: e.path })).join(' ')));
  const status = el('p', { class: 'status' });
  statusLine(status, pageLayout.team_check.outcome, result);
  const funds = {};
  for (const id of ['team_funding', 'origin_unit_fee']) if (result[id]) funds[id] = result[id];
  box.replaceChildren(...[status, keyReasons(result), benefits({ benefits: funds }), serviceDays(result.service_days),
    membersPay(result.members), obligations(result),
    allReasons(pageLayout.team_check.outcome, result.reasons || [])].filter(Boolean));
}

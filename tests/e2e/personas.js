// Personas entered through the page's controls, and what the page must then
// show. Expectations are written from the policy texts: status and category
// per programme card, and words that must be visible (amounts in 万元,
// reasons) in each language. `reasons` are looked for after opening the
// card's full list of reasons.
'use strict';

const STATUS = {
  zh: { eligible: '符合', ineligible: '不符合', review: '需主管部门认定', incomplete: '待补充信息' },
  en: { eligible: 'Eligible', ineligible: 'Not eligible', review: 'For the deciding body to judge', incomplete: 'More information needed' },
};
const MAY_APPLY = { zh: '可申报（', en: 'May apply (' };
const CATEGORY = { zh: (v) => `类别 ${v}`, en: (v) => `Category ${v}` };

const fitForWork = [['conduct_ok', true], ['healthy', true], ['physician', true], ['retired', false]];
// "Any honours, posts, society roles?" answered 无 (none): without it the
// letters that look for them stay undecided (contract 3, v1.1).
const noListed = [['honors', []], ['posts', []], ['society_roles', []]];
const wenzhouBasics = [['city', 'wenzhou'], ['conduct_ok', true], ['major_accident', false], ['healthy', true]];

module.exports = { STATUS, MAY_APPLY, CATEGORY, personas: [
  {
    name: 'an academician from outside the city',
    answers: [['city', 'other'], ['age', 60], ...fitForWork, ['honors', ['cas_academician']]],
    outcomes: {
      'fcg.category': ['eligible', 'A'], 'fcg.fulltime': ['eligible', 'A'], 'fcg.fulltime_retired': ['ineligible'],
      'fcg.flexible_short': ['eligible', 'A'], 'fcg.flexible_long': ['eligible', 'A'], 'fcg.team_leader': ['eligible', 'A'],
      'wz.leading': ['ineligible'], 'wz.clinical': ['ineligible'],
    },
    text: {
      'fcg.fulltime': { zh: ['约250万元/年', '200万元'], en: ['about CNY 2,500,000 (250 万元) a year', 'CNY 2,000,000 (200 万元)'] },
      'fcg.flexible_short': { zh: ['1万元/天'], en: ['CNY 10,000 (1 万元) a day'] },
      'fcg.team_leader': { zh: ['250万元—300万元'], en: ['CNY 2,500,000 (250 万元) to CNY 3,000,000 (300 万元)'] },
    },
    reasons: { 'fcg.category': { clause: 'fcg:2.1.1', zh: '中国科学院院士或中国工程院院士', en: 'Academician of the Chinese Academy of Sciences or of Engineering' } },
  },
  {
    name: 'a C-category deputy director and doctoral supervisor at an NHC hospital',
    answers: [['city', 'other'], ['age', 48], ...fitForWork, ['education.level', 'doctorate'], ['title', 'senior'],
      ['phd_supervisor', true], ['hospital_grade', 'tertiary_a'],
      ['posts', [{ institution: 'nhc', role: 'deputy_director', second_level: true, national_key: false }]],
      ['plan.housing_area_m2', 160], ['plan.housing_price_per_m2', 12000], ['plan.flexible_days', 40], ['plan.flexible_completed', true]],
    outcomes: {
      'fcg.category': ['eligible', 'C'], 'fcg.fulltime': ['eligible', 'C'], 'fcg.flexible_short': ['eligible', 'C'],
      'fcg.flexible_long': ['eligible', 'C'], 'fcg.team_leader': ['eligible', 'C'], 'fcg.fulltime_retired': ['ineligible'],
    },
    text: {
      // min(160, 150 m²) × 12,000 × (1 − 0.7) = 540,000; 40 days × 6,000 × 1.1 = 264,000; 40 × 5,000 = 200,000
      // What full-time recruitment asks in return (fcg:3.1.1.1): a 5-year contract; the allowance over 5 years.
      'fcg.fulltime': {
        zh: ['约120万元/年', '100万元', '150 ㎡', '54万元', '条件与义务', '签订至少5年服务合同', '分5年发放'],
        en: ['about CNY 1,200,000 (120 万元) a year', '150 m²', 'CNY 540,000 (54 万元)', 'What it asks of you', 'a service contract of at least 5 years', 'over 5 years'],
      },
      // The flexible housing discount after cumulative days (fcg:3.1.2.3.1): C 200 days in total, at 70% of the market price.
      'fcg.flexible_long': {
        zh: ['0.6万元/天', '26.4万元', '200天后（累计，不是每年）', '市场价的70%', '签订1年以上服务协议'],
        en: ['CNY 6,000 (0.6 万元) a day', 'CNY 264,000 (26.4 万元)', '200 days (in total, not per year)', '70% of the market price', 'at least 1 year with'],
      },
      'fcg.flexible_short': { zh: ['0.5万元/天', '20万元'], en: ['CNY 5,000 (0.5 万元) a day', 'CNY 200,000 (20 万元)'] },
    },
    calculators: { housing: { zh: '54万元', en: '54 万元' }, flexible: { zh: '26.4万元', en: '26.4 万元' } },
    reasons: { 'fcg.category': { clause: 'fcg:2.3.4', zh: '博士生导师', en: 'doctoral supervisor' } },
  },
  {
    name: 'an E-category doctor from outside the city',
    answers: [['city', 'other'], ['age', 42], ...fitForWork, ['hospital_grade', 'tertiary_a'], ['education.level', 'doctorate'],
      ['education.full_time', true], ['title', 'deputy_senior'], ...noListed],
    outcomes: {
      'fcg.category': ['eligible', 'E'], 'fcg.fulltime': ['eligible', 'E'], 'fcg.flexible_short': ['ineligible'],
      'fcg.flexible_long': ['ineligible'], 'fcg.team_leader': ['ineligible'],
    },
    text: { 'fcg.fulltime': { zh: ['30万元', '120 ㎡'], en: ['CNY 300,000 (30 万元)', '120 m²'] } },
    absent: { 'fcg.fulltime': { zh: ['年薪'], en: ['Salary'] } },
    reasons: { 'fcg.category': { clause: 'fcg:2.5.1', zh: '全日制', en: 'full-time' } },
  },
  {
    name: 'a Fangchenggang junior doctor for the backup pool',
    answers: [['city', 'fangchenggang'], ['years_in_city', 4], ['full_time_in_city', true], ['age', 28], ['conduct_ok', true],
      ['healthy', true], ['education.level', 'bachelor'], ['education.health_major', true], ['title', 'junior']],
    outcomes: { 'fcg.backup_pool': ['eligible'], 'fcg.gangcheng_physician': ['ineligible'], 'fcg.flexible_short': ['ineligible'] },
    text: { 'fcg.backup_pool': { zh: ['层级 初级', '可申报（竞争性遴选，共约100名'], en: ['Tier junior', 'May apply (competitive, about 100 in all'] } },
    reasons: { 'fcg.backup_pool': { clause: 'fcg:3.2.1', zh: '30周岁以下（含30周岁）', en: 'Aged 30 or under (30 included)' } },
  },
  {
    name: 'a Wenzhou clinician aged 50',
    answers: [...wenzhouBasics, ['age', 50], ['title', 'intermediate'], ['education.level', 'bachelor'], ['english', 'professional'],
      ['wenzhou.clinical_backbone', true], ['plan.study_cost_cny', 100000]],
    outcomes: { 'wz.clinical': ['eligible'], 'wz.leading': ['incomplete'], 'wz.management': ['incomplete'] },
    text: {
      'wz.clinical': {
        zh: ['约1–3个月', '5万元', '4万元', '1万元', '50%', '可申报（由评选委员会评选）', '研学期满1个月内'],
        en: ['about 1–3 months', 'CNY 50,000 (5 万元)', '50%', 'May apply (chosen by a selection committee)', 'within 1 month of the end of the stay'],
      },
    },
    calculators: { cost: { zh: '基金会承担：5万元', en: 'Foundation pays: CNY 50,000 (5 万元)' } },
    reasons: { 'wz.clinical': { clause: 'wz:2.2.1', zh: '不超过50周岁（含50周岁）', en: '50 or under (50 included)' } },
  },
  {
    name: 'a Wenzhou clinician aged 51',
    answers: [...wenzhouBasics, ['age', 51], ['title', 'intermediate'], ['education.level', 'bachelor'], ['english', 'professional'],
      ['wenzhou.clinical_backbone', true]],
    outcomes: { 'wz.clinical': ['ineligible'], 'wz.leading': ['incomplete'] },
    text: { 'wz.clinical': { zh: ['年龄原则上不超过50周岁（含50周岁）', '主管部门可以例外'], en: ['In principle aged 50 or under (50 included)', 'may make an exception'] } },
  },
  {
    name: 'a Wenzhou manager with basic English',
    answers: [...wenzhouBasics, ['age', 45], ['title', 'intermediate'], ['education.level', 'bachelor'], ['english', 'basic'],
      ['wenzhou.management_years', 5], ['wenzhou.reserve_cadre', true]],
    outcomes: { 'wz.management': ['eligible'], 'wz.clinical': ['ineligible'], 'wz.teaching': ['ineligible'] },
    text: {
      'wz.management': { zh: ['后备干部梯队', '优先'], en: ['reserve-cadre', 'priority'] },
      'wz.clinical': { zh: ['能用英语进行有效的专业沟通'], en: ['Can communicate professionally in English'] },
    },
  },
  {
    name: 'a retired chair of a CMA first-level branch (category B)',
    answers: [['city', 'other'], ['age', 66], ['retired', true], ['conduct_ok', true], ['healthy', true], ['physician', true],
      ['title', 'senior'], ['society_roles', [{ society: 'cma', branch: 'level1', position: 'chair' }]]],
    outcomes: {
      'fcg.category': ['eligible', 'B'], 'fcg.fulltime_retired': ['eligible', 'B'], 'fcg.fulltime': ['ineligible'],
      'fcg.team_leader': ['ineligible'], 'fcg.flexible_long': ['eligible', 'B'],
    },
    // 退休人才 B 120 万元左右/年 for 180 days or more (fcg:3.1.1.2.1); retired B on the long route: 40 days, 5 a visit.
    text: {
      'fcg.fulltime_retired': { zh: ['约120万元/年', '180天'], en: ['about CNY 1,200,000 (120 万元) a year', '180 days'] },
      'fcg.flexible_long': { zh: ['40天', '5天'], en: ['40 days', '5 days'] },
    },
    reasons: { 'fcg.category': { clause: 'fcg:2.2.2', zh: '中华医学会一级专科分会', en: 'CMA first-level clinical branch' } },
  },
  {
    name: 'an overseas doctor claiming the level of category C',
    answers: [['city', 'other'], ['age', 45], ...fitForWork, ['foreign_peer', 'C'], ...noListed],
    outcomes: { 'fcg.category': ['review', 'C'], 'fcg.fulltime': ['review', 'C'], 'fcg.team_leader': ['review', 'C'] },
    text: { 'fcg.category': { zh: ['由主管部门认定', '人才工作专班认定'], en: ['For the deciding body', "talent team decides"] } },
    summary: { zh: 'C（需主管部门认定）', en: 'C (for the deciding body to judge)' },
  },
  {
    name: 'a half-filled profile',
    answers: [['city', 'other'], ['age', 35]],
    outcomes: { 'fcg.category': ['incomplete'], 'fcg.fulltime': ['incomplete'], 'wz.clinical': ['ineligible'] },
    text: { 'fcg.category': { zh: ['还需要知道'], en: ['Still needed'] } },
    summary: { zh: '待补充信息', en: 'more information needed' },
  },
] };

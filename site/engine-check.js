// The interim page: loads the engine, shows version() and the answer for a
// sample profile. It renders the engine's statuses as they are; it decides
// nothing itself.
'use strict';
(function () {
  const sample = {
    as_of: new Date().toISOString().slice(0, 10), age: 48, retired: false, city: 'other',
    conduct_ok: true, healthy: true, physician: true, title: 'senior', phd_supervisor: true,
    hospital_grade: 'tertiary_a', education: { level: 'doctorate', full_time: true },
    posts: [{ institution: 'nhc', role: 'deputy_director', second_level: true, national_key: false }],
    plan: { housing_area_m2: 160, housing_price_per_m2: 12000, flexible_days: 40, flexible_completed: true },
  };
  const words = { eligible: '符合 eligible', ineligible: '不符合 ineligible', review: '需主管部门认定 review',
                  incomplete: '待补充信息 incomplete' };
  const $ = (id) => document.getElementById(id);
  const status = $('status');
  if (typeof WebAssembly !== 'object') {
    status.textContent = '此浏览器不支持 WebAssembly，无法运行规则引擎。This browser has no WebAssembly: the engine cannot run.';
    return;
  }
  createEngine().then((engine) => {
    $('version').textContent = JSON.stringify(JSON.parse(engine.version()), null, 2);
    $('profile').textContent = JSON.stringify(sample, null, 2);
    const answer = JSON.parse(engine.evaluate(JSON.stringify(sample)));
    $('answer').textContent = JSON.stringify(answer, null, 2);
    const table = document.createElement('table');
    const head = table.insertRow();
    for (const h of ['项目 Outcome', '结论 Status', '类别 Value', '依据 Clause']) {
      const th = document.createElement('th');
      th.textContent = h;
      head.appendChild(th);
    }
    for (const [id, o] of Object.entries(answer.outcomes)) {
      const row = table.insertRow();
      for (const text of [id, words[o.status] || o.status, o.value || '—', o.clause || '']) row.insertCell().textContent = text;
    }
    $('summary').replaceChildren(table);
    status.textContent = '规则引擎已就绪。The engine is ready.';
  }, (err) => {
    status.textContent = '规则引擎加载失败 The engine failed to load: ' + err;
  });
})();

// The roster view: a staff file in, every doctor checked in the browser by
// the roster engine in Web Workers, a table out, with each row's full
// answer (the doctor's page itself, in an embedded frame) and the team
// check one click away. Nothing leaves the device or is stored.
import { $, el } from '../js/dom.js';
import { shareFragment } from '../js/keep.js';
import { ownScriptURL } from '../js/trusted-urls.js';
import { keepOffline, offerUpdates } from '../js/offline.js';
import { w, language, setLanguage } from './words.js';
import { createTable } from './table.js';

/* global ROSTER_WORKER_JS, TEAM_ORIGINS_JSON */
// One worker per core, up to four (?workers=N sets it, for the benchmark).
const WORKERS = Math.max(1, Math.min(8, Number(new URLSearchParams(window.location.search).get('workers')) ||
  Math.min(4, navigator.hardwareConcurrency || 2)));

const run = { name: '', bytes: null, read: null, workers: [], jobs: [], started: 0, total: 0, id: 0, results: [], columns: null, problems: [] };

const table = createTable({ scroller: $('table-scroll'), head: $('table-head'), body: $('table-body'), table: $('roster-table'), onView: showDetail });

// --- workers ---------------------------------------------------------------

function stopWorkers() {
  for (const worker of run.workers) worker.terminate();
  run.workers = [];
}

// The worker's URL goes through the site's Trusted Types policy (roster.html
// requires it for every script URL).
const newWorker = () => new Worker(ownScriptURL(ROSTER_WORKER_JS));

async function open(file) {
  stopWorkers();
  run.id += 1;
  run.bytes = null;
  $('results').hidden = true;
  $('file-problems').hidden = true;
  $('file-state').textContent = w('file.reading', { name: file.name });
  run.name = file.name;
  run.bytes = await file.arrayBuffer();
  check();
}

// Every worker reads the file and checks its share of the rows; their
// answers are gathered as they come. Runs again when the language
// changes, so that messages and the export speak it.
function check() {
  stopWorkers();
  const id = ++run.id;
  run.workers = Array.from({ length: WORKERS }, newWorker);
  run.jobs = run.workers.map((worker) => ({ worker, results: [], done: 0, finished: false }));
  run.read = null;
  run.total = 0;
  run.started = performance.now();
  run.columns = null;
  run.problems = [];
  run.jobs.forEach((job, part) => {
    job.worker.onmessage = ({ data }) => {
      if (id !== run.id) return;
      if (data.type === 'unreadable') return unreadable(data);
      if (data.type === 'engine_failed') return failed();
      if (data.type === 'read') {
        if (run.read) return;
        run.read = data;
        run.total = data.total;
        const form = data.sheet !== undefined ? w('file.sheet', { sheet: data.sheet }) : data.encoding;
        $('file-state').textContent = w('file.read', { name: run.name, n: data.total, encoding: form });
        $('progress-box').hidden = false;
        $('progress').max = Math.max(1, data.total);
        progress();
      } else if (data.type === 'checked') {
        const answer = data.answer;
        if (answer.errors && !answer.rows) return failed();
        if (!run.columns) {
          run.columns = answer.columns;
          run.problems = answer.problems.map((p) => ({ ...p, row: run.read.headerRow }));
          showProblems(answer.fatal);
          if (answer.fatal) return finish(true);
          table.setColumns(answer.columns);
          fillFilters();
        }
        job.results.push(...answer.rows);
        job.done = data.done;
        scheduleProgress();
      } else if (data.type === 'finished') {
        job.finished = true;
        job.busy = data.busy;
        if (run.jobs.every((j) => j.finished)) finish();
      }
    };
    const bytes = run.bytes.slice(0);
    job.worker.postMessage({ type: 'check', bytes, part, parts: WORKERS, lang: language() }, [bytes]);
  });
}

function unreadable(data) {
  stopWorkers();
  run.id += 1;
  const known = ['empty', 'too_large', 'spreadsheet_failed', 'no_sheet'];
  $('file-state').textContent = known.includes(data.code) ? w(`file.${data.code}`) : w('file.unreadable', { why: data.detail });
}

function failed() {
  stopWorkers();
  $('progress-box').hidden = true;
  $('file-state').textContent = w('engine.failed');
}

const done = () => run.jobs.reduce((n, j) => n + j.done, 0);
const allResults = () => run.jobs.flatMap((j) => j.results);

function progress() {
  const n = done();
  $('progress').value = n;
  const elapsed = (performance.now() - run.started) / 1000;
  const left = n ? Math.max(0, Math.round((elapsed / n) * (run.total - n))) : '…';
  $('progress-text').textContent = w('progress.text', { done: n, total: run.total, left });
}

// While the workers run, the progress bar follows every batch; the table
// is drawn at most twice a second, so the page's own thread stays free.
let progressPending = false, lastTable = 0;
function scheduleProgress() {
  if (progressPending) return;
  progressPending = true;
  requestAnimationFrame(() => {
    progressPending = false;
    progress();
    if (performance.now() - lastTable > 500) {
      lastTable = performance.now();
      showResults();
    }
  });
}

function finish(fatal = false) {
  const seconds = ((performance.now() - run.started) / 1000).toFixed(2);
  $('progress-box').hidden = true;
  if (!fatal) {
    $('file-state').textContent = `${$('file-state').textContent} · ${w('progress.done', { total: run.total, seconds })}`;
    showResults();
  }
  document.body.dataset.checked = String(run.id);
  // For the benchmark (tests/bench/roster_browser.js): the wall time and the
  // time each worker spent in the engine.
  document.body.dataset.seconds = seconds;
  document.body.dataset.busy = run.jobs.map((j) => Math.round(j.busy || 0)).join(' ');
  performance.mark('roster-checked');
}

function cancel() {
  run.id += 1;  // later messages of this run are ignored
  stopWorkers();
  $('progress-box').hidden = true;
  $('file-state').textContent = done() ? w('progress.cancelled', { done: done() }) : w('progress.cancelled_none');
  showResults();
}

// --- what the page shows ---------------------------------------------------

function showProblems(fatal) {
  const items = [...run.problems.map((p) => (p.column ? w('errors.at_column', p) : p.message)),
    ...(run.read.warnings || []).map((x) => w('file.quotes', { row: x.row }))];
  $('file-problems').hidden = items.length === 0;
  $('file-problem-list').replaceChildren(...items.map((text) => el('li', { class: fatal ? 'field-error' : null }, text)));
}

function showResults() {
  if (!run.columns) return;
  const results = allResults();
  run.results = results;
  $('results').hidden = false;
  table.setResults(results);
  fillCategories();
  const bad = results.filter((r) => r.errors.length).length;
  $('results-summary').textContent = w('results.summary', { total: results.length, ok: results.length - bad, bad });
  $('results-shown').textContent = w('results.shown', { shown: table.shown(), total: results.length });
  const errors = results.flatMap((r) => r.errors);
  const LIMIT = 200;
  $('error-list').replaceChildren(...(errors.length ? errors.slice(0, LIMIT).map((e) =>
    el('li', {}, w(e.column ? 'errors.at_cell' : 'errors.at_row', e)))
    : [el('li', {}, w('errors.none'))]),
  ...(errors.length > LIMIT ? [el('li', {}, w('errors.more', { n: errors.length - LIMIT }))] : []));
}

function fillFilters() {
  const option = (value, label) => el('option', { value }, label);
  const keep = (id) => $(id).value;
  const status = keep('filter-status'), programme = keep('filter-programme'), category = keep('filter-category');
  $('filter-status').replaceChildren(option('', w('filter.any')),
    ...['eligible', 'ineligible', 'incomplete', 'review'].map((s) => option(s, w(`status.${s}`))), option('errors', w('filter.errors')));
  $('filter-programme').replaceChildren(option('', w('filter.any_programme')), ...table.programmes().map((p) => option(p.key, p.label)));
  $('filter-status').value = status;
  $('filter-programme').value = programme;
  fillCategories(category);
  const origins = JSON.parse(TEAM_ORIGINS_JSON);
  const origin = $('team-origin').value;
  $('team-origin').replaceChildren(option('', '—'), ...origins.map((o) => option(o.value, language() === 'en' ? o.en : o.zh)));
  $('team-origin').value = origin;
}

// The categories the rows reached, as they come in.
function fillCategories(keep = $('filter-category').value) {
  const option = (value, label) => el('option', { value }, label);
  $('filter-category').replaceChildren(option('', w('filter.any')), ...table.categories().map((c) => option(c, c)),
    option('none', w('filter.no_category')));
  $('filter-category').value = keep;
}

function onFilter() {
  table.setFilter({ status: $('filter-status').value, programme: $('filter-programme').value, category: $('filter-category').value,
                    search: $('filter-search').value.trim() });
  $('results-shown').textContent = w('results.shown', { shown: table.shown(), total: run.results.length });
}

// --- one doctor, a team ----------------------------------------------------

// The doctor's page itself, in embed mode, with the row's answers in the
// fragment (never sent to a server): the same cited answer as a doctor sees.
function showDetail(result, team) {
  const who = [result.id, result.name].filter(Boolean).join(' ') || w('errors.row', { row: result.row });
  $('detail-title').textContent = w('detail.title', { who });
  const errors = result.errors.length > 0;
  $('detail-errors').hidden = !errors;
  $('detail-frame').hidden = errors;
  if (errors) {
    $('detail-errors').replaceChildren(el('p', {}, w('detail.errors')),
      el('ul', {}, result.errors.map((e) => el('li', {}, e.column ? w('errors.at_column', e) : e.message))));
  } else {
    const fragment = shareFragment(JSON.parse(result.profile), language(), team);
    $('detail-frame').title = $('detail-title').textContent;
    $('detail-frame').src = `./#embed&${fragment}`;
    $('detail-open').href = `./#${fragment}`;
  }
  $('detail-open').hidden = errors;
  $('detail').showModal();
}

// A team member as the team check asks for it (contract 6): the category the
// roster gave, the title, education and retirement the row says.
function member(result) {
  const cat = table.categoryOf(result);
  const profile = JSON.parse(result.profile);
  const m = {};
  if (cat && cat.status === 'eligible' && cat.value) m.category = cat.value;
  else if (cat && cat.status === 'ineligible') m.category = 'none';
  if (profile.title !== undefined) m.title = profile.title;
  if (profile.education?.level !== undefined) m.education = profile.education.level;
  if (profile.retired !== undefined) m.retired = profile.retired;
  return m;
}

function checkTeam() {
  const byId = new Map(run.results.map((r) => [String(r.id), r]));
  const ids = (text) => text.split(/[,，;；、\s]+/).map((s) => s.trim()).filter(Boolean);
  const say = (text) => {
    $('team-state').textContent = text;
  };
  const leaderId = $('team-leader').value.trim();
  if (!leaderId) return say(w('team.no_leader'));
  const memberIds = ids($('team-members').value);
  if (!memberIds.length) return say(w('team.no_members'));
  for (const id of [leaderId, ...memberIds]) {
    if (!byId.has(id)) return say(w('team.unknown', { id }));
    if (byId.get(id).errors.length) return say(w('team.has_errors', { id }));
  }
  say('');
  const team = { members: memberIds.map((id) => member(byId.get(id))) };
  if ($('team-origin').value) team.origin = $('team-origin').value;
  showDetail(byId.get(leaderId), team);
}

// --- export ----------------------------------------------------------------

// As the engine's CSV writer (core/src/csv.cpp), byte for byte: a cell that
// starts as a formula would (= + - @, tab, CR) gets an apostrophe, so that
// no spreadsheet program runs it (CSV injection).
const csvField = (value) => {
  const text = String(value ?? '');
  const s = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvLine = (cells) => `${cells.map(csvField).join(',')}\r\n`;

// UTF-8 with a byte order mark, which Excel needs to read Chinese right.
function download(name, lines) {
  const blob = new Blob(['\uFEFF', ...lines], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function exportResults() {
  if (!run.columns) return;
  download(w('export.name_results'), [csvLine(run.columns.map((c) => c.label)), ...run.results.map((r) => csvLine(r.cells))]);
}

function exportErrors() {
  const rows = [...run.problems, ...run.results.flatMap((r) => r.errors)];
  download(w('export.name_errors'), [csvLine(['row', 'column', 'header', 'message'].map((k) => w(`export.error_${k}`))),
    ...rows.map((e) => csvLine([e.row, e.column || '', e.header, e.message]))]);
}

// --- wiring ----------------------------------------------------------------

function wire() {
  $('file').addEventListener('change', () => {
    if ($('file').files[0]) open($('file').files[0]);
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const file = event.dataTransfer.files[0];
    if (file) open(file);
  });
  $('cancel').addEventListener('click', cancel);
  for (const id of ['filter-status', 'filter-programme', 'filter-category']) $(id).addEventListener('change', onFilter);
  $('filter-search').addEventListener('input', onFilter);
  $('team-run').addEventListener('click', checkTeam);
  $('export-results').addEventListener('click', exportResults);
  $('export-errors').addEventListener('click', exportErrors);
  $('detail-close').addEventListener('click', () => $('detail').close());
  $('detail').addEventListener('close', () => {
    $('detail-frame').src = 'about:blank';
  });
  $('lang-switch').addEventListener('click', () => {
    setLanguage(language() === 'zh' ? 'en' : 'zh');
    if (run.bytes) check();
  });
}

wire();
// The page works offline after one visit, and offers a new version when
// one is ready (the staff file is not kept: it never leaves memory).
offerUpdates({ notice: $('update-notice'), word: (tag, key) => el(tag, { 'data-r': key }, w(key)) });
keepOffline();

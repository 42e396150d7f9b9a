// The results table: one row per doctor, the category and each programme's
// status, sortable by any column and filtered by status, programme,
// category and staff ID or name. Only the rows in view are in the page
// (with spacers above and below), so ten thousand rows scroll as smoothly
// as ten; the table keeps its semantics (aria-rowcount, aria-rowindex).
import { el } from '../js/dom.js';
import { w } from './words.js';

const ROW_HEIGHT = 40;  // px, as .roster-table tbody tr in roster.css
const OVERSCAN = 10;
const MARKS = { eligible: '✓', ineligible: '✗', incomplete: '?', review: '◐' };
const STATUS_ORDER = { eligible: 0, review: 1, incomplete: 2, ineligible: 3 };

export function createTable({ scroller, head, body, table, onView }) {
  const state = { columns: [], programmes: [], categoryKey: null, results: [], view: [], sort: { key: 'row', dir: 1 },
                  filter: { status: '', programme: '', category: '', search: '' }, drawn: null };

  // The columns the engine named ("fcg.category", "fcg.category:value", …):
  // programmes are the keys without a part after ":".
  function setColumns(columns) {
    state.columns = columns;
    state.programmes = columns.filter((c) => !c.key.includes(':') && !['row', 'id', 'name', 'problems'].includes(c.key));
    state.categoryKey = (columns.find((c) => c.key.endsWith(':value')) || {}).key || null;
  }

  const categoryOf = (r) => (state.categoryKey ? r.outcomes[state.categoryKey.slice(0, -':value'.length)] : null);
  const letter = (r) => {
    const c = categoryOf(r);
    return c && c.status === 'eligible' && c.value ? c.value : '';
  };

  function matches(r) {
    const f = state.filter;
    if (f.search) {
      const s = f.search.toLowerCase();
      if (!String(r.id).toLowerCase().includes(s) && !String(r.name).toLowerCase().includes(s)) return false;
    }
    if (f.category === 'none' ? letter(r) !== '' || r.errors.length : f.category && letter(r) !== f.category) return false;
    if (f.status === 'errors') return r.errors.length > 0;
    if (f.status) {
      const ids = f.programme ? [f.programme] : state.programmes.map((p) => p.key);
      return ids.some((id) => r.outcomes[id] && r.outcomes[id].status === f.status);
    }
    if (f.programme) return Boolean(r.outcomes[f.programme]);
    return true;
  }

  function sortValue(r, key) {
    if (key === 'row') return r.row;
    if (key === 'id' || key === 'name') return String(r[key]);
    if (key === 'category') return letter(r) || '~';
    const o = r.outcomes[key];
    return o ? STATUS_ORDER[o.status] : 9;
  }

  function refresh() {
    const { key, dir } = state.sort;
    state.view = state.results.filter(matches);
    state.view.sort((a, b) => {
      const x = sortValue(a, key), y = sortValue(b, key);
      return (x < y ? -1 : x > y ? 1 : a.row - b.row) * dir;
    });
    table.setAttribute('aria-rowcount', String(state.view.length + 1));
    state.drawn = null;
    drawHead();
    draw();
  }

  function sortButton(key, label) {
    const active = state.sort.key === key;
    const th = el('th', { scope: 'col', 'aria-sort': active ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none', dataset: { key } },
      el('button', { type: 'button', class: 'sort', title: `${label}（${w('table.sort')}）` }, el('span', { class: 'label' }, label)));
    return th;
  }

  function drawHead() {
    head.replaceChildren(
      el('th', { scope: 'col' }, el('span', { class: 'sr-only' }, w('table.view'))),
      sortButton('row', w('table.row')),
      sortButton('id', state.columns.find((c) => c.key === 'id')?.label || 'ID'),
      sortButton('name', state.columns.find((c) => c.key === 'name')?.label || ''),
      state.categoryKey ? sortButton('category', state.columns.find((c) => c.key === state.categoryKey).label) : null,
      ...state.programmes.map((p) => sortButton(p.key, p.label)));
  }

  function cellsOf(r, index) {
    const who = r.name || r.id || String(r.row);
    const tr = el('tr', { 'aria-rowindex': String(index + 2), dataset: { row: String(r.row) }, class: r.errors.length ? 'has-errors' : null },
      el('td', {}, el('button', { type: 'button', class: 'view', 'aria-label': w('table.view_label', { row: r.row, who }) }, w('table.view'))),
      el('td', {}, String(r.row)), el('td', {}, r.id), el('td', {}, r.name),
      state.categoryKey ? el('td', { class: 'category' }, r.errors.length ? w('table.errors', { n: r.errors.length }) : letter(r) || '—') : null,
      ...state.programmes.map((p) => {
        const o = r.outcomes[p.key];
        if (!o) return el('td', { class: 'status-cell' }, '');
        return el('td', { class: 'status-cell', dataset: { status: o.status } },
          el('span', { 'aria-hidden': 'true' }, MARKS[o.status] || ''), el('span', { class: 'sr-only' }, w(`status.${o.status}`)));
      }));
    return tr;
  }

  // The rows in view, and spacers standing for the rest.
  function draw() {
    const total = state.view.length;
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const count = Math.ceil(scroller.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN;
    const last = Math.min(total, first + count);
    if (state.drawn && state.drawn[0] === first && state.drawn[1] === last) return;
    state.drawn = [first, last];
    const spacer = (rows) => {
      const tr = el('tr', { class: 'spacer', 'aria-hidden': 'true' });
      tr.style.height = `${rows * ROW_HEIGHT}px`;
      return tr;
    };
    const rows = [];
    for (let i = first; i < last; i++) rows.push(cellsOf(state.view[i], i));
    body.replaceChildren(...[first ? spacer(first) : null, ...rows, total - last ? spacer(total - last) : null].filter(Boolean));
  }

  let pending = false;
  scroller.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      draw();
    });
  }, { passive: true });
  window.addEventListener('resize', () => draw());
  head.addEventListener('click', (event) => {
    const th = event.target.closest('th[data-key]');
    if (!th) return;
    const key = th.dataset.key;
    state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
    refresh();
    head.querySelector(`th[data-key="${CSS.escape(key)}"] button`).focus();
  });
  body.addEventListener('click', (event) => {
    const button = event.target.closest('button.view');
    if (!button) return;
    const row = Number(button.closest('tr').dataset.row);
    onView(state.results.find((r) => r.row === row));
  });

  return {
    setColumns,
    setResults(results) {
      state.results = results;
      refresh();
    },
    setFilter(filter) {
      Object.assign(state.filter, filter);
      scroller.scrollTop = 0;
      refresh();
    },
    shown: () => state.view.length,
    programmes: () => state.programmes,
    // The letters the roster's rows reached, and the aggregate they are the
    // value of (the engine's "<id>:value" column): no letter is written here.
    categories: () => [...new Set(state.results.map(letter).filter(Boolean))].sort(),
    categoryOf,
  };
}

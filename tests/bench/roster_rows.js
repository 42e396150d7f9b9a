// Writes a roster in the CSV template with N rows (default 1,000,000) to
// stdout: varied doctors made from the generated profiles
// (talent-genprofiles, the benchmark's generator), their lists written the
// template's way, and one row in fifty with a bad cell. For the CLI's and
// the browser's roster benchmarks:
//   node tests/bench/roster_rows.js 1000000 > /tmp/roster.csv
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

function rosterRows(count, { seed = 42, first = 1 } = {}) {
  const gen = path.join(ROOT, 'build/native/tests/talent-genprofiles');
  const distinct = Math.min(count, 5000);
  const profiles = execFileSync(gen, ['full', String(distinct), String(seed)], { encoding: 'utf8', maxBuffer: 1 << 28 })
    .split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const describe = JSON.parse(execFileSync(path.join(ROOT, 'build/native/core/talent-check'), ['--describe'], { encoding: 'utf8' }));
  const fields = describe.questions.map((q) => q);
  const at = (obj, dotted) => dotted.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
  const cellOf = (q, value) => {
    if (value === undefined || value === null) return '';
    if (q.type === 'boolean') return value ? '是' : '否';
    if (q.type === 'list' && !(q.fields || []).length) return value.length ? value.join('；') : '无';
    if (q.type === 'list') {
      if (!value.length) return '无';
      return value.map((item) => q.fields.map((f) => {
        const v = item[f.field];
        if (v === undefined) return null;
        return f.type === 'boolean' ? `${f.field}=${v ? '是' : '否'}` : String(v);
      }).filter((part) => part !== null).join('/')).join('；');
    }
    return String(value);
  };
  const quote = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [['id', 'name', ...fields.map((q) => q.field)].join(',')];
  for (let i = 0; i < count; i++) {
    const p = profiles[i % distinct];
    const cells = [`E${String(first + i).padStart(7, '0')}`, `医生${first + i}`, ...fields.map((q) => cellOf(q, at(p, q.field)))];
    if (i % 50 === 49) cells[3] = '四十';  // a bad cell: the age column, in words
    lines.push(cells.map(quote).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

if (require.main === module) {
  const count = Number(process.argv[2] || 1_000_000);
  const out = process.stdout;
  const chunk = 100_000;
  // In pieces, so that a million rows need not sit in memory as one string.
  let written = 0;
  const next = () => {
    if (written >= count) return;
    const n = Math.min(chunk, count - written);
    let text = rosterRows(n, { seed: 42 + written, first: written + 1 });
    if (written) text = text.slice(text.indexOf('\r\n') + 2);  // one header only
    written += n;
    if (out.write(text)) next();
    else out.once('drain', next);
  };
  next();
}

module.exports = { rosterRows };

// A 500-row staff roster for the roster view's tests: six kinds of doctor in
// turn, written in the template (dist/roster-template-zh.*.csv, its header
// row), with bad rows at known places; the same rows as CSV in UTF-8, UTF-8
// with BOM and GBK (glibc's iconv; a character GBK lacks, such as the
// header's m², becomes its nearest, as a spreadsheet's save would), and as an .xlsx workbook (SheetJS, with
// real number and date cells). What the native CLI (talent-check --csv)
// answers for the UTF-8 file is what the browser must show and export.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const XLSX = require('@e965/xlsx');

const ROOT = path.resolve(__dirname, '../..');
const DIST = process.env.TALENT_DIST || path.join(ROOT, 'dist');
const CLI = path.join(ROOT, 'build/native/core/talent-check');

// By field; lists the template's way.
const KINDS = [
  { age: 48, retired: '否', city: '其他', conduct_ok: '是', healthy: '是', physician: '是', 'education.level': '博士研究生', 'education.full_time': '是',
    title: '正高', phd_supervisor: '是', hospital_grade: '三级甲等', honors: '无', society_roles: '无', posts: 'nhc/科室副主任/二级及以上临床科室' },
  { birth_date: new Date(Date.UTC(1960, 4, 3)), retired: '否', city: '其他', conduct_ok: '是', healthy: '是', physician: '是', honors: '中国工程院院士' },
  { age: 40, city: '温州', title: '副高', english: '能用英语进行专业沟通', 'wenzhou.clinical_backbone': '是', conduct_ok: '是', healthy: '是',
    major_accident: '否', 'education.level': '硕士', years_in_city: 5, full_time_in_city: '是' },
  { age: 32, city: '防城港', years_in_city: 4, full_time_in_city: '是', title: '中级', 'education.level': '硕士研究生', 'education.full_time': '是',
    'education.health_major': '是', conduct_ok: '是', healthy: '是', backup_strengths: '无' },
  { age: 55 },
  { age: 66, retired: '是', city: '其他', title: '正高', conduct_ok: '是', healthy: '是', physician: '是', 'education.level': '本科',
    honors: '无', society_roles: 'cma/level1/vice_chair', posts: '无' },
];
// Row numbers (the file's, the header being 1) that are wrong, and how.
const BAD = { 51: ['age', '四十'], 124: ['title', '教授'], 222: ['birth_date', '1978-02-30'], 301: ['posts', 'nhc/主任'], 460: ['age', '101'] };

const header = () => {
  const template = fs.readdirSync(DIST).find((f) => /^roster-template-zh\.[0-9a-f]+\.csv$/.test(f));
  const first = fs.readFileSync(path.join(DIST, template), 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0];
  return splitCsvLine(first);
};
// The template's header has quoted cells; a tiny reader for one line is enough here.
function splitCsvLine(line) {
  const cells = [];
  let cell = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') cell += '"', i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') cells.push(cell), cell = '';
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

const iso = (d) => d.toISOString().slice(0, 10);
const csvField = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

// [header, ...rows] as values (numbers and dates kept for the workbook).
function grid(count = 500) {
  const names = header();
  const fieldOf = names.map((h) => (/\[([^\]]+)\]$/.exec(h) || [])[1]);
  const rows = [names];
  for (let i = 0; i < count; i++) {
    const row = i + 2;
    const kind = { id: `E${String(i + 1).padStart(4, '0')}`, name: `医生${i + 1}`, ...KINDS[i % KINDS.length] };
    if (BAD[row]) kind[BAD[row][0]] = BAD[row][1];
    rows.push(fieldOf.map((f) => (kind[f] === undefined ? '' : kind[f])));
  }
  return rows;
}

function csvText(count) {
  return grid(count).map((cells) => cells.map((v) => csvField(v instanceof Date ? iso(v) : String(v))).join(',')).join('\r\n') + '\r\n';
}

// The same roster in each form a spreadsheet program saves.
function rosterFiles(dir, count = 500) {
  fs.mkdirSync(dir, { recursive: true });
  const text = csvText(count);
  const files = {
    utf8: path.join(dir, 'roster-utf8.csv'), bom: path.join(dir, 'roster-bom.csv'), gbk: path.join(dir, 'roster-gbk.csv'),
    xlsx: path.join(dir, 'roster.xlsx'),
  };
  fs.writeFileSync(files.utf8, text);
  fs.writeFileSync(files.bom, `\uFEFF${text}`);
  fs.writeFileSync(files.gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK//TRANSLIT', files.utf8]));
  const sheet = XLSX.utils.aoa_to_sheet(grid(count), { cellDates: true, dateNF: 'yyyy-mm-dd' });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '名单');
  XLSX.writeFile(book, files.xlsx);
  return files;
}

// What the native CLI says of a roster: the results and errors files, as text.
function nativeAnswer(file, lang = 'zh') {
  const errors = `${file}.errors.csv`;
  const results = execFileSync(CLI, ['--csv', '--lang', lang, '--errors', errors], { input: fs.readFileSync(file), maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'ignore'] });
  return { results: results.toString('utf8'), errors: fs.readFileSync(errors, 'utf8') };
}

module.exports = { rosterFiles, nativeAnswer, csvText, BAD, splitCsvLine };

// Lighthouse budget figures for dist/ (not a test: it prints a table and exits
// 0 whatever the figures; exit 1 only when Lighthouse could not run at all).
//
// Serves dist/ with the repo's own server (gzip, as the page is meant to be
// served), runs the Lighthouse 12 CLI three times with its default mobile
// settings, keeps the three JSON reports in tests/budget/out/, and compares
// the median of each figure against the budgets below.
// Run it through `bash scripts/budget.sh`, which installs Lighthouse first.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const { startServer } = require('../../scripts/start-server');

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(__dirname, 'out');
const LH_CLI = require.resolve('lighthouse/cli/index.js');
const LH_VERSION = require('lighthouse/package.json').version;
const RUNS = 3;
const RUN_TIMEOUT_MS = 180_000;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// As root Chromium needs --no-sandbox; without the networking flags it keeps
// dialling Google's services, which this machine refuses.
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                      '--disable-component-update', '--disable-sync', '--no-first-run'].join(' ');

// [label, how to read it from a report, comparison, limit, unit]. Scores are
// 0–100; transfer in KB of 1,024 bytes.
const BUDGETS = [
  ['Performance', (r) => score(r, 'performance'), '>=', 95, ''],
  ['Accessibility', (r) => score(r, 'accessibility'), '>=', 100, ''],
  ['Best Practices', (r) => score(r, 'best-practices'), '>=', 96, ''],
  ['SEO', (r) => score(r, 'seo'), '>=', 95, ''],
  ['First-load transfer', (r) => r.audits['total-byte-weight'].numericValue / 1024, '<=', 120, 'KB'],
  ['CLS', (r) => r.audits['cumulative-layout-shift'].numericValue, '<=', 0.02, ''],
];
// For information only (simulated mobile throttling, so slower than a desktop).
const INFO = [
  ['LCP', (r) => r.audits['largest-contentful-paint'].numericValue, 'ms'],
  ['TBT', (r) => r.audits['total-blocking-time'].numericValue, 'ms'],
  ['FCP', (r) => r.audits['first-contentful-paint'].numericValue, 'ms'],
];

function score(report, id) {
  const s = report.categories[id] && report.categories[id].score;
  return s == null ? NaN : Math.round(s * 100);
}

function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

function fmt(value, unit) {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'KB') return value.toFixed(1);
  if (unit === 'ms') return value.toFixed(0);
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

// One Lighthouse CLI run (it launches and closes its own Chromium). Resolves
// with the parsed report, or an Error saying why there is none.
function runLighthouse(url, file) {
  return new Promise((resolve) => {
    fs.rmSync(file, { force: true });
    const args = [LH_CLI, url, '--output=json', `--output-path=${file}`, `--only-categories=${CATEGORIES.join(',')}`,
                  `--chrome-flags=${CHROME_FLAGS}`, '--no-enable-error-reporting', '--quiet'];
    const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' };
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill(), RUN_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0 || !fs.existsSync(file)) {
        const why = signal ? `killed (${signal}) after ${RUN_TIMEOUT_MS / 1000} s` : `exit code ${code}`;
        return resolve(new Error(`${why}: ${stderr.trim().split('\n').slice(-5).join('\n') || 'no output'}`));
      }
      const report = JSON.parse(fs.readFileSync(file, 'utf8'));
      // A report can exist yet hold no figures (page failed to load, no paint).
      if (report.runtimeError) return resolve(new Error(`${report.runtimeError.code}: ${report.runtimeError.message}`));
      resolve(report);
    });
  });
}

// The audits that cost points in a category: those the report would show as
// failed (score below 0.9, Lighthouse's pass mark), and for performance also
// the weighted metrics not at full marks. Union over the runs, with a count.
// Group 'hidden' holds the 'insight' twins of audits already listed.
function failingAudits(reports, id) {
  const found = new Map();
  for (const r of reports) {
    for (const ref of r.categories[id].auditRefs) {
      if (ref.group === 'hidden') continue;
      const a = r.audits[ref.id];
      const isMetric = id === 'performance' && ref.weight > 0;
      const failed = a.scoreDisplayMode === 'error' ||
                     (a.score !== null && (a.score < 0.9 || (isMetric && a.score < 1)));
      if (!failed) continue;
      const entry = found.get(a.id) || { title: a.title, n: 0, shown: a.displayValue || '', items: where(a) };
      entry.n += 1;
      if (a.scoreDisplayMode === 'error') entry.shown = `error: ${a.errorMessage}`;
      found.set(a.id, entry);
    }
  }
  return found;
}

// Up to 3 lines saying where an audit failed (element, message or URL), so
// the page author need not open the report for the usual cases.
function where(audit) {
  const items = (audit.details && Array.isArray(audit.details.items)) ? audit.details.items : [];
  return items.slice(0, 3).map((i) => {
    const node = i.node && (i.node.selector || i.node.snippet);
    const url = i.url || (i.sourceLocation && i.sourceLocation.url) || (i.source && i.source.url);
    return [node, typeof i.description === 'string' ? i.description : '', url].filter(Boolean).join('  ');
  }).filter(Boolean);
}

// Every request of the first load (the report's network-requests table),
// largest first, with what total-byte-weight counts: transfer bytes over the
// network (data: and the like excluded).
function resources(report) {
  return report.audits['network-requests'].details.items
    .filter((i) => /^https?:/.test(i.url) && i.transferSize > 0)
    .sort((a, b) => b.transferSize - a.transferSize);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  let server;
  try {
    server = await startServer(path.join(ROOT, 'dist'));
  } catch (err) {
    console.error(`budget: could not start scripts/serve.js: ${err.message}`);
    process.exit(1);
  }
  const reports = [];
  try {
    for (let i = 1; i <= RUNS; i++) {
      const file = path.join(OUT, `run-${i}.json`);
      process.stderr.write(`Lighthouse run ${i}/${RUNS} … `);
      const r = await runLighthouse(server.url, file);
      if (r instanceof Error) { process.stderr.write(`failed\n  ${r.message.replace(/\n/g, '\n  ')}\n`); continue; }
      process.stderr.write(`done (${path.relative(ROOT, file)})\n`);
      reports.push(r);
    }
  } finally {
    server.stop();
  }
  if (!reports.length) {
    console.error(`budget: Lighthouse could not run (all ${RUNS} runs failed; see above). ` +
                  'Is Chromium at $CHROME_PATH (default /usr/bin/chromium)?');
    process.exit(1);
  }

  const note = reports.length < RUNS ? ` (only ${reports.length} of ${RUNS} runs succeeded)` : '';
  console.log(`\nLighthouse ${LH_VERSION}, mobile defaults (simulated throttling), median of ${reports.length} runs${note}`);
  console.log(`Page: ${server.url} (dist/, gzip)\n`);
  const row = (a, b, c, d, e) => console.log(a.padEnd(26) + b.padEnd(22) + c.padStart(8) + '   ' + d.padEnd(11) + e);
  row('', 'runs', 'median', 'budget', '');
  for (const [label, get, cmp, limit, unit] of BUDGETS) {
    const values = reports.map(get);
    const m = median(values);
    const ok = cmp === '>=' ? m >= limit : m <= limit;
    const verdict = Number.isFinite(m) ? (ok ? 'PASS' : 'OVER') : 'n/a';
    row(label + (unit ? ` (${unit})` : ''), values.map((v) => fmt(v, unit)).join(' '), fmt(m, unit),
        `${cmp} ${limit}`, verdict);
  }
  for (const [label, get, unit] of INFO) {
    const values = reports.map(get);
    row(`${label} (${unit})`, values.map((v) => fmt(v, unit)).join(' '), fmt(median(values), unit), '(info)', '');
  }

  // The resources behind the transfer figure, from the run with the median total.
  const byTotal = [...reports].sort((a, b) => a.audits['total-byte-weight'].numericValue -
                                              b.audits['total-byte-weight'].numericValue);
  const mid = byTotal[Math.floor((byTotal.length - 1) / 2)];
  console.log('\nFirst-load requests (transfer, compressed; run with the median total):');
  for (const i of resources(mid)) {
    const name = i.url.startsWith(server.url) ? '/' + i.url.slice(server.url.length) : i.url;
    console.log(`  ${(i.transferSize / 1024).toFixed(1).padStart(7)} KB  ${String(i.resourceType || '').padEnd(10)} ${name}`);
  }
  // Not in the first load: what comes when the doctor starts answering.
  const dist = path.join(ROOT, 'dist');
  const gzipped = (f) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length / 1024;
  const later = fs.readdirSync(dist).filter((f) => /^engine\.[0-9a-f]+\.(js|wasm)$/.test(f));
  const engineKb = later.reduce((sum, f) => sum + gzipped(f), 0);
  console.log(`\nFetched when the doctor starts (first touch, key, scroll or answer): the engine, ${engineKb.toFixed(1)} KB gzipped`);
  console.log(`  (${later.join(', ')}); first load and engine together: ${(median(reports.map((r) => r.audits['total-byte-weight'].numericValue / 1024)) + engineKb).toFixed(1)} KB`);

  for (const id of CATEGORIES) {
    const m = median(reports.map((r) => score(r, id)));
    if (!(m < 100)) continue;
    const found = failingAudits(reports, id);
    console.log(`\n${reports[0].categories[id].title} ${m}: audits that cost points`);
    if (!found.size) console.log('  (none below the pass mark; the score varies between runs)');
    for (const [auditId, e] of found) {
      console.log(`  ${auditId}: ${e.title}${e.shown ? ` [${e.shown}]` : ''} (${e.n}/${reports.length} runs)`);
      for (const line of e.items) console.log(`      ${line.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
  console.log(`\nReports: ${path.relative(ROOT, OUT)}/run-*.json (open one in https://googlechrome.github.io/lighthouse/viewer/)`);
}

main().catch((err) => {
  console.error(`budget: ${err.stack || err}`);
  process.exit(1);
});

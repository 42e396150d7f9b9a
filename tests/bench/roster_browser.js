// How long the roster view takes to check 10,000 rows in Debian's Chromium:
// a generated roster (tests/bench/roster_rows.js) picked in roster.html,
// timed from the file's arrival to the last row checked (the view's own
// figure, body[data-seconds]), three times; prints each run, the median and
// each worker's time in the engine. Figures, not a test: exits 0.
//   node tests/bench/roster_browser.js [rows]     (after bash scripts/build.sh)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startServer } = require('../../scripts/start-server');
const { rosterRows } = require('./roster_rows');

const DIST = path.resolve(__dirname, '../../dist');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ROWS = Number(process.argv[2] || 10_000);
const RUNS = 3;

async function main() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-bench-')), `roster-${ROWS}.csv`);
  fs.writeFileSync(file, rosterRows(ROWS));
  const server = await startServer(DIST);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS });
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.origin}/roster.html`);
      await page.setInputFiles('#file', file);
      await page.waitForSelector('body[data-checked]', { timeout: 300_000 });
      const [seconds, busy, workers] = await page.evaluate(() => [Number(document.body.dataset.seconds), document.body.dataset.busy,
        document.body.dataset.busy.split(' ').length]);
      runs.push(seconds);
      console.log(`run ${i + 1}: ${ROWS} rows in ${seconds.toFixed(2)} s (${workers} workers; ms in the engine each: ${busy})`);
      await page.close();
    }
    const sorted = [...runs].sort((a, b) => a - b);
    console.log(`median of ${RUNS}: ${sorted[Math.floor(RUNS / 2)].toFixed(2)} s for ${ROWS} rows (${os.cpus().length} cores; budget 2 s for 10,000)`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((err) => {
  console.error(`roster_browser: ${err.stack || err}`);
  process.exit(0);
});

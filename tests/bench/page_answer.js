// How long the page takes to answer an input, in Debian's Chromium on the
// built dist/: a C-category doctor's answers entered one control at a time,
// each answer timed by the page's own performance.measure('answer') (from
// reading the form to the last card drawn). Once on the machine as it is
// and once with the CPU slowed four times (Chrome DevTools' throttling), at
// 1280 px. The engine comes when the doctor starts, so the first answer also
// waits for it: "first" is the time from the first input on a freshly
// loaded page (no touch or key before it, the slowest case) to that answer
// drawn, engine fetch and start included; the other figures are the answers
// after it. Figures, not a test: it prints a table and exits 0.
//   node tests/bench/page_answer.js        (after bash scripts/build.sh)
'use strict';
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startServer } = require('../../scripts/start-server');

const DIST = path.resolve(__dirname, '../../dist');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// One control at a time, as a doctor would (the e2e persona "a C-category deputy director").
const STEPS = [
  ['select', 'city', 'other'], ['fill', 'age', '48'], ['radio', 'conduct_ok', 'true'], ['radio', 'healthy', 'true'],
  ['radio', 'physician', 'true'], ['radio', 'retired', 'false'], ['select', 'education.level', 'doctorate'],
  ['select', 'title', 'senior'], ['radio', 'phd_supervisor', 'true'], ['select', 'hospital_grade', 'tertiary_a'],
  ['any', 'honors', 'no'], ['any', 'society_roles', 'no'], ['any', 'posts', 'no'],
];

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function run(browser, origin, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(`${origin}/`);
  await page.waitForLoadState('networkidle');
  const startedAt = await page.evaluate(() => performance.now());
  const [[, firstField, firstValue], ...rest] = STEPS;
  await page.locator(`[data-field="${firstField}"]`).selectOption(firstValue);
  await page.waitForSelector('body[data-evaluations="1"]', { timeout: 60_000 });
  const firstAnswer = await page.evaluate((t0) => {
    const m = performance.getEntriesByName('answer')[0];
    return m.startTime + m.duration - t0;
  }, startedAt);
  const first = 1;
  for (const [kind, field, value] of rest) {
    const control = page.locator(`[data-field="${field}"]`).first();
    if (kind === 'select') await control.selectOption(value);
    else if (kind === 'fill') await control.fill(value);
    else if (kind === 'radio') await control.locator(`input[value="${value}"]`).check();
    else await control.locator(`:scope > [data-any] input[value="${value}"]`).check();
  }
  const times = await page.evaluate((skip) => performance.getEntriesByName('answer').slice(skip).map((m) => m.duration), first);
  await context.close();
  return { firstAnswer, times: times.sort((a, b) => a - b) };
}

async function main() {
  const server = await startServer(DIST);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS });
  try {
    console.log('answer after an input (ms), 1280 px, a C-category doctor entered one control at a time');
    console.log(`${'CPU'.padEnd(16)}${'first'.padStart(9)}${'answers'.padStart(8)}${'median'.padStart(9)}${'p90'.padStart(9)}${'max'.padStart(9)}`);
    for (const throttle of [1, 4]) {
      const { firstAnswer, times: t } = await run(browser, server.origin, throttle);
      const f = (x) => x.toFixed(1).padStart(9);
      console.log(`${(throttle === 1 ? 'as is' : `${throttle}x slower`).padEnd(16)}${f(firstAnswer)}${String(t.length).padStart(8)}${f(quantile(t, 0.5))}${f(quantile(t, 0.9))}${f(t[t.length - 1])}`);
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((err) => {
  console.error(`page_answer: ${err.stack || err}`);
  process.exit(0);
});

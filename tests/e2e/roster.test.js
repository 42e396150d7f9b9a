// The roster view (roster.html) in Debian's Chromium: a 500-row staff file
// in each form a spreadsheet saves (UTF-8, UTF-8 with BOM, GBK, .xlsx) gives
// the table, errors and export the native CLI gives for the same rows; a
// row opens the doctor's full answer, a team is checked from the roster,
// axe finds nothing, and nothing leaves the origin.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Papa = require('papaparse');
const { AxeBuilder } = require('@axe-core/playwright');
const { siteInBrowser, assertStayedHome, until, saveArtifact, layOutAll, checkRosterFile, downloaded } = require('./support');
const { rosterFiles, nativeAnswer, BAD } = require('./roster-fixture');

const site = siteInBrowser();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-'));
const files = rosterFiles(dir);
const expected = nativeAnswer(files.utf8);
const expectedEn = nativeAnswer(files.utf8, 'en');

async function openRoster(options = {}) {
  const opened = await site.open({ path: 'roster.html', width: 1280, height: 900, ...options });
  await opened.page.waitForSelector('#file');
  return opened;
}


for (const [kind, encoding] of [['utf8', 'UTF-8'], ['bom', 'UTF-8 (BOM)'], ['gbk', 'GBK'], ['xlsx', '工作表“名单”']]) {
  test(`a 500-row roster in ${kind}: the native CLI's table, errors and export`, async () => {
    const { page, context, seen } = await openRoster();
    await checkRosterFile(page, files[kind]);
    assert.match(await page.locator('#file-state').innerText(), new RegExp(`500 行（${encoding.replace(/[()]/g, '\\$&')}）`));
    assert.match(await page.locator('#results-summary').innerText(), /共 500 人：495 人已核对，5 行有错误/);
    // Each bad row's error names its row and column.
    const errors = await page.locator('#error-list li').allInnerTexts();
    assert.equal(errors.length, Object.keys(BAD).length);
    for (const row of Object.keys(BAD)) assert.ok(errors.some((e) => e.startsWith(`第 ${row} 行，第 `)), `row ${row}: ${errors.join(' | ')}`);
    assert.match(errors[0], /^第 51 行，第 3 列（年龄（周岁） \/ Age \(completed years\) \[age\]）：“四十”不是数字。$/);
    // The export is the CLI's answer, byte for byte, and reads back as the table.
    const results = await downloaded(page, '#export-results');
    assert.equal(results, expected.results);
    const back = Papa.parse(results.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    assert.equal(back.length, 501);
    assert.equal(back[1][1], 'E0001');
    assert.equal(await downloaded(page, '#export-errors'), expected.errors);
    // The watch sees the workers' own requests too (so "stayed home" covers them).
    assert.ok(seen.requests.some((url) => /roster-engine\.[0-9a-f]+\.wasm$/.test(url)), 'the workers\' requests are seen');
    if (kind === 'xlsx') assert.ok(seen.requests.some((url) => /spreadsheet\.[0-9a-f]+\.js$/.test(url)));
    else assert.ok(!seen.requests.some((url) => /spreadsheet\./.test(url)), 'no spreadsheet reader for a CSV');
    await assertStayedHome(page, seen, site.origin);
    await context.close();
  });
}

test('the table: virtualised, sorted and filtered; a row opens the doctor\'s full cited answer', async () => {
  const { page, context, seen } = await openRoster();
  await checkRosterFile(page, files.utf8);
  const shown = () => page.locator('#results-shown').innerText();
  assert.match(await shown(), /显示 500 \/ 500 行/);
  // Only the rows in view are in the page.
  const drawn = await page.locator('#table-body tr:not(.spacer)').count();
  assert.ok(drawn > 10 && drawn < 100, `${drawn} rows drawn`);
  assert.equal(await page.getAttribute('#roster-table', 'aria-rowcount'), '501');
  await page.locator('#filter-status').selectOption('errors');
  assert.match(await shown(), /显示 5 \/ 500 行/);
  await page.locator('#filter-status').selectOption('');
  await page.locator('#filter-category').selectOption('A');
  const aCount = Number((await shown()).match(/显示 (\d+)/)[1]);
  assert.equal(aCount, expected.results.split('\r\n').filter((l) => /^\d+,E\d+,[^,]*,0,符合,A,/.test(l)).length);
  await page.locator('#filter-category').selectOption('');
  await page.locator('#filter-search').fill('E0003');
  assert.match(await shown(), /显示 1 \/ 500 行/);
  await page.locator('#filter-search').fill('');
  // Sorted by category: A first.
  await page.locator('#table-head th[data-key="category"] button').click();
  assert.equal(await page.getAttribute('#table-head th[data-key="category"]', 'aria-sort'), 'ascending');
  assert.equal(await page.locator('#table-body tr:not(.spacer) td.category').first().innerText(), 'A');
  // Scrolled to the end, the last rows are drawn.
  await page.locator('#table-scroll').evaluate((s) => { s.scrollTop = s.scrollHeight; });
  await until(page, () => [...document.querySelectorAll('#table-body tr[aria-rowindex]')].some((tr) => tr.getAttribute('aria-rowindex') === '501'));
  // A row's full answer: the doctor's page itself, with this row's answers.
  await page.locator('#table-head th[data-key="row"] button').click();
  await page.locator('#table-scroll').evaluate((s) => { s.scrollTop = 0; });
  await page.locator('#table-body button.view').first().click();
  const frame = page.frameLocator('#detail-frame');
  await frame.locator('#engine-state[data-state="ready"]').waitFor({ state: 'attached' });
  await frame.locator('#panel-category').waitFor();
  assert.match(await frame.locator('#panel-category').innerText(), /C/);
  assert.equal(await frame.locator('[data-field="age"]').inputValue(), '48');
  assert.ok(await frame.locator('#card-fcg-fulltime .obligations, #card-fcg-fulltime [data-kind]').count() > 0, 'obligations shown');
  // axe on the roster with the answer open, and on the answer's own
  // document at the frame's size, every group laid out (layOutAll): axe
  // does not reach into the frame's unseen groups.
  const axe = await new AxeBuilder({ page }).withTags(TAGS).exclude('#detail-frame').analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), []);
  const box = await page.locator('#detail-frame').boundingBox();
  const answer = await site.open({ path: 'roster.html', width: Math.round(box.width), height: Math.round(box.height) });
  await answer.page.goto(new URL(await page.locator('#detail-frame').getAttribute('src'), `${site.origin}/roster.html`).href);
  await answer.page.waitForSelector('#panel-category');
  await layOutAll(answer.page);
  const inner = await new AxeBuilder({ page: answer.page }).withTags(TAGS).analyze();
  assert.deepEqual(inner.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await answer.context.close();
  saveArtifact('roster-detail-1280.png', await page.screenshot());
  await page.locator('#detail-close').click();
  // A row with errors shows them instead.
  await page.locator('#filter-status').selectOption('errors');
  await page.locator('#table-body button.view').first().click();
  assert.match(await page.locator('#detail-errors').innerText(), /此行有错误/);
  await page.locator('#detail-close').click();
  await assertStayedHome(page, seen, site.origin);
  await context.close();
});

test('a team from the roster: the leader\'s page with the members filled in and the team checked', async () => {
  const { page, context, seen } = await openRoster();
  await checkRosterFile(page, files.utf8);
  await page.locator('#team-leader').fill('E0002');
  await page.locator('#team-members').fill('E9999');
  await page.locator('#team-run').click();
  assert.match(await page.locator('#team-state').innerText(), /没有工号“E9999”/);
  await page.locator('#team-members').fill('E0001，E0004');
  await page.locator('#team-origin').selectOption('nhc');
  await page.locator('#team-run').click();
  const frame = page.frameLocator('#detail-frame');
  await frame.locator('#engine-state[data-state="ready"]').waitFor({ state: 'attached' });
  await frame.locator('#team-result .status').waitFor();
  assert.equal(await frame.locator('#team-check li.list-item').count(), 2, 'the two members entered');
  assert.match(await frame.locator('#team-result').innerText(), /fcg:3\.1\.3/);
  await page.locator('#detail-close').click();
  await assertStayedHome(page, seen, site.origin);
  await context.close();
});

test('in English: the words, the messages and the export follow; axe finds nothing', async () => {
  const { page, context, seen } = await openRoster();
  await page.locator('#lang-switch').click();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await checkRosterFile(page, files.utf8);
  assert.match(await page.locator('#results-summary').innerText(), /500 people: 495 checked, 5 rows with errors/);
  assert.equal(await downloaded(page, '#export-results'), expectedEn.results);
  let axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), []);
  // A row's answer opens in English, and passes axe there too.
  await page.locator('#table-body button.view').first().click();
  const frame = page.frameLocator('#detail-frame');
  await frame.locator('#panel-category').waitFor();
  assert.equal(await frame.locator('html').getAttribute('lang'), 'en');
  axe = await new AxeBuilder({ page }).withTags(TAGS).exclude('#detail-frame').analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), []);
  const box = await page.locator('#detail-frame').boundingBox();
  const answer = await site.open({ path: 'roster.html', width: Math.round(box.width), height: Math.round(box.height) });
  await answer.page.goto(new URL(await page.locator('#detail-frame').getAttribute('src'), `${site.origin}/roster.html`).href);
  await answer.page.waitForSelector('html[lang="en"]');
  await answer.page.waitForSelector('#panel-category');
  await layOutAll(answer.page);
  const inner = await new AxeBuilder({ page: answer.page }).withTags(TAGS).analyze();
  assert.deepEqual(inner.violations.map((v) => `${v.id}: ${v.help}`), []);
  await answer.context.close();
  await page.locator('#detail-close').click();
  saveArtifact('roster-1280-en.png', await page.screenshot({ fullPage: true }));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${overflow}px of sideways scrolling at 1280 px`);
  await assertStayedHome(page, seen, site.origin);
  await context.close();
});

test('a file that is not a roster, and one that cannot be read, say so; cancel keeps what was checked', async () => {
  const { page, context } = await openRoster({ width: 360, height: 800 });
  const other = path.join(dir, 'other.csv');
  fs.writeFileSync(other, '部门,人数\r\n心内科,12\r\n');
  await checkRosterFile(page, other);
  assert.match(await page.locator('#file-problem-list').innerText(), /没有一列是模板中的问题/);
  const broken = path.join(dir, 'broken.xlsx');
  fs.writeFileSync(broken, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]));
  await page.setInputFiles('#file', broken);
  await until(page, () => /无法打开|无法读取/.test(document.getElementById('file-state').textContent));
  // A larger roster, cancelled as soon as it starts: the page answers at once.
  const big = path.join(dir, 'big.csv');
  fs.writeFileSync(big, fs.readFileSync(files.utf8, 'utf8') + fs.readFileSync(files.utf8, 'utf8').split('\r\n').slice(1).join('\r\n').repeat(8));
  await page.setInputFiles('#file', big);
  await page.waitForSelector('#progress-box:not([hidden])');
  await page.locator('#cancel').click();
  assert.match(await page.locator('#file-state').innerText(), /已取消/);
  saveArtifact('roster-360.png', await page.screenshot({ fullPage: true }));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${overflow}px of sideways scrolling`);
  await context.close();
});

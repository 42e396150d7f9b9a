// Hostile input, through every way it reaches the page: the form's fields,
// a share link's fragment, the answers this device remembered, and a roster
// file (with the roster's own text fields). Each carries script and HTML
// payloads, __proto__ / constructor / prototype keys, values of the wrong
// shape, invalid base64 and a megabyte of text. Whatever comes in, no
// payload runs (its flag stays unset, no dialog opens, no image is
// fetched), the CSP and Trusted Types refuse nothing (nothing even tried),
// the page is never blank (the form and the answers are there, the engine
// starts), and the page either says what it could not take, in its own
// words, or leaves the bad part out.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Papa = require('papaparse');
const XLSX = require('@e965/xlsx');
const { siteInBrowser, assertStayedHome, violations, waitForEngine, until, checkRosterFile, downloaded } = require('./support');
const { csvText, nativeAnswer } = require('./roster-fixture');

const site = siteInBrowser();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-hostile-'));

// Each payload, run, would set window.__pwned and open a dialog; an <img>
// would also fetch /x from the site.
const RUN = 'window.__pwned=1;alert(1)';
const PAYLOADS = [
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `"><svg onload="${RUN}">`,
  `javascript:${RUN}`,
  `</textarea><iframe srcdoc="<script>parent.${RUN}</script>">`,
];
const HTML = PAYLOADS.join(' ');
const b64 = (text) => Buffer.from(text).toString('base64url');
const b64Json = (value) => b64(JSON.stringify(value));
const STORE_KEY = 'doctors-self-check/v1';  // site/js/keep.js

// A page watched for what would show a payload ran: dialogs, and the flag
// in every frame.
async function openWatched(options = {}) {
  const dialogs = [];
  const opened = await site.open({
    ...options,
    beforeLoad: async (page) => {
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss().catch(() => {});
      });
      if (options.beforeLoad) await options.beforeLoad(page);
    },
  });
  return { ...opened, dialogs };
}

// Nothing ran, nothing was refused, nothing broke, no prototype took a key.
async function assertInert({ page, seen, dialogs }) {
  for (const frame of page.frames()) {
    const state = await frame.evaluate(() => ({
      pwned: window.__pwned, polluted: ({}).polluted ?? Object.prototype.polluted ?? Array.prototype.polluted,
      planted: document.querySelectorAll('img[src="x"], [onerror], [onload], iframe[srcdoc], body script:not([src])').length,
    })).catch((err) => (frame === page.mainFrame() ? { failed: String(err) } : {}));
    assert.deepEqual(state.failed, undefined, state.failed);
    assert.equal(state.pwned, undefined, `a payload ran in ${frame.url().slice(0, 60)}`);
    assert.equal(state.polluted, undefined, 'a prototype was polluted');
    assert.equal(state.planted, 0, 'a payload became markup');
  }
  assert.deepEqual(dialogs, [], 'a dialog opened');
  assert.deepEqual(seen.requests.filter((url) => /\/x$/.test(new URL(url).pathname)), [], 'a payload\'s image was fetched');
  assert.deepEqual(seen.errors, [], 'the page threw or logged an error');
  await assertStayedHome(page, seen, site.origin);
}

// The doctor's page is whole: the form and the answers show, and the engine
// started and answered.
async function assertPageWhole(page) {
  await waitForEngine(page);
  assert.ok(await page.locator('#profile-form').isVisible(), 'the form shows');
  assert.ok(await page.locator('#conclusions').isVisible(), 'the answer panel shows');
  assert.ok(await page.locator('#answers').isVisible(), 'the answers show');
  await until(page, () => Number(document.body.dataset.evaluations || 0) > 0 || !document.getElementById('error-summary').hidden);
}

const linkState = async (page) => ((await page.locator('#link-state').isVisible()) ? page.locator('#link-state').innerText() : '');
const fieldValue = (page, field) => page.locator(`[data-field="${field}"]`).inputValue();

// --- the form ---------------------------------------------------------------

test('the form: script and HTML typed or pasted into every number and date field is refused by the field or named as not a number', async () => {
  const opened = await openWatched();
  const { page } = opened;
  await waitForEngine(page);
  // Every number and date field the page shows (the calculators' too), folded groups opened.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const fields = await page.locator('input[type="number"][data-field], input[type="date"][data-field]')
    .evaluateAll((inputs) => inputs.filter((i) => i.checkVisibility()).map((i) => i.dataset.field));
  assert.ok(fields.length >= 5, fields.join());
  let named = 0;
  for (const field of fields) {
    const input = page.locator(`[data-field="${field}"]`);
    await input.focus();
    await page.keyboard.type(`1e${HTML.slice(0, 40)}`);
    await page.keyboard.insertText(HTML);
    await page.keyboard.press('Tab');
    // The field holds no payload: it took nothing, or the page says it is not a number.
    const value = await input.inputValue();
    assert.doesNotMatch(value, /[<>"]/, field);
    // A number field the browser cannot read is named in the error summary;
    // a date it holds only in part is no date (the question stays
    // unanswered: a message at each key of a date being typed would be noise).
    const { bad, type } = await input.evaluate((i) => ({ bad: i.validity.badInput, type: i.type }));
    if (bad && type === 'number') {
      assert.match(await page.locator('#error-list').innerText(), /请输入数字/, field);
      named += 1;
    }
    if (type === 'date') assert.equal(value, '', field);
    // Cleared as the browser's own "clear" does (the field may be hidden
    // with the answers while an error shows).
    await input.evaluate((i) => {
      i.value = '';
      i.dispatchEvent(new Event('input', { bubbles: true }));
    });
    assert.equal(await page.locator('#error-summary').isVisible(), false, field);
  }
  assert.ok(named > 0, 'no field held text that is not a number: the payloads never reached the browser\'s reading');
  // A select offered a value it does not list (as a tampered page would send) keeps to its own.
  await page.locator('[data-field="title"]').evaluate((s, html) => {
    s.value = html;
    s.dispatchEvent(new Event('change', { bubbles: true }));
  }, HTML);
  assert.equal(await fieldValue(page, 'title'), '');
  await assertPageWhole(page);
  await assertInert(opened);
  await opened.context.close();
});

// --- the share link ---------------------------------------------------------

// A profile whose every kind of field holds the payloads, and values of
// shapes no field takes (String() of the last one throws).
const hostileProfile = {
  age: HTML, birth_date: HTML, city: HTML, title: `professor${HTML}`, retired: HTML, honors: [HTML, { [HTML]: HTML }],
  posts: [{ institution: HTML, role: HTML, second_level: HTML }, HTML, null, 7], education: { level: HTML, full_time: HTML },
  years_in_city: { toString: 1, valueOf: 1 }, achievements: { zhonghua_papers_5y: [{ toString: 1 }] }, [HTML]: HTML,
};
// __proto__, constructor and prototype as keys (JSON text: a JavaScript
// literal would set the prototype instead of making the key).
const protoProfile = '{"__proto__":{"age":44,"polluted":1},"constructor":{"prototype":{"polluted":1}},"prototype":{"polluted":1},' +
  '"age":40,"education":{"__proto__":{"level":"doctorate"},"constructor":"x"},"posts":[{"__proto__":{"role":"director"}}],"toString":"x"}';
const protoTeam = '{"__proto__":{"members":[{}],"polluted":1},"members":[{"__proto__":{"title":"senior"},"constructor":{"polluted":1}}],' +
  '"origin":{"toString":1}}';

const LINKS = [
  // [what, fragment, the page's message (or '' for none), field checks]
  ['script and HTML in every value, and values of the wrong shape', `#p=${b64Json(hostileProfile)}&lang=${encodeURIComponent(HTML)}`,
    /有的回答无法恢复（.*年龄.*）/, { age: '', title: '' }],
  ['__proto__, constructor and prototype keys', `#p=${b64(protoProfile)}&t=${b64(protoTeam)}&lang=__proto__`,
    /有的回答无法恢复/, { age: '40', 'education.level': '' }],
  ['a team that is not one', `#p=${b64Json({ age: 41 })}&t=${b64Json({ members: HTML })}`, /团队成员无法读取/, { age: '41' }],
  ['HTML where base64 belongs', `#p=${encodeURIComponent(HTML)}`, /无法读取/, { age: '' }],
  ['base64 of bytes that are not UTF-8', `#p=${Buffer.from([0xff, 0xfe, 0x7b, 0x22]).toString('base64url')}`, /无法读取/, { age: '' }],
  ['a cut-off base64 and a broken percent escape', `#p=${b64Json({ age: 44 }).slice(0, -3)}%E0%A4&t=%`, /无法读取/, { age: '' }],
  ['JSON that is not an object', `#p=${b64Json(HTML)}`, /无法读取/, { age: '' }],
  ['an empty part', '#p=&t=', /无法读取/, { age: '' }],
  ['a megabyte of base64 JSON', `#p=${b64Json({ age: 44, note: 'x'.repeat(760_000) })}`, /无法读取/, { age: '' }],
  ['a megabyte of script in the fragment, with no answers', `#lang=en&${encodeURIComponent(`<script>${RUN}</script>`).repeat(30_000)}`,
    '', { age: '' }],
  ['a megabyte of team', `#p=${b64Json({ age: 43 })}&t=${'A'.repeat(1_000_000)}`, /团队成员无法读取/, { age: '43' }],
  ['embed options that name nothing', `#embed&policies=${encodeURIComponent(`${HTML},__proto__,constructor`)}&lang=${encodeURIComponent(HTML)}`,
    '', { age: '' }],
];

for (const [what, hash, message, fields] of LINKS) {
  test(`a share link with ${what}: ${message ? 'the page says what it could not restore' : 'ignored'}, nothing runs`, async () => {
    assert.ok(hash.length < 2_000_000, 'within what a browser takes as an address');
    const opened = await openWatched({ hash });
    const { page } = opened;
    await assertPageWhole(page);
    const said = await linkState(page);
    if (message) assert.match(said, message, said);
    else assert.equal(said, '');
    assert.ok(!said.includes('<'), `the message echoes no markup: ${said}`);
    for (const [field, value] of Object.entries(fields)) assert.equal(await fieldValue(page, field), value, field);
    // The answer follows what the form shows, not the link: a fresh answer works.
    await page.locator('[data-field="age"]').fill('45');
    await until(page, () => document.getElementById('error-summary').hidden && !document.getElementById('answer-cards').hidden);
    await assertInert(opened);
    await opened.context.close();
  });
}

test('a link\'s __proto__ keys restore nothing of theirs and pollute nothing, in the form or in the team', async () => {
  const opened = await openWatched({ hash: `#p=${b64(protoProfile)}&t=${b64(protoTeam)}` });
  const { page } = opened;
  await assertPageWhole(page);
  assert.equal(await fieldValue(page, 'age'), '40');
  assert.equal(await page.locator('[data-field="posts"] li.list-item').count(), 1);
  assert.equal(await page.locator('[data-field="posts"] [data-sub="role"]').inputValue(), '');
  assert.equal(await page.locator('[data-team-field="members"] li.list-item').count(), 1);
  assert.equal(await page.locator('[data-team-field="members"] [data-sub="title"]').inputValue(), '');
  assert.equal(await page.locator('[data-team-field="origin"]').inputValue(), '');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await assertInert(opened);
  await opened.context.close();
});

// --- remembered answers -----------------------------------------------------

const STORED = [
  // [what, the stored text, the page's message or '' , field checks, the remember box ticked]
  ['text that is not JSON', `<script>${RUN}</script>`, '', { age: '' }, false],
  ['JSON that is not a kept copy', JSON.stringify([HTML]), '', { age: '' }, false],
  ['a profile that is not an object', JSON.stringify({ profile: HTML, lang: HTML }), '', { age: '' }, false],
  ['script and HTML in every value', JSON.stringify({ profile: hostileProfile, team: { members: [{ title: HTML }], origin: HTML }, lang: HTML }),
    /有的回答无法恢复/, { age: '', title: '' }, true],
  ['__proto__, constructor and prototype keys', `{"profile":${protoProfile},"team":${protoTeam},"lang":"constructor","__proto__":{"profile":{"age":30}}}`,
    /有的回答无法恢复/, { age: '40' }, true],
  ['a megabyte in one answer', JSON.stringify({ profile: { age: 39, city: 'x'.repeat(1_000_000) } }), /有的回答无法恢复（.*城市.*）/, { age: '39', city: '' }, true],
];

for (const [what, stored, message, fields, ticked] of STORED) {
  test(`remembered answers with ${what}: ${message ? 'the page says what it could not restore' : 'ignored'}, nothing runs`, async () => {
    const opened = await openWatched({
      beforeLoad: (page) => page.addInitScript(([key, value]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('seeded', '1');
        }
      }, [STORE_KEY, stored]),
    });
    const { page } = opened;
    await assertPageWhole(page);
    const said = await linkState(page);
    if (message) assert.match(said, message, said);
    else assert.equal(said, '');
    for (const [field, value] of Object.entries(fields)) assert.equal(await fieldValue(page, field), value, field);
    assert.equal(await page.locator('#remember').isChecked(), ticked);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await assertInert(opened);
    await opened.context.close();
  });
}

// --- the roster ---------------------------------------------------------------

// The template's roster with hostile staff IDs and names (markup, formulas
// a spreadsheet would run, prototype names), a hostile cell the engine
// refuses, and two hostile extra columns.
const FORMULAS = ['=cmd|\' /C calc\'!A0', '+SUM(1,1)', '-2+3', '@SUM(1)', '=HYPERLINK("http://evil.example","x")'];
function hostileRoster() {
  const grid = Papa.parse(csvText(12), { skipEmptyLines: true }).data;
  const col = (field) => grid[0].findIndex((h) => h.endsWith(`[${field}]`));
  const [id, name, age] = [col('id'), col('name'), col('age')];
  const who = [[PAYLOADS[1], PAYLOADS[0]], [PAYLOADS[2], PAYLOADS[4]], ['__proto__', 'constructor'], ['prototype', 'toString'],
    ...FORMULAS.map((f, i) => [f, FORMULAS[(i + 1) % FORMULAS.length]])];
  who.forEach(([i, n], k) => Object.assign(grid[k + 1], { [id]: i, [name]: n }));
  grid[10][age] = PAYLOADS[2];
  grid[0].push('__proto__', HTML);
  for (const row of grid.slice(1)) row.push(PAYLOADS[0], PAYLOADS[1]);
  const file = path.join(dir, 'hostile.csv');
  fs.writeFileSync(file, Papa.unparse(grid, { newline: '\r\n' }) + '\r\n');
  // The same cells in a workbook, read by the spreadsheet reader in the workers.
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(grid), '<img src=x onerror=alert(1)>');
  const workbook = path.join(dir, 'hostile.xlsx');
  XLSX.writeFile(book, workbook);
  return { file, workbook, who, rows: grid.length - 1 };
}

async function openRoster() {
  const opened = await openWatched({ path: 'roster.html' });
  await opened.page.waitForSelector('#file');
  return opened;
}

test('a roster with markup, formulas and prototype names in its cells: shown as text, exported as the CLI writes it, nothing runs', async () => {
  const { file, who, rows } = hostileRoster();
  const opened = await openRoster();
  const { page } = opened;
  await checkRosterFile(page, file);
  assert.match(await page.locator('#results-summary').innerText(), new RegExp(`共 ${rows} 人`));
  // Every ID and name is in the table as the file wrote it, as text.
  const cells = await page.locator('#table-body tr[data-row]').evaluateAll((trs) => trs.map((tr) => [tr.cells[2].textContent, tr.cells[3].textContent]));
  for (const pair of who) assert.ok(cells.some((c) => c[0] === pair[0] && c[1] === pair[1]), `${pair.join(' / ')} in ${JSON.stringify(cells)}`);
  // The refused cell and the unknown columns are named, the cell's text quoted as text.
  const problems = `${await page.locator('#file-problems').innerText()}\n${await page.locator('#error-list').innerText()}`;
  assert.ok(problems.includes(PAYLOADS[2]), problems);
  // The search field and the team's fields take the payloads as text.
  await page.locator('#filter-search').fill(PAYLOADS[1]);
  assert.match(await page.locator('#results-shown').innerText(), /显示 1 \//);
  await page.locator('#filter-search').fill('__proto__');
  assert.match(await page.locator('#results-shown').innerText(), /显示 1 \//);
  await page.locator('#filter-search').fill('');
  await page.locator('#team-leader').fill('constructor');
  await page.locator('#team-members').fill(PAYLOADS[1]);
  await page.locator('#team-run').click();
  assert.match(await page.locator('#team-state').innerText(), /没有工号“(constructor|<img)/);
  // A team of "__proto__" and "prototype" is two rows like any other: the leader's page opens.
  await page.locator('#team-leader').fill('__proto__');
  await page.locator('#team-members').fill('prototype');
  await page.locator('#team-run').click();
  await page.frameLocator('#detail-frame').locator('#team-result .status').waitFor();
  assert.ok((await page.locator('#detail-title').innerText()).includes('__proto__'));
  await page.locator('#detail-close').click();
  // A row's answer opens (the row named <img …>): the doctor's page, whole, in its frame.
  await page.locator('#filter-search').fill(PAYLOADS[1]);
  await page.locator('#table-body button.view').first().click();
  assert.ok((await page.locator('#detail-title').innerText()).includes(PAYLOADS[1]));
  const frame = page.frameLocator('#detail-frame');
  await frame.locator('#engine-state[data-state="ready"]').waitFor({ state: 'attached' });
  await frame.locator('#profile-form').waitFor();
  assert.deepEqual(await violations(page), []);
  await assertInert(opened);
  await page.locator('#detail-close').click();
  // The export is the native CLI's for the same file, byte for byte, and
  // reads back to the same IDs and names.
  const expected = nativeAnswer(file);
  const results = await downloaded(page, '#export-results');
  assert.equal(results, expected.results);
  assert.equal(await downloaded(page, '#export-errors'), expected.errors);
  const back = Papa.parse(results.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  for (const pair of who) assert.ok(back.some((r) => r[1] === pair[0] || r[1] === `'${pair[0]}`), pair[0]);
  await assertInert(opened);
  await opened.context.close();
});

test('the same cells in a workbook (its sheet named with markup): shown as text, nothing runs', async () => {
  const { workbook, who, rows } = hostileRoster();
  const opened = await openRoster();
  const { page } = opened;
  await checkRosterFile(page, workbook);
  assert.match(await page.locator('#file-state').innerText(), /<img src=x onerror=alert\(1\)>/, 'the sheet\'s name, as text');
  assert.match(await page.locator('#results-summary').innerText(), new RegExp(`共 ${rows} 人`));
  const cells = await page.locator('#table-body tr[data-row]').evaluateAll((trs) => trs.map((tr) => [tr.cells[2].textContent, tr.cells[3].textContent]));
  for (const pair of who) assert.ok(cells.some((c) => c[0] === pair[0] && c[1] === pair[1]), `${pair.join(' / ')} in ${JSON.stringify(cells)}`);
  await assertInert(opened);
  await opened.context.close();
});

// A spreadsheet program runs a CSV cell that starts with =, +, - or @ as a
// formula (CSV injection, OWASP): the results export writes a staff ID or
// name that starts so as text ('=…), and the CLI the same bytes (its writer,
// core/src/csv.cpp, and the page's csvField).
test('the results export writes a formula-like staff ID or name as text', async () => {
  const { file } = hostileRoster();
  const opened = await openRoster();
  await checkRosterFile(opened.page, file);
  const back = Papa.parse((await downloaded(opened.page, '#export-results')).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const risky = back.slice(1).flatMap((r) => [r[1], r[2]]).filter((cell) => /^[=+\-@\t\r]/.test(cell));
  assert.deepEqual(risky, []);
  await opened.context.close();
});

test('a roster file that is not one (HTML, a megabyte of script, a broken workbook): the roster says it cannot read it, nothing runs', async () => {
  const opened = await openRoster();
  const { page } = opened;
  const files = {
    'page.csv': `<html><body>${HTML}</body></html>\r\n${HTML}\r\n`,
    'big.csv': `${HTML}\r\n`.repeat(Math.ceil(1_000_000 / HTML.length)),
    'book.xlsx': Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from(HTML)]),
  };
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    await page.setInputFiles('#file', file);
    await until(page, () => !/正在读取/.test(document.getElementById('file-state').textContent) &&
      (/无法/.test(document.getElementById('file-state').textContent) || !document.getElementById('file-problems').hidden), null, 30_000);
    const said = `${await page.locator('#file-state').innerText()} ${await page.locator('#file-problems').innerText()}`;
    assert.match(said, /没有一列是模板中的问题|无法打开|无法读取/, `${name}: ${said}`);
  }
  assert.ok(await page.locator('#file').isVisible(), 'the roster is still there to take another file');
  await assertInert(opened);
  await opened.context.close();
});

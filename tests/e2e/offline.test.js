// Offline, and a new version (site/sw.js, site/js/offline.js) in Debian's
// Chromium. After one visit the page answers a persona and the roster view
// checks a staff file with the network off. Then a second, real build is
// published (scripts/build-site.js run again on build A's engine files with
// two changes a new release brings: a changed engine script and a changed
// clause text): when the network comes back the open page says a new version
// of the rules is ready, changes nothing until the doctor presses Update,
// and then runs the new build, answers kept. Every request is watched:
// before the update the page asks only for build A's files, after it only
// for build B's.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { AxeBuilder } = require('@axe-core/playwright');
const { startServer } = require('../../scripts/start-server');
const { startBrowser, openPage, assertStayedHome, waitForEngine, enter, card, until, checkRosterFile } = require('./support');
const { personas } = require('./personas');
const { csvText, rosterFiles } = require('./roster-fixture');

// Playwright reports a service worker's own fetches (context.on('request'))
// only with this switch; the browser runs in this process.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const ROOT = path.resolve(__dirname, '../..');
const DIST = process.env.TALENT_DIST || path.join(ROOT, 'dist');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// What the wasm build writes, which scripts/build-site.js builds the site from.
const ENGINE_FILES = ['engine.js', 'engine.wasm', 'clauses.json', 'roster-engine.js', 'roster-engine.wasm'];
const MARKER = '【第二版】';
const CLAUSE = 'fcg:2.1.1';
const academician = personas.find((p) => p.name === 'an academician from outside the city');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-'));
const served = path.join(work, 'served');   // what the host serves: build A, then build B
const buildB = path.join(work, 'build-b');
const state = {};

// Build B, made the way a release is: the site built again from engine
// files of which two changed (the engine's glue and one clause's text).
function makeSecondBuild() {
  fs.mkdirSync(buildB);
  for (const f of ENGINE_FILES) fs.copyFileSync(path.join(DIST, f), path.join(buildB, f));
  fs.appendFileSync(path.join(buildB, 'engine.js'), '\n// the second build of tests/e2e/offline.test.js\n');
  const clauses = JSON.parse(fs.readFileSync(path.join(buildB, 'clauses.json'), 'utf8'));
  clauses[CLAUSE].zh += MARKER;
  fs.writeFileSync(path.join(buildB, 'clauses.json'), JSON.stringify(clauses));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-site.js')], { env: { ...process.env, TALENT_DIST_DIR: buildB }, stdio: 'ignore' });
}

// The host's files replaced by another build's, as an upload does.
function publish(dir) {
  fs.rmSync(served, { recursive: true, force: true });
  fs.cpSync(dir, served, { recursive: true });
}

// A build's hashed files, and its one file of a kind (app, engine .js …).
function filesOf(dir) {
  const names = fs.readdirSync(dir).filter((f) => /\.[0-9a-f]{10}\./.test(f));
  return { all: new Set(names), named: (kind, ext = '') => names.find((f) => f.startsWith(`${kind}.`) && f.endsWith(ext)) };
}

// The hashed files a list of requests asked for.
const hashedNames = (urls) => urls.map((u) => path.posix.basename(new URL(u).pathname)).filter((f) => /\.[0-9a-f]{10}\./.test(f));

before(async () => {
  makeSecondBuild();
  publish(DIST);
  state.A = filesOf(DIST);
  state.B = filesOf(buildB);
  assert.notEqual(state.A.named('engine', '.js'), state.B.named('engine', '.js'), 'build B has its own engine script');
  assert.notEqual(state.A.named('clauses'), state.B.named('clauses'), 'build B has its own clause texts');
  assert.notEqual(fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8'), fs.readFileSync(path.join(buildB, 'sw.js'), 'utf8'));
  state.server = await startServer(served);
  state.browser = await startBrowser();
});
after(async () => {
  await state.browser?.close();
  state.server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

const workerActive = (page) => until(page, async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return registration?.active?.state === 'activated';
}, null, 60_000);

async function answerPersona(page) {
  await enter(page, academician.answers);
  for (const [outcome, [status]] of Object.entries(academician.outcomes))
    assert.equal(await card(page, outcome).locator(':scope > .status').getAttribute('data-status'), status, outcome);
}

test('after one visit the page and the roster work offline; a new build arrives when the doctor presses Update', async (t) => {
  const origin = state.server.origin;
  const context = await state.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Everything asked of the server, the service worker's own fetches included.
  const network = [];
  context.on('request', (request) => network.push(request.url()));
  const { page, seen } = await openPage(state.browser, origin, { context });

  // A page that is only read fetches neither the engine nor the offline copy.
  await page.waitForLoadState('load');
  assert.equal(await page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration())), false);
  // One visit: when the doctor starts, the worker installs with the whole build and starts.
  const started = Date.now();
  await waitForEngine(page);
  await workerActive(page);
  t.diagnostic(`the worker had build A precached ${Date.now() - started} ms after the doctor started`);
  assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), false,
    'the page loaded from the network is not taken over');
  assert.ok(!hashedNames(network).some((f) => f.startsWith('spreadsheet.')), 'the spreadsheet reader is fetched only when used');

  // Offline: the page comes from the worker and answers.
  await context.setOffline(true);
  await page.reload();
  assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
  await waitForEngine(page);
  await answerPersona(page);
  assert.equal(await page.getAttribute('#update-notice', 'role'), 'status');
  assert.equal(await page.locator('#update-notice').innerText(), '');

  // A second tab of build A whose doctor has not started yet: its engine
  // is fetched only when they do (below, after build B took over).
  const idle = await openPage(state.browser, origin, { context });
  assert.equal(await idle.page.getAttribute('#engine-state', 'data-state'), 'idle');

  // The roster view, offline too: a small staff file, checked in its workers.
  const roster = await context.newPage();
  const rosterRequests = [];
  roster.on('request', (request) => rosterRequests.push(request.url()));
  await roster.goto(`${origin}/roster.html`);
  const csv = path.join(work, 'roster.csv');
  fs.writeFileSync(csv, csvText(20));
  await checkRosterFile(roster, csv);
  assert.match(await roster.locator('#results-summary').innerText(), /共 20 人：20 人已核对/);
  assert.ok(hashedNames(rosterRequests).includes(state.A.named('roster-engine', '.js')), 'the workers\' engine came from the worker');

  // Build B is published. When the network comes back the open pages look
  // for a new version, and say it is ready; build A goes on serving them.
  publish(buildB);
  const atPublish = network.length;
  await context.setOffline(false);
  const notice = page.locator('#update-notice button');
  await notice.waitFor({ timeout: 60_000 });
  assert.match(await page.locator('#update-notice').innerText(), /新版规则已就绪/);
  assert.equal(await notice.innerText(), '更新');
  await roster.locator('#update-notice button').waitFor();
  assert.match(await roster.locator('#update-notice').innerText(), /新版规则已就绪/);
  assert.deepEqual((await new AxeBuilder({ page }).withTags(TAGS).include('#update-notice').analyze()).violations.map((v) => v.id), []);
  // Build B's worker fetched build B's changed files, and copied those
  // build A already had; build A's page asked only for build A's files.
  const installB = hashedNames(network.slice(atPublish));
  assert.ok(installB.includes(state.B.named('engine', '.js')), 'the new worker fetched build B\'s engine script');
  assert.ok(!installB.includes(state.B.named('engine', '.wasm')), 'the unchanged engine.wasm was not fetched again');
  assert.deepEqual(hashedNames(seen.requests).filter((f) => !state.A.all.has(f)), [], 'build A\'s page asked only for build A\'s files');
  assert.equal(await page.locator('#engine-state').getAttribute('data-state'), 'ready', 'nothing changed on its own');

  // Update: the page reloads once, into build B. The roster's tab is not
  // reloaded under the HR office (its table stays); its notice now reloads it.
  const atUpdate = seen.requests.length;
  const reloaded = page.waitForEvent('load');
  await notice.click();
  await reloaded;
  await waitForEngine(page);
  assert.equal(await roster.locator('#results-summary').isVisible(), true, 'the roster was not reloaded on its own');
  assert.equal(await roster.locator('#update-notice button').isVisible(), true);
  await roster.locator('#lang-switch').click();
  assert.match(await roster.locator('#update-notice').innerText(), /^A new version of the rules is ready\..*\sUpdate$/s);

  // The idle tab of build A, told of the new version too, starts its
  // engine offline: build A's engine, still kept for it, not build B's.
  await idle.page.locator('#update-notice button').waitFor();
  await context.setOffline(true);
  await waitForEngine(idle.page);
  const idleAsked = hashedNames(idle.seen.requests);
  assert.ok(idleAsked.includes(state.A.named('engine', '.js')) && idleAsked.includes(state.A.named('engine', '.wasm')), idleAsked.join(' '));
  assert.deepEqual(idleAsked.filter((f) => !state.A.all.has(f)), [], 'the tab of build A asked only for build A\'s files');
  await context.setOffline(false);

  // The page is build B: its own script, engine and clause texts, and the
  // doctor's answers came with it.
  assert.equal(await page.evaluate(() => document.querySelector('script[src^="app."]').getAttribute('src')), state.B.named('app'));
  for (const [outcome, [status]] of Object.entries(academician.outcomes))
    assert.equal(await card(page, outcome).locator(':scope > .status').getAttribute('data-status'), status, `${outcome}, after the update`);
  await card(page, 'fcg.category').locator(':scope > .card-body > .why-block > button.why').click();
  await card(page, 'fcg.category').locator('li.reason button.clause', { hasText: CLAUSE }).first().click();
  await page.waitForSelector('#clause-dialog[open]');
  assert.ok((await page.locator('#clause-zh').innerText()).includes(MARKER), 'build B\'s clause text');
  await page.keyboard.press('Escape');
  const updated = hashedNames(seen.requests.slice(atUpdate));
  for (const [kind, ext] of [['app'], ['engine', '.js'], ['engine', '.wasm'], ['clauses']])
    assert.ok(updated.includes(state.B.named(kind, ext)), `build B's ${kind}${ext || ''}: ${updated.join(' ')}`);
  assert.deepEqual(updated.filter((f) => !state.B.all.has(f)), [], 'no file of another build after the update');

  await assertStayedHome(page, seen, origin);
  await context.close();
});

test('the spreadsheet reader is kept the first time a workbook needs it; workbooks then work offline', async () => {
  const context = await state.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, seen } = await openPage(state.browser, state.server.origin, { context, path: 'roster.html' });
  await workerActive(page);
  await page.reload();  // now the worker serves the page, and its Web Workers
  const reader = filesOf(served).named('spreadsheet');
  const kept = () => until(page, async (name) => {
    for (const key of await caches.keys()) if (await (await caches.open(key)).match(name)) return true;
    return false;
  }, reader);
  assert.equal(await page.evaluate(async (name) => Boolean(await caches.match(name)), reader), false, 'not precached');
  const { xlsx } = rosterFiles(path.join(work, 'workbook'), 20);
  const check = async () => {
    await checkRosterFile(page, xlsx);
    assert.match(await page.locator('#results-summary').innerText(), /共 20 人/);
  };
  await check();
  await kept();
  await context.setOffline(true);
  await page.reload();
  await check();
  await assertStayedHome(page, seen, state.server.origin);
  await context.close();
});

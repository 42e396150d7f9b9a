// What the browser tests share: the built site served from dist/ (the
// repository's own server, on a free port), Debian's Chromium driven by
// playwright-core, a watch on every request and CSP report, and helpers that
// answer questions through the page's own controls.
'use strict';
const assert = require('node:assert/strict');
const { before, after } = require('node:test');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startServer } = require('../../scripts/start-server');

const ROOT = path.resolve(__dirname, '../..');
const DIST = process.env.TALENT_DIST || path.join(ROOT, 'dist');
const ARTIFACTS = path.join(__dirname, 'artifacts');
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
// As root Chromium needs --no-sandbox; the networking flags stop it dialling
// out (see ../shared/spec/toolchain.md).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-default-apps'];

function startSite() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run bash scripts/build.sh`);
  return startServer(DIST);
}

async function startBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// What Chromium writes to the console when the CSP refuses something: a
// refused load or eval, and a Trusted Types refusal ("This document
// requires 'TrustedScriptURL' assignment", "Refused to create a
// TrustedTypePolicy named …").
const CSP_MESSAGE = /Content Security Policy|Refused to|TrustedType|Trusted Type|requires 'Trusted/i;

// A fresh context whose every request and CSP violation is recorded, so a
// test can say none left the origin and none was refused.
async function openPage(browser, origin, { width = 1280, height = 900, path: at = '', hash = '', context: given, beforeLoad } = {}) {
  const context = given || await browser.newContext({ viewport: { width, height }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const seen = { requests: [], csp: [], errors: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('console', (message) => {
    if (CSP_MESSAGE.test(message.text())) seen.csp.push(message.text());
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  // Playwright's init scripts run outside the page's CSP, in every frame
  // (the embedded checker, a roster row's answer) before its own scripts.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  if (beforeLoad) await beforeLoad(page);
  await page.goto(`${origin}/${at}${hash}`);
  return { page, context, seen };
}

// The engine comes when the doctor starts (a key is enough), then says it is ready.
async function waitForEngine(page) {
  if (await page.getAttribute('#engine-state', 'data-state') === 'idle') await page.keyboard.press('Shift');
  await page.waitForSelector('#engine-state[data-state="ready"]', { state: 'attached' });
}

// The English words come on the first switch (a fetch): the page is in
// English once <html lang> says so.
async function switchLanguage(page, lang, button = '#lang-switch') {
  await page.locator(button).click();
  await page.waitForSelector(`html[lang="${lang === 'en' ? 'en' : 'zh-CN'}"]`);
}

// Scrolls the whole page once, top to bottom, so that every question group
// (content-visibility: auto, skipped while off screen) has been laid out and
// its size is remembered: until then an unseen group stands in at 40rem, and
// a tool that measures positions (axe's target-size) sees its content lie
// over the groups below.
async function layOutAll(page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, 0);
    await frame();
  });
}

// The site and the browser for one test file: started before its tests,
// stopped after them. site.open(options) opens a watched page on the site.
function siteInBrowser() {
  const site = {};
  before(async () => {
    site.server = await startSite();
    site.origin = site.server.origin;
    site.browser = await startBrowser();
  });
  after(async () => {
    await site.browser?.close();
    site.server?.stop();
  });
  site.open = (options) => openPage(site.browser, site.origin, options);
  return site;
}

// No request left the origin and the CSP (Trusted Types included) refused
// nothing: as the console reported it, and as the securitypolicyviolation
// events of the page and of every frame in it did.
async function assertStayedHome(page, seen, origin) {
  const home = new URL(origin).origin;
  assert.deepEqual(seen.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== home), [],
    'a request left the origin');
  assert.deepEqual(seen.csp, []);
  assert.deepEqual(await violations(page), []);
}

// The securitypolicyviolation events every frame of the page has seen, each
// with the frame's address. A child frame detached meanwhile has nothing
// left to tell; the page's own frame always answers.
async function violations(page) {
  const found = [];
  for (const frame of page.frames()) {
    const seen = frame === page.mainFrame() ? await frame.evaluate(() => window.__csp)
      : await frame.evaluate(() => window.__csp || []).catch(() => []);
    found.push(...seen.map((v) => `${frame.url().slice(0, 80)}: ${v}`));
  }
  return found;
}

// Polls a function in the page until it returns something true. (Playwright's
// waitForFunction compiles its predicate with eval, which the page's CSP
// rightly refuses; page.evaluate is not subject to it.)
async function until(page, predicate, arg, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.evaluate(predicate, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${predicate}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Waits until the page has answered more than `after` times in all (each
// answer bumps body[data-evaluations]).
const waitForAnswer = (page, after) => until(page, (n) => Number(document.body.dataset.evaluations || 0) > n, after);
const evaluations = (page) => page.evaluate(() => Number(document.body.dataset.evaluations || 0));

// Answers one question the way a person would: picks an option, types a
// number, ticks a box. `scope` is the page or one list item.
async function answer(scope, field, value, { sub = false } = {}) {
  const control = scope.locator(sub ? `[data-sub="${field}"]` : `[data-field="${field}"]`).first();
  const type = await control.getAttribute('data-type');
  switch (type) {
    case 'boolean': {
      const word = value === true ? 'true' : value === false ? 'false' : '';
      await control.locator(`input[value="${word}"]`).check();
      break;
    }
    case 'set':
      await answerAny(control, value);
      for (const v of value) await control.locator(`.list-body input[value="${v}"]`).check();
      break;
    case 'enum':
    case 'text':
      await control.selectOption(String(value));
      break;
    case 'list':
      await answerAny(control, value);
      await fillItems(control, value);
      break;
    default:
      await control.fill(String(value));
  }
}

// A list's "any?": 有 for entries, 无 for none.
async function answerAny(control, value) {
  if (await control.locator(':scope > [data-any]').count())
    await control.locator(`:scope > [data-any] input[value="${value.length ? 'yes' : 'no'}"]`).check();
}

// Fills the list's items in order, adding one where none is open yet (有
// opens the first by itself).
async function fillItems(control, items) {
  const listed = control.locator(':scope > .list-body > .items > li');
  for (const [i, item] of items.entries()) {
    if ((await listed.count()) <= i) await control.locator(':scope > .list-body > button.add').click();
    for (const [name, v] of Object.entries(item)) await answer(listed.nth(i), name, v, { sub: true });
  }
}

// Adds the team check's core members, through its own list controls, and
// the partner institution when given.
async function addTeamMembers(page, members, { origin } = {}) {
  const before = await evaluations(page);
  if (origin) await page.locator('[data-team-field="origin"]').selectOption(origin);
  await fillItems(page.locator('[data-team-field="members"]'), members);
  await waitForAnswer(page, before);
}

// Enters a persona's answers in order. The page answers synchronously on
// each input event, so when the last control has been set, so has the answer.
async function enter(page, answers) {
  const before = await evaluations(page);
  for (const [field, value] of answers) {
    if (field.startsWith('wenzhou.') || field === 'english') await openWenzhou(page);
    await answer(page, field, value);
  }
  await waitForAnswer(page, before);
}

async function openWenzhou(page) {
  const details = page.locator('#group-wenzhou');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

const card = (page, outcome) => page.locator(`.card[data-outcome="${outcome}"]`);

// Opens "其他项目 / Other programmes", where the cards of programmes the
// doctor is not eligible for are folded.
async function openOthers(page) {
  const others = page.locator('#other-programmes');
  if ((await others.isVisible()) && !(await others.evaluate((d) => d.open))) await others.locator('summary').click();
}

// A screenshot of the whole page as laid out in a window that tall: parts
// the page lays out only near the viewport (content-visibility) are then
// drawn, which a plain full-page screenshot leaves blank.
async function screenshotWhole(page) {
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(height, 16000) });
  const png = await page.screenshot({ fullPage: true });
  await page.setViewportSize(size);
  return png;
}

function saveArtifact(name, data) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, name), data);
}

// Gives the roster view a file and waits until it has checked it (the body's
// data-checked changes once the rows are in), workers and all.
async function checkRosterFile(page, file) {
  const before = await page.evaluate(() => document.body.dataset.checked || '');
  await page.setInputFiles('#file', file);
  await until(page, (b) => document.body.dataset.checked && document.body.dataset.checked !== b, before, 60_000);
}

// The text of what pressing `button` downloads (the roster's exports).
async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  return fs.readFileSync(await download.path(), 'utf8');
}

module.exports = {
  ARTIFACTS, CSP_MESSAGE, siteInBrowser, startBrowser, assertStayedHome, violations, openPage, waitForEngine, switchLanguage, layOutAll, until, waitForAnswer, evaluations, answer, enter, addTeamMembers, openWenzhou, card, openOthers, screenshotWhole, saveArtifact,
  checkRosterFile, downloaded,
};

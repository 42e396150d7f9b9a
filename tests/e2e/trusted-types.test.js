// Trusted Types: the page, the roster and the portal's embed run with
// `require-trusted-types-for 'script'` in their CSP, each allowing only the
// policies it makes (site/js/trusted-urls.js: "own-scripts"; the portal
// none), and a walk through each (a doctor's answers, the other language, a
// clause, the share link, remembering, the printout; a roster in CSV and as
// a workbook, a row's answer, a team; the embedded checker) meets no
// refusal. The CSP is shown to bite: a plain string at a script sink, or a
// policy of another name, is refused and reported.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { siteInBrowser, assertStayedHome, violations, waitForEngine, switchLanguage, enter, addTeamMembers, card, until, checkRosterFile } = require('./support');
const { personas } = require('./personas');
const { rosterFiles } = require('./roster-fixture');

const site = siteInBrowser();
const deputyDirector = personas.find((p) => p.name.startsWith('a C-category')).answers;
const files = rosterFiles(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-tt-')), 60);

const cspOf = (page) => page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');

test('each page requires Trusted Types for scripts and allows only its own policies', async () => {
  for (const [at, policies] of [['', 'own-scripts'], ['roster.html', 'own-scripts'], ['examples/portal.html', "'none'"]]) {
    const { page, context } = await site.open({ path: at });
    const csp = await cspOf(page);
    assert.match(csp, /(^|; )require-trusted-types-for 'script'(;|$)/, at);
    assert.match(csp, new RegExp(`(^|; )trusted-types ${policies}(;|$)`), at);
    assert.doesNotMatch(csp, /allow-duplicates/, at);
    await context.close();
  }
});

test('the CSP bites: a plain string at a script sink and a policy of another name are refused and reported', async () => {
  const { page, context, seen } = await site.open();
  const refused = await page.evaluate(() => {
    const tries = {
      src: () => { document.createElement('script').src = 'x.js'; },
      html: () => { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); },
      policy: () => trustedTypes.createPolicy('another', { createHTML: (s) => s }),
    };
    return Object.entries(tries).filter(([, attempt]) => {
      try {
        attempt();
        return false;
      } catch {
        return true;
      }
    }).map(([name]) => name);
  });
  assert.deepEqual(refused, ['src', 'html', 'policy']);
  // Both watches of the tests see it: the console and the page's own events.
  await until(page, () => window.__csp.length >= 3);
  assert.equal((await violations(page)).length, 3);
  assert.ok(seen.csp.length >= 2, seen.csp.join('\n'));
  await context.close();
});

test('the page walked under Trusted Types: answers, English, a clause, share, remember, copy, the printout, the quick check', async () => {
  const { page, context, seen } = await site.open();
  await waitForEngine(page);  // the engine's glue came through the policy
  assert.ok(seen.requests.some((url) => /engine\.[0-9a-f]+\.js$/.test(url)));
  await enter(page, deputyDirector);
  await addTeamMembers(page, [{ title: 'senior', education: 'doctorate', retired: false }], { origin: 'nhc' });
  await switchLanguage(page, 'en');
  await card(page, 'fcg.category').locator('button.clause').first().click();
  await page.waitForSelector('#clause-dialog[open]');
  await page.keyboard.press('Escape');
  await page.locator('#share').click();
  const link = await page.locator('#share-link').inputValue();
  assert.match(link, /#p=/);
  await page.locator('#remember').check();
  await page.locator('#copy-case').click();
  await page.locator('#record-details summary').click();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('#print-header').isVisible());
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await page.locator('#reset').click();
  await page.locator('.quick-start').first().click();
  await page.locator('#quick-next').click();
  await page.locator('#quick-stop').click();
  // A page opened from the share link restores under the same CSP.
  const other = await site.open({ hash: new URL(link).hash });
  await waitForEngine(other.page);
  assert.equal(await other.page.locator('[data-field="age"]').inputValue(), '48');
  await assertStayedHome(other.page, other.seen, site.origin);
  await other.context.close();
  assert.deepEqual(seen.errors, []);
  await assertStayedHome(page, seen, site.origin);
  await context.close();
});

test('the roster walked under Trusted Types: workers, a CSV, a workbook, a row\'s answer, a team, English', async () => {
  const { page, context, seen } = await site.open({ path: 'roster.html' });
  await checkRosterFile(page, files.utf8);
  assert.match(await page.locator('#results-summary').innerText(), /共 60 人/);
  await checkRosterFile(page, files.xlsx);  // the workers import the spreadsheet reader
  assert.ok(seen.requests.some((url) => /spreadsheet\.[0-9a-f]+\.js$/.test(url)));
  await page.locator('#table-body button.view').first().click();
  const frame = page.frameLocator('#detail-frame');
  await frame.locator('#engine-state[data-state="ready"]').waitFor({ state: 'attached' });
  await frame.locator('#panel-category').waitFor();
  await page.locator('#detail-close').click();
  await page.locator('#team-leader').fill('E0002');
  await page.locator('#team-members').fill('E0001，E0004');
  await page.locator('#team-run').click();
  await frame.locator('#team-result .status').waitFor();
  // The frame's own record, before it closes.
  assert.deepEqual(await violations(page), []);
  await page.locator('#detail-close').click();
  await page.locator('#lang-switch').click();
  await until(page, () => document.body.dataset.checked && Number(document.body.dataset.checked) > 2);
  assert.deepEqual(seen.errors, []);
  await assertStayedHome(page, seen, site.origin);
  await context.close();
});

test('the portal\'s embed under Trusted Types: the checker in its frame answers, and neither document refuses anything', async () => {
  const { page, context, seen } = await site.open({ path: 'examples/portal.html', width: 1000 });
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-field="age"]').focus();
  await frame.locator('#engine-state[data-state="ready"]').waitFor({ state: 'attached' });
  await frame.locator('[data-field="age"]').fill('45');
  await frame.locator('#answer-cards:not([hidden])').waitFor({ state: 'attached' });
  assert.equal(page.frames().length, 2);
  assert.deepEqual(seen.errors, []);
  await assertStayedHome(page, seen, site.origin);
  await context.close();
});

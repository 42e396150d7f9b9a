// The quick check, as three personas would use it: it asks the first of the
// engine's open questions, one at a time; the persona answers what it knows
// and skips the rest (不确定). At the end every programme has the status the
// persona's full answers give, and the page says how many questions it took
// before the answer stopped changing (saved as quick-check-counts.json).
'use strict';
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { siteInBrowser, assertStayedHome, waitForEngine, answer, saveArtifact } = require('./support');
const { personas } = require('./personas');

const site = siteInBrowser();
const counts = {};

const chosen = ['a C-category deputy director and doctoral supervisor at an NHC hospital', 'a Wenzhou clinician aged 50',
  'a Fangchenggang junior doctor for the backup pool', 'an academician from outside the city'];

const statuses = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.card[data-outcome]')]
  .map((c) => [c.dataset.outcome, c.querySelector(':scope > .status').dataset.status])));
const current = (page) => page.evaluate(() => {
  const block = document.querySelector('.q-current');
  if (!block) return null;
  return block.dataset.field || block.querySelector('[data-field]').dataset.field;
});

for (const name of chosen) {
  const persona = personas.find((p) => p.name.startsWith(name));
  test(`the quick check for ${persona.name}`, async () => {
    const { page, context, seen } = await site.open({ width: 360, height: 800 });
    await waitForEngine(page);
    const known = new Map(persona.answers);
    await page.locator('.quick-start').first().click();
    let asked = 0;
    let lastChange = 0;
    let before = await statuses(page);
    for (let field = await current(page); field !== null && asked < 60; field = await current(page)) {
      asked += 1;
      if (known.has(field)) {
        await answer(page, field, known.get(field));
        await page.locator('#quick-next').click();
      } else {
        await page.locator('#quick-skip').click();
      }
      const now = await statuses(page);
      if (JSON.stringify(now) !== JSON.stringify(before)) lastChange = asked;
      before = now;
    }
    assert.ok(await page.locator('#quick-done').isVisible(), 'the quick check ends when nothing open is left');
    for (const [outcome, [status]] of Object.entries(persona.outcomes))
      assert.equal(before[outcome], status, `${outcome} after the quick check`);
    counts[persona.name] = { asked, answer_stopped_changing_after: lastChange };
    // Back returns to the last question; stop returns to the whole form.
    await page.locator('#quick-back').click();
    assert.notEqual(await current(page), null);
    await page.locator('#quick-stop').click();
    assert.equal(await page.locator('#quick-check').isVisible(), false);
    assert.ok(await page.locator('[data-field="age"]').isVisible(), 'the full form is back');
    await assertStayedHome(page, seen, site.origin);
    await context.close();
  });
}

after(() => {
  saveArtifact('quick-check-counts.json', JSON.stringify(counts, null, 2));
  for (const [name, c] of Object.entries(counts))
    console.log(`# quick check: ${name}: ${c.asked} questions asked, answer stopped changing after ${c.answer_stopped_changing_after}`);
});

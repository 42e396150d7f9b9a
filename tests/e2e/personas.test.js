// Each persona, entered through the page's own controls in Chinese and in
// English: the status and category on each programme card, the amounts and
// reasons a doctor must see, and that nothing left the origin.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { siteInBrowser, assertStayedHome, waitForEngine, enter, card, openOthers, screenshotWhole, saveArtifact } = require('./support');
const { STATUS, MAY_APPLY, CATEGORY, personas } = require('./personas');

const site = siteInBrowser();

async function switchTo(page, lang) {
  if (lang === 'en') {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.waitForSelector('html[lang="en"]');
  }
  assert.equal(await page.getAttribute('html', 'lang'), lang === 'en' ? 'en' : 'zh-CN');
}

for (const persona of personas) {
  for (const lang of ['zh', 'en']) {
    test(`${persona.name} (${lang})`, async () => {
      const { page, context, seen } = await site.open();
      await waitForEngine(page);
      await switchTo(page, lang);
      await enter(page, persona.answers);
      await openOthers(page);

      for (const [outcome, [status, value]] of Object.entries(persona.outcomes)) {
        const line = await card(page, outcome).locator(':scope > .status').innerText();
        // An eligible outcome that opens a competition or committee says "may apply (…)".
        const words = status === 'eligible' ? [STATUS[lang].eligible, MAY_APPLY[lang]] : [STATUS[lang][status]];
        assert.ok(words.some((w) => line.includes(w)), `${outcome}: expected "${words.join('" or "')}", the page says "${line}"`);
        // "符合" is inside "不符合": say which one it is by the data attribute too.
        assert.equal(await card(page, outcome).locator(':scope > .status').getAttribute('data-status'), status, outcome);
        if (value) assert.ok(line.includes(CATEGORY[lang](value)), `${outcome}: expected ${CATEGORY[lang](value)} in "${line}"`);
      }
      for (const [outcome, words] of Object.entries(persona.text || {})) {
        const body = await card(page, outcome).innerText();
        for (const word of words[lang]) assert.ok(body.includes(word), `${outcome}: "${word}" not shown in:\n${body}`);
      }
      for (const [outcome, words] of Object.entries(persona.absent || {})) {
        const body = await card(page, outcome).innerText();
        for (const word of words[lang]) assert.ok(!body.includes(word), `${outcome}: "${word}" should not be shown`);
      }
      for (const [calc, words] of Object.entries(persona.calculators || {})) {
        const result = await page.locator(`#calc-${calc}-result`).innerText();
        assert.ok(result.includes(words[lang]), `calculator ${calc}: "${words[lang]}" not in "${result}"`);
      }
      for (const [outcome, reason] of Object.entries(persona.reasons || {})) {
        await card(page, outcome).locator(':scope > .card-body > .why-block > button.why').click();
        const list = card(page, outcome).locator(':scope > .card-body > .why-block > ul.reasons');
        const item = list.locator('li.reason', { hasText: reason[lang] }).first();
        assert.ok(await item.isVisible(), `${outcome}: reason "${reason[lang]}" not listed`);
        assert.equal(await item.locator('button.clause').innerText(), reason.clause);
      }
      if (persona.summary) {
        const summary = await page.locator('#answer-summary').innerText();
        assert.ok(summary.toLowerCase().includes(persona.summary[lang].toLowerCase()), summary);
      }

      await assertStayedHome(page, seen, site.origin);
      assert.deepEqual(seen.errors, []);
      saveArtifact(`persona-${personas.indexOf(persona) + 1}-${lang}.png`, await screenshotWhole(page));
      await context.close();
    });
  }
}

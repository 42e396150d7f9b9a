// The checker in a hospital portal: the mock portal (site/examples/portal.html)
// embeds it with one line; the iframe follows the checker's height and
// ignores a forged height; data-policies="wz" shows only Wenzhou; the pinned
// copy of embed.js matches its published SRI hash; nothing leaves the origin.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { AxeBuilder } = require('@axe-core/playwright');
const { siteInBrowser, assertStayedHome, waitForEngine, layOutAll, answer, until } = require('./support');

const site = siteInBrowser();
const frameHeight = (page) => page.locator('iframe').first().evaluate((f) => f.getBoundingClientRect().height);

test('the portal embeds the checker with one line; the iframe follows its height and ignores a forged one', async () => {
  const { page, context, seen } = await site.open({ path: 'examples/portal.html', width: 1000, height: 900 });
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-field="age"]').focus();  // the doctor starts: the engine comes
  await frame.locator('#engine-state[data-state="ready"]').waitFor({ state: 'attached' });
  // The checker alone: no page header or footer inside the portal.
  assert.equal(await frame.locator('.page-header h1').isVisible(), false);
  assert.equal(await frame.locator('.page-footer').isVisible(), false);
  const first = await until(page, () => {
    const h = document.querySelector('iframe').getBoundingClientRect().height;
    return h !== 640 && h;  // 40rem until the checker says otherwise
  });
  // The answers change (the clinical track opens with its benefits and
  // obligations): the iframe follows.
  const content = () => frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  const follows = async (before) => {
    for (let i = 0; i < 100; i++) {
      const [now, inside] = [await frameHeight(page), await content()];
      if (now !== before && Math.abs(now - inside) <= 1) return now;
      await page.waitForTimeout(50);
    }
    assert.fail(`the iframe (${await frameHeight(page)} px) did not follow its content (${await content()} px)`);
  };
  await answer(frame, 'city', 'wenzhou');
  for (const [field, value] of [['age', 50], ['conduct_ok', true], ['major_accident', false], ['healthy', true], ['title', 'intermediate'],
    ['education.level', 'bachelor'], ['english', 'professional'], ['wenzhou.clinical_backbone', true]]) await answer(frame, field, value);
  const answered = await follows(first);
  // Open "check your answers": the content grows, and so does the iframe.
  await frame.locator('#record-details summary').click();
  const grown = await follows(answered);
  assert.ok(grown > answered);
  // A height from another window (the portal itself, or another frame) is ignored.
  await page.evaluate(() => window.postMessage({ type: 'doctors-self-check:height', height: 300 }, '*'));
  await page.evaluate(() => document.body.append(document.createElement('iframe')));
  const other = page.frames().find((f) => f.url() === 'about:blank');
  await other.evaluate(() => window.parent.postMessage({ type: 'doctors-self-check:height', height: 300 }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await frameHeight(page), grown);
  await assertStayedHome(page, seen, site.origin);
  await context.close();
});

test('data-policies="wz" shows only Wenzhou\'s questions and programmes', async () => {
  const { page, context, seen } = await site.open({ hash: '#embed&policies=wz', width: 1280 });
  await waitForEngine(page);
  for (const field of ['honors', 'posts', 'retired', 'backup_strengths'])
    assert.equal(await page.locator(`[data-field="${field}"]`).isVisible(), false, `${field} is Fangchenggang's`);
  for (const field of ['age', 'city', 'wenzhou.clinical_backbone', 'english'])
    assert.ok(await page.locator(`[data-field="${field}"]`).isVisible(), `${field} is asked for Wenzhou`);
  assert.ok(await page.locator('#answers-wz').isVisible());
  assert.equal(await page.locator('#answers-fcg, #answers-fcg-recruit').first().isVisible(), false);
  await answer(page, 'city', 'other');
  await until(page, () => document.querySelectorAll('#other-list .card').length > 0);
  assert.equal(await page.locator('#other-list .card[data-outcome^="fcg."]').count(), 0, 'no Fangchenggang card, even folded');
  assert.equal(await page.locator('#panel-category').isVisible(), false);
  // The still-open questions are Wenzhou's.
  const links = await page.locator('#panel-open a[data-field-link]').evaluateAll((as) => as.map((a) => a.dataset.fieldLink));
  assert.ok(!links.includes('honors'), links.join());
  await layOutAll(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help}`), []);
  await assertStayedHome(page, seen, site.origin);
  await context.close();
});

test('the pinned embed.js never changes: its path is named by its content and its SRI hash is published', async () => {
  const { page, context } = await site.open({ path: 'embed/integrity.json' });
  const published = JSON.parse(await page.locator('body').innerText());
  const pinned = await (await fetch(`${site.origin}/${published.path}`)).arrayBuffer();
  const latest = await (await fetch(`${site.origin}/embed.js`)).arrayBuffer();
  assert.match(published.path, /^embed\/v[0-9a-f]{12}\/embed\.js$/);
  assert.equal(`sha384-${crypto.createHash('sha384').update(Buffer.from(pinned)).digest('base64')}`, published.integrity);
  assert.deepEqual(Buffer.from(pinned), Buffer.from(latest));
  assert.match(published.tag, /integrity="sha384-/);
  await context.close();
});

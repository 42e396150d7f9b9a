const { chromium } = require('playwright-core');
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
  const page = await (await b.newContext({viewport:{width:1000,height:900}})).newPage();
  page.on('console', m => console.log('console', m.text()));
  page.on('pageerror', e => console.log('err', e.message));
  await page.goto('http://127.0.0.1:8765/examples/portal.html');
  const frame = page.frameLocator('iframe');
  await frame.locator(`#engine-state[data-state="ready"]`).waitFor({state:"attached"});
  await page.waitForTimeout(500);
  console.log('height', await page.locator('iframe').evaluate(f => f.style.height));
  await page.screenshot({path:'/tmp/s-portal.png'});
  await frame.locator('[data-field="city"]').selectOption('wenzhou');
  await frame.locator('[data-field="age"]').fill('45');
  await page.waitForTimeout(500);
  console.log('height', await page.locator('iframe').evaluate(f => f.style.height));
  console.log('visible fcg q:', await frame.locator('[data-field="honors"]').isVisible(), 'wz q:', await frame.locator('[data-field="wenzhou.clinical_backbone"]').isVisible());
  await b.close();
})();

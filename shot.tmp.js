const { chromium } = require('playwright-core');
const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const P = {
  c: {city:'other',age:48,retired:false,conduct_ok:true,healthy:true,physician:true,education:{level:'doctorate'},title:'senior',phd_supervisor:true,hospital_grade:'tertiary_a',posts:[{institution:'nhc',role:'deputy_director',second_level:true,national_key:false}],honors:[],society_roles:[]},
  wz: {city:'wenzhou',age:50,conduct_ok:true,major_accident:false,healthy:true,title:'intermediate',education:{level:'bachelor'},english:'professional',wenzhou:{clinical_backbone:true}},
  empty: {},
};
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
  for (const [name, prof] of Object.entries(P)) for (const [w, lang] of [[360,'zh'],[1280,'en'],[360,'en'],[1280,'zh']]) {
    if (process.argv[2] && !process.argv[2].split(',').includes(`${name}-${w}-${lang}`)) continue;
    const ctx = await b.newContext({ viewport: { width: w, height: 800 } }); const page = await ctx.newPage();
    page.on('pageerror', e => console.log('err', e.message));
    await page.goto(`http://127.0.0.1:8765/#p=${enc(prof)}${lang==='en'?'&lang=en':''}`);
    await page.waitForSelector('#engine-state[data-state="ready"]');
    await page.waitForTimeout(300);

    await page.screenshot({ path: `/tmp/s-${name}-${w}-${lang}.png` });
    await ctx.close();
  }
  await b.close();
})();

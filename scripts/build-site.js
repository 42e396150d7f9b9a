// Builds the static page into dist/, next to the engine the wasm build wrote
// there (dist/engine.js, dist/engine.wasm).
//
// 1. Asks the built engine for describe(): questions, outcomes, policies
//    (the clause texts come as dist/clauses.json, fetched when opened).
// 2. Renders the form and the empty answer cards into index.html, in
//    Chinese, so the form shows before any script runs.
// 3. Bundles site/js/ into one script (esbuild), with the page's dictionary
//    (zh and en) and the layout compiled in.
// 4. Names every asset by its content hash (app.<hash>.js …), so any static
//    host can cache them for ever; index.html is the only unhashed page.
//    sw.js, the service worker that keeps the build for offline use, is
//    unhashed too (writeServiceWorker), so browsers find a new one.
// 5. Writes manifest.json: the source commit, the versions and every file's
//    SHA-384 (scripts/site/release-manifest.js), the same bytes for two
//    builds of one commit.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const esbuild = require('esbuild');
const { pageText } = require('./site/page-text');
const { renderer, esc } = require('./site/render-page');
const { writeReleaseManifest } = require('./site/release-manifest');

const repo = path.resolve(__dirname, '..');
const site = path.join(repo, 'site');
// TALENT_DIST_DIR: another folder, relative to the repository or absolute.
const dist = path.resolve(repo, process.env.TALENT_DIST_DIR || 'dist');
// What the wasm build writes: the module and the clause texts it no longer carries.
const ENGINE_FILES = ['engine.js', 'engine.wasm', 'clauses.json', 'roster-engine.js', 'roster-engine.wasm'];
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(site, file), 'utf8'));

async function describeEngine() {
  for (const f of ENGINE_FILES)
    if (!fs.existsSync(path.join(dist, f))) throw new Error(`dist/${f} is missing: build the wasm preset first`);
  const createEngine = require(path.join(dist, 'engine.js'));
  const engine = await createEngine({ wasmBinary: fs.readFileSync(path.join(dist, 'engine.wasm')) });
  return { described: JSON.parse(engine.describe()), version: JSON.parse(engine.version()) };
}

// The script files a bundle may start, for its Trusted Types policy
// (site/js/trusted-urls.js): exactly the ones it loads, as JSON text. The
// service worker keeps one fixed name at the site's root, where its scope
// must be; the page registers it.
const SERVICE_WORKER_JS = 'sw.js';
const ownScripts = (...names) => {
  if (names.some((name) => typeof name !== 'string')) throw new Error(`a bundle's own script is missing: ${names.join(', ')}`);
  return JSON.stringify(JSON.stringify(names));
};

function hashedName(name, content) {
  const hash = crypto.createHash('sha256').update(content).digest('hex').slice(0, 10);
  const dot = name.indexOf('.');
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

// Removes what an earlier build wrote, keeping the engine the wasm build
// just put there.
function clearDist() {
  for (const f of fs.readdirSync(dist))
    if (!ENGINE_FILES.includes(f)) fs.rmSync(path.join(dist, f), { recursive: true, force: true });
}

// TALENT_SITE_UNMINIFIED=1 keeps names readable, for profiling the page.
const common = { bundle: true, minify: !process.env.TALENT_SITE_UNMINIFIED, write: false, target: ['chrome100', 'firefox100', 'safari15'], legalComments: 'none' };

async function bundle(define) {
  const js = await esbuild.build({ ...common, entryPoints: [path.join(site, 'js/main.js')], format: 'iife', define });
  const css = await esbuild.build({ ...common, entryPoints: [path.join(site, 'styles.css')] });
  return { js: js.outputFiles[0].contents, css: css.outputFiles[0].contents };
}

// The portal's one line (site/embed/embed.js), minified: at dist/embed.js,
// which follows every release, and at embed/v<version>/embed.js, named by
// its content, which never changes, so a portal can pin it with its SRI
// hash (dist/embed/integrity.json); and the mock portal, site/examples/.
async function writeEmbed() {
  const { code } = await esbuild.transform(fs.readFileSync(path.join(site, 'embed/embed.js'), 'utf8'),
    { minify: true, target: 'es2017', legalComments: 'none' });
  const version = crypto.createHash('sha256').update(code).digest('hex').slice(0, 12);
  const integrity = `sha384-${crypto.createHash('sha384').update(code).digest('base64')}`;
  const pinned = `embed/v${version}/embed.js`;
  fs.writeFileSync(path.join(dist, 'embed.js'), code);
  fs.mkdirSync(path.join(dist, path.dirname(pinned)), { recursive: true });
  fs.writeFileSync(path.join(dist, pinned), code);
  const tag = `<script src="https://HOST/PATH/${pinned}" integrity="${integrity}" crossorigin="anonymous" data-lang="zh" data-policies="wz" async></script>`;
  fs.writeFileSync(path.join(dist, 'embed/integrity.json'), JSON.stringify({ path: pinned, integrity, tag }, null, 2) + '\n');
  fs.mkdirSync(path.join(dist, 'examples'), { recursive: true });
  for (const f of fs.readdirSync(path.join(site, 'examples'))) fs.copyFileSync(path.join(site, 'examples', f), path.join(dist, 'examples', f));
  return { pinned, integrity, tag };
}

// The keys whose Chinese words index.html shows exactly as the dictionary
// has them, outside <noscript> (whose content is text to a browser that runs
// the script): the page reads these back at start (site/js/page-data.js).
function wordsOnPage(html, zh) {
  const shown = html.replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const carried = new Set();
  const patterns = [
    /data-i18n="([^"]+)"[^>]*>([^<]*)<\//g,                // a node with only text
    /aria-label="([^"]*)"[^>]*?data-i18n-aria-label="([^"]+)"/g,
    /content="([^"]*)"[^>]*?data-i18n-content="([^"]+)"/g,
  ];
  for (const [i, pattern] of patterns.entries())
    for (const m of shown.matchAll(pattern)) {
      const [key, words] = i === 0 ? [m[1], m[2]] : [m[2], m[1]];
      if (zh[key] === unescape(words)) carried.add(key);
    }
  return carried;
}

// The roster view (roster.html): its script and worker, the spreadsheet
// reader the worker fetches when a workbook arrives, the CSV templates the
// roster engine writes, and the third-party notices.
async function writeRoster({ emit, assets, common, described, esc }) {
  const rosterText = JSON.parse(fs.readFileSync(path.join(site, 'text/roster.json'), 'utf8'));
  const createRosterEngine = require(path.join(dist, 'roster-engine.js'));
  const roster = await createRosterEngine({ wasmBinary: fs.readFileSync(path.join(dist, 'roster-engine.wasm')) });
  for (const lang of ['zh', 'en']) emit(`roster-template-${lang}.csv`, `\uFEFF${roster.rosterTemplate(lang)}`);
  const sheetjs = path.join(repo, 'node_modules/@e965/xlsx');
  emit('spreadsheet.js', fs.readFileSync(path.join(sheetjs, 'dist/xlsx.full.min.js')));
  const papaparse = path.join(repo, 'node_modules/papaparse');
  const notices = [
    'Third-party software in this site',
    '',
    `papaparse ${require(path.join(papaparse, 'package.json')).version} (roster-worker.*.js), MIT licence:`,
    fs.readFileSync(path.join(papaparse, 'LICENSE'), 'utf8'),
    `SheetJS Community Edition ${require(path.join(sheetjs, 'package.json')).version} (spreadsheet.*.js), Apache License 2.0:`,
    fs.readFileSync(path.join(sheetjs, 'LICENSE'), 'utf8'),
  ].join('\n');
  fs.writeFileSync(path.join(dist, 'THIRD-PARTY-NOTICES.txt'), notices);

  const build = async (entry, define) => (await esbuild.build({ ...common, entryPoints: [path.join(site, entry)], format: 'iife', define })).outputFiles[0].contents;
  emit('roster-worker.js', await build('roster/worker.js', {
    ROSTER_ENGINE_JS: JSON.stringify(assets['roster-engine.js']),
    ROSTER_ENGINE_WASM: JSON.stringify(assets['roster-engine.wasm']),
    SPREADSHEET_JS: JSON.stringify(assets['spreadsheet.js']),
    OWN_SCRIPTS_JSON: ownScripts(assets['roster-engine.js'], assets['spreadsheet.js']),
  }));
  const origin = (described.team_questions || []).find((q) => q.field === 'origin');
  const origins = origin ? origin.values.map((value) => ({ value, ...origin.options[value] })) : [];
  emit('roster.js', await build('roster/main.js', {
    ROSTER_TEXT_JSON: JSON.stringify(JSON.stringify(rosterText)),
    ROSTER_WORKER_JS: JSON.stringify(assets['roster-worker.js']),
    OWN_SCRIPTS_JSON: ownScripts(assets['roster-worker.js'], SERVICE_WORKER_JS),
    TEAM_ORIGINS_JSON: JSON.stringify(JSON.stringify(origins)),
  }));
  const css = await esbuild.build({ ...common, entryPoints: [path.join(site, 'roster/roster.css')] });
  emit('roster.css', css.outputFiles[0].contents);
  const html = fs.readFileSync(path.join(site, 'roster.html'), 'utf8').replace(/\{\{(\w+) ([^}]+)\}\}/g, (_, what, arg) => {
    if (what === 'r') {
      if (rosterText.zh[arg] === undefined) throw new Error(`roster.html: no text for ${arg}`);
      return esc(rosterText.zh[arg]);
    }
    if (what === 'asset') {
      if (!assets[arg]) throw new Error(`roster.html: no asset ${arg}`);
      return assets[arg];
    }
    throw new Error(`roster.html: unknown placeholder {{${what}}}`);
  });
  fs.writeFileSync(path.join(dist, 'roster.html'), html);
}

// The offline copy (site/sw.js → dist/sw.js, unhashed at the root, where its
// scope is): the two pages and every file they load are fetched when the
// worker installs. The spreadsheet reader (about 330 KB gzipped, as much
// as all the rest together) serves only an HR office with a workbook: it
// is kept when first used, not fetched for every visitor. The build's id
// is a hash of what is precached (names and bytes) and nothing else, so the
// same build gives the same sw.js, and the browser installs a worker only
// when something changed. SW_PAGES names, for each page, its own script:
// a page fetched during a host's half-done upload must be of this build.
const PAGES = ['index.html', 'roster.html'];
const ON_DEMAND = ['spreadsheet.js'];
async function writeServiceWorker(assets) {
  const precache = [...PAGES, ...Object.entries(assets).filter(([name]) => !ON_DEMAND.includes(name)).map(([, hashed]) => hashed)].sort();
  const id = crypto.createHash('sha256');
  for (const name of precache) id.update(`${name}\0`).update(fs.readFileSync(path.join(dist, name))).update('\0');
  const build = id.digest('hex').slice(0, 16);
  const js = await esbuild.build({ ...common, entryPoints: [path.join(site, 'sw.js')], format: 'iife', define: {
    SW_BUILD: JSON.stringify(build),
    SW_PRECACHE: JSON.stringify(precache),
    SW_ON_DEMAND: JSON.stringify(ON_DEMAND.map((name) => assets[name])),
    SW_PAGES: JSON.stringify({ 'index.html': assets['app.js'], 'roster.html': assets['roster.js'] }),
  } });
  fs.writeFileSync(path.join(dist, SERVICE_WORKER_JS), js.outputFiles[0].contents);
  const bytes = precache.reduce((sum, name) => sum + fs.statSync(path.join(dist, name)).size, 0);
  console.log(`site: ${SERVICE_WORKER_JS} (build ${build}) precaches ${precache.length} files, ${(bytes / 1024).toFixed(0)} KB before compression`);
}

async function main() {
  const { described, version } = await describeEngine();
  const layout = readJson('layout.json');
  const help = readJson('question-help.json');
  const text = pageText(readJson('text/ui.json'), described, help, layout, version);
  const render = renderer(text, layout, described, help);

  clearDist();
  const assets = {};
  const emit = (name, content) => {
    const hashed = hashedName(name, content);
    fs.writeFileSync(path.join(dist, hashed), content);
    assets[name] = hashed;
  };
  for (const f of ENGINE_FILES) emit(f, fs.readFileSync(path.join(dist, f)));
  emit('icon.svg', fs.readFileSync(path.join(site, 'icon.svg')));

  const manifest = {
    name: text.zh['page.title'], short_name: text.zh['page.title'], lang: 'zh-CN', start_url: '.', display: 'standalone',
    background_color: '#ffffff', theme_color: '#0b4f6c', icons: [{ src: assets['icon.svg'], sizes: 'any', type: 'image/svg+xml' }],
  };
  emit('manifest.webmanifest', JSON.stringify(manifest));

  // The page's words: index.html first (assets named last, once they exist),
  // so that the script leaves out the Chinese words the page already shows.
  const page = fs.readFileSync(path.join(site, 'index.html'), 'utf8').replace(/\{\{(\w+)(?: ([^}]+))?\}\}/g, (whole, what, arg) => {
    switch (what) {
      case 'form': return render.form();
      case 'answers': return render.answers();
      case 'sources': return render.sources();
      case 't': return render.say(arg);
      case 'text': if (text.zh[arg] === undefined) throw new Error(`index.html: no text for ${arg}`); return esc(text.zh[arg]);
      case 'en': if (text.en[arg] === undefined) throw new Error(`index.html: no English for ${arg}`); return esc(text.en[arg]);
      case 'asset': return whole;
      default: throw new Error(`index.html: unknown placeholder {{${what}}}`);
    }
  });
  const carried = wordsOnPage(page, text.zh);
  const scriptWords = Object.fromEntries(Object.entries(text.zh).filter(([key]) => !carried.has(key)));
  emit('words-en.json', JSON.stringify(text.en));

  // The dictionary and layout go in as JSON text, parsed once at start:
  // V8 reads a large JSON.parse string much faster than the same object
  // written as a JavaScript literal.
  const { js, css } = await bundle({
    PAGE_TEXT_ZH_JSON: JSON.stringify(JSON.stringify(scriptWords)),
    PAGE_TEXT_EN_URL: JSON.stringify(assets['words-en.json']),
    PAGE_LAYOUT_JSON: JSON.stringify(JSON.stringify(layout)),
    ENGINE_JS_URL: JSON.stringify(assets['engine.js']),
    OWN_SCRIPTS_JSON: ownScripts(assets['engine.js'], SERVICE_WORKER_JS),
    ENGINE_WASM_URL: JSON.stringify(assets['engine.wasm']),
    CLAUSE_TEXTS_URL: JSON.stringify(assets['clauses.json']),
  });
  emit('styles.css', css);
  emit('app.js', js);

  const html = page.replace(/\{\{asset ([^}]+)\}\}/g, (_, arg) => {
    if (!assets[arg]) throw new Error(`index.html: no asset ${arg}`);
    return assets[arg];
  });
  fs.writeFileSync(path.join(dist, 'index.html'), html);
  fs.copyFileSync(path.join(site, 'robots.txt'), path.join(dist, 'robots.txt'));
  await writeRoster({ emit, assets, common, described, esc });
  await writeServiceWorker(assets);
  const embed = await writeEmbed();
  console.log(`site: a portal embeds the checker with (pinned, never-changing copy):\n  ${embed.tag}`);
  // Last: it lists every file the steps above wrote.
  const release = writeReleaseManifest(repo, dist, version);
  const { commit, dirty } = release.manifest.source;
  console.log(`site: manifest.json (${release.integrity}) lists ${release.manifest.files.length} files of commit ${commit}${dirty ? ' with changes not committed' : ''}`);
  console.log(`site: dist/ has ${fs.readdirSync(dist).sort().join(', ')} (engine ${version.engine})`);
}

main().catch((err) => {
  console.error(`site: ${err.stack}`);
  process.exit(1);
});

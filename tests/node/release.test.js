// A verifiable release (run after the build, like every Node test):
// dist/manifest.json says what dist/ is; a deployed copy is checked against it
// with one command (scripts/verify-release.sh); and a second build of the
// same tree, from a clean build folder elsewhere, gives the same dist/ byte
// for byte, so anyone can rebuild a release from its commit and compare.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const { ROOT, DIST, loadEngine } = require('./engine.js');
const { manifestText: manifestLines } = require('../../scripts/site/release-manifest.js');

const manifestText = () => fs.readFileSync(path.join(DIST, 'manifest.json'), 'utf8');
const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

function filesUnder(dir, prefix = '') {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, name) : [name];
  });
}

test('dist/manifest.json: the source commit, the versions version() gives, every other file with its size and SHA-384, sorted', async () => {
  const manifest = JSON.parse(manifestText());
  const version = JSON.parse((await loadEngine()).version());
  assert.equal(manifest.schema, 'talent-release/1');
  assert.equal(manifest.engine, version.engine);
  assert.deepStrictEqual(manifest.rules, version.rules);
  assert.deepStrictEqual(manifest.rules_dates, version.rules_dates);
  for (const date of Object.values(manifest.rules_dates)) assert.match(date, /^\d{4}-\d{2}-\d{2}$/);

  const head = process.env.TALENT_SOURCE_COMMIT || execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  assert.equal(manifest.source.commit, head);
  assert.equal(typeof manifest.source.dirty, 'boolean');

  const onDisk = filesUnder(DIST).filter((name) => name !== 'manifest.json');
  const listed = manifest.files.map((f) => f.path);
  assert.deepStrictEqual(listed, [...onDisk].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'every file but the manifest, sorted by code unit');
  assert.ok(listed.includes('index.html') && listed.some((name) => name.startsWith('embed/v')), listed.join(', '));
  for (const f of manifest.files) {
    const bytes = fs.readFileSync(path.join(DIST, f.path));
    assert.equal(f.size, bytes.length, f.path);
    assert.equal(f.integrity, sri(bytes), f.path);
  }
  // The embed's pinned copy has the SRI hash a portal is told to use.
  const embed = JSON.parse(fs.readFileSync(path.join(DIST, 'embed/integrity.json'), 'utf8'));
  assert.equal(manifest.files.find((f) => f.path === embed.path).integrity, embed.integrity);
  // Nothing of the machine or the moment: no time, no absolute path.
  assert.doesNotMatch(manifestText(), /\d{2}:\d{2}:\d{2}|\/work\/|\/home\/|\/tmp\//);
});

// Serves a folder as scripts/serve.js does (on a free port) for the length of `run`.
async function served(dir, run) {
  const server = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.js'), dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const m = out.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
        if (m) resolve(m[1]);
      });
      server.on('exit', (code) => reject(new Error(`serve.js exited (${code})`)));
    });
    return await run(url);
  } finally {
    server.kill();
  }
}

// The README's command, as a portal runs it (asynchronously: the server
// answers from this process's children).
function verify(...args) {
  return new Promise((resolve) => {
    const child = spawn('bash', [path.join(ROOT, 'scripts/verify-release.sh'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('scripts/verify-release.sh: an untouched copy passes; an altered file, a missing one or another manifest fails, named', async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'talent-deployed-'));
  try {
    fs.cpSync(DIST, copy, { recursive: true });
    const trusted = path.join(DIST, 'manifest.json');
    const { files } = JSON.parse(manifestText());
    await served(copy, async (url) => {
      const clean = await verify(url);
      assert.equal(clean.status, 0, clean.stdout + clean.stderr);
      assert.match(clean.stdout, new RegExp(`all ${files.length} files match`));
      assert.equal((await verify(url, trusted)).status, 0);

      // One byte more in the page's script: that file, and only it.
      const script = files.find((f) => /^app\.[0-9a-f]+\.js$/.test(f.path)).path;
      fs.appendFileSync(path.join(copy, script), ';');
      const altered = await verify(url, trusted);
      assert.equal(altered.status, 1, altered.stdout);
      assert.deepStrictEqual(altered.stdout.split('\n').filter((line) => /^(DIFFERS|MISSING) /.test(line)),
        [`DIFFERS ${script}: expected ${files.find((f) => f.path === script).integrity} (${fs.statSync(path.join(DIST, script)).size} bytes), got ${fs.statSync(path.join(copy, script)).size} bytes with another SHA-384`]);
      assert.match(altered.stdout, new RegExp(`1 of ${files.length} files differ`));

      // A file gone is named too.
      fs.rmSync(path.join(copy, 'embed.js'));
      assert.match((await verify(url, trusted)).stdout, /^MISSING embed\.js: /m);

      // A copy whose own manifest was rewritten to match it passes on its own
      // word, but not against the release's manifest.
      const forged = JSON.parse(manifestText());
      forged.files = forged.files.filter((f) => f.path !== 'embed.js').map((f) => (f.path !== script ? f : {
        path: f.path, size: fs.statSync(path.join(copy, script)).size, integrity: sri(fs.readFileSync(path.join(copy, script))) }));
      fs.writeFileSync(path.join(copy, 'manifest.json'), manifestLines(forged));
      assert.equal((await verify(url)).status, 0, 'the forged manifest describes the copy');
      const against = await verify(url, trusted);
      assert.equal(against.status, 1);
      assert.match(against.stdout, /^DIFFERS manifest\.json: the deployed manifest is not the trusted one$/m);
    });
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('two builds of one tree give the same dist/, byte for byte (a clean wasm build elsewhere, then the site)', (t) => {
  const started = Date.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'talent-rebuild-'));
  try {
    const build = path.join(scratch, 'another', 'build');  // another path, another depth: no path may leak in
    const out = path.join(scratch, 'dist');
    const env = { ...process.env, NODE_PATH: '/usr/share/nodejs' };
    const run = (cmd, args, extra = {}) => {
      const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...env, ...extra }, encoding: 'utf8', maxBuffer: 1 << 26 });
      assert.equal(r.status, 0, `${cmd} ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
      return r.stdout.trim();
    };
    const emscripten = run('em-config', ['EMSCRIPTEN_ROOT']);
    run('cmake', ['--preset', 'wasm', '-B', build, `-DTALENT_DIST_DIR=${out}`,
      `-DCMAKE_TOOLCHAIN_FILE=${emscripten}/cmake/Modules/Platform/Emscripten.cmake`]);
    run('cmake', ['--build', build]);
    run(process.execPath, [path.join(ROOT, 'scripts/build-site.js')], { TALENT_DIST_DIR: out });

    // A file only one build has (a hashed name: its content differs), or
    // the same name with other bytes.
    const first = new Set(filesUnder(DIST)), second = new Set(filesUnder(out));
    const differ = [...new Set([...first, ...second])].sort().filter((name) => !first.has(name) || !second.has(name) ||
      !fs.readFileSync(path.join(DIST, name)).equals(fs.readFileSync(path.join(out, name))))
      .map((name) => (!second.has(name) ? `${name} (only in dist/)` : !first.has(name) ? `${name} (only in the second build)` : name));
    assert.deepStrictEqual(differ, [], 'files that differ between dist/ and a second build of the same tree ' +
      '(dist/ must have been built from this tree: bash scripts/build.sh site)');
    t.diagnostic(`rebuilt and compared ${first.size} files in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});

test('the release summary (the pages workflow\'s job summary) gives the commit, the manifest\'s digest, the embed tag and the check command', () => {
  const { releaseSummary } = require('../../scripts/release-summary.js');
  const summary = releaseSummary(DIST, 'https://example.org/check');
  const manifest = JSON.parse(manifestText());
  const embed = JSON.parse(fs.readFileSync(path.join(DIST, 'embed/integrity.json'), 'utf8'));
  assert.ok(summary.includes(`\`${manifest.source.commit}\``), summary);
  assert.ok(summary.includes(sri(fs.readFileSync(path.join(DIST, 'manifest.json')))), summary);
  assert.ok(summary.includes(`src="https://example.org/check/${embed.path}" integrity="${embed.integrity}"`), summary);
  assert.ok(summary.includes('bash scripts/verify-release.sh https://example.org/check/ manifest.json'), summary);
  for (const id of Object.keys(manifest.rules)) assert.ok(summary.includes(`\`${manifest.rules[id]}\` (${manifest.rules_dates[id]})`), summary);
});

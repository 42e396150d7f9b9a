// The site's Trusted Types policy (site/js/trusted-urls.js), bundled as the
// build bundles it (OWN_SCRIPTS_JSON defined) and run against a page's
// address: only the bundle's own scripts beside the page pass, as a
// TrustedScriptURL where the browser has Trusted Types and as the plain
// URL where it has not; every other URL throws. (The browser tests hold the
// built pages to it under their CSP: tests/e2e/trusted-types.test.js.)
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const vm = require('node:vm');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '../..');
const OWN = ['engine.0123456789.js', 'sw.js'];

// The module in a realm of its own: a page at `page` (or a worker there when
// `worker`), with a stand-in for the browser's trustedTypes that records the
// policies made, or none.
function load({ page = 'https://host.example/app/index.html', types = true, worker = false } = {}) {
  const code = esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'site/js/trusted-urls.js')], bundle: true, write: false, format: 'iife', globalName: 'trusted',
    define: { OWN_SCRIPTS_JSON: JSON.stringify(JSON.stringify(OWN)) },
  }).outputFiles[0].text;
  const policies = [];
  const realm = { URL, TypeError, JSON, Set, String };
  if (worker) realm.self = { location: { href: new URL('roster-worker.abc.js', page).href } };
  else realm.document = { baseURI: page };
  if (types) {
    realm.trustedTypes = {
      createPolicy(name, rules) {
        if (policies.some((p) => p.name === name)) throw new TypeError(`policy ${name} exists`);
        policies.push({ name, rules });
        return { createScriptURL: (url) => ({ trusted: rules.createScriptURL(url) }) };
      },
    };
  }
  realm.globalThis = realm;
  vm.createContext(realm);
  vm.runInContext(`${code}; globalThis.trusted = trusted;`, realm);
  return { ownScriptURL: realm.trusted.ownScriptURL, POLICY_NAME: realm.trusted.POLICY_NAME, policies };
}

test('the build\'s own scripts beside the page pass, as TrustedScriptURLs of one policy', () => {
  const { ownScriptURL, POLICY_NAME, policies } = load();
  assert.deepEqual(ownScriptURL('engine.0123456789.js'), { trusted: 'https://host.example/app/engine.0123456789.js' });
  assert.deepEqual(ownScriptURL('./sw.js'), { trusted: 'https://host.example/app/sw.js' });
  assert.deepEqual(ownScriptURL('https://host.example/app/engine.0123456789.js'), { trusted: 'https://host.example/app/engine.0123456789.js' });
  assert.deepEqual(policies.map((p) => p.name), [POLICY_NAME], 'one policy, made once');
  assert.equal(POLICY_NAME, 'own-scripts', 'the name index.html and roster.html allow');
});

test('every other URL throws: another origin, folder, file, a query, a fragment, javascript: and data:', () => {
  const { ownScriptURL } = load();
  for (const url of ['https://evil.example/app/engine.0123456789.js', '//evil.example/app/sw.js', '../engine.0123456789.js',
    '/sw.js', 'engine.9999999999.js', 'engine.0123456789.js?x=1', 'sw.js#x', 'javascript:alert(1)',
    'data:text/javascript,alert(1)', 'blob:https://host.example/1234', 'http://host.example/app/sw.js', '', '<script>', 'http://[::1']) {
    assert.throws(() => ownScriptURL(url), /not one of this site's own scripts/, url);
  }
});

test('without Trusted Types (Firefox, Safari) the same check runs and the URL comes back as a string', () => {
  const { ownScriptURL, policies } = load({ types: false });
  assert.equal(ownScriptURL('engine.0123456789.js'), 'https://host.example/app/engine.0123456789.js');
  assert.throws(() => ownScriptURL('https://evil.example/engine.0123456789.js'), TypeError);
  assert.equal(policies.length, 0);
});

test('in a worker the scripts beside the worker pass', () => {
  const { ownScriptURL } = load({ worker: true });
  assert.deepEqual(ownScriptURL('engine.0123456789.js'), { trusted: 'https://host.example/app/engine.0123456789.js' });
  assert.throws(() => ownScriptURL('https://evil.example/app/engine.0123456789.js'), TypeError);
});

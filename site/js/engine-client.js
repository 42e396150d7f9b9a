// Starts the rules engine (dist/engine.js, the Emscripten module) and speaks
// the contract with it: JSON text in, JSON text out. Nothing here decides
// anything; the page only parses what the engine says.

import { ownScriptURL } from './trusted-urls.js';

/* global createEngine, ENGINE_JS_URL, ENGINE_WASM_URL */

export function webAssemblyAvailable() {
  return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
}

// The Emscripten glue (it defines createEngine), added when the engine is
// first wanted; both of its files carry a content hash in their names. Its
// URL goes through the site's Trusted Types policy (trusted-urls.js).
function loadScript(url) {
  if (typeof createEngine === 'function') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = ownScriptURL(url);
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${url} could not be loaded`));
    document.head.append(script);
  });
}

/**
 * @typedef {import('./engine-types.js').Assessment} Assessment
 * @typedef {import('./engine-types.js').TeamCheck} TeamCheck
 */

/**
 * @returns {Promise<{evaluate: (profile: object) => Assessment, checkTeam: (team: object) => TeamCheck,
 *   describe: () => object,
 *   version: () => {engine: string, rules: Object<string, string>, rules_dates: Object<string, string>}}>}
 */
export async function loadEngine() {
  await loadScript(ENGINE_JS_URL);
  if (typeof createEngine !== 'function') throw new Error('engine script missing');
  // The wasm file carries a content hash in its name (scripts/build-site.js).
  const module = await createEngine({ locateFile: (file) => (file.endsWith('.wasm') ? ENGINE_WASM_URL : file) });
  return {
    evaluate: (profile) => JSON.parse(module.evaluate(JSON.stringify(profile))),
    checkTeam: (team) => JSON.parse(module.checkTeam(JSON.stringify(team))),
    describe: () => JSON.parse(module.describe()),
    version: () => JSON.parse(module.version()),
  };
}

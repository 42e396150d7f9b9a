// The one Trusted Types policy of the site, for the one kind of sink it
// feeds: the URL of a script it starts (the engine's glue, the roster's
// worker and what that worker imports, the service worker). index.html and
// roster.html say `require-trusted-types-for 'script'` and allow this policy
// alone, so a script URL can only come through here, and here only the
// build's own script files pass: the names scripts/build-site.js gives each
// bundle (OWN_SCRIPTS_JSON: the content-hashed files that bundle starts,
// and sw.js), beside the page on its own origin. Anything else throws, so a
// string that reached a script sink by mistake is an exception, never a
// script. Where a browser has no Trusted Types (Firefox, Safari) the same
// check runs and the plain URL is returned.

/* global OWN_SCRIPTS_JSON */
export const POLICY_NAME = 'own-scripts';

// The site's folder: the page's address (base-uri 'none': no <base> can
// move it), or in a worker the worker's own, which sits beside the page.
const base = typeof document === 'object' ? document.baseURI : self.location.href;
const own = new Set(JSON.parse(OWN_SCRIPTS_JSON).map((name) => new URL(name, base).href));

// Every entry of `own` resolves against this origin, so a URL equal to one
// of them is same-origin; a query, a fragment or another folder is not equal.
function ownHref(url) {
  let href;
  try {
    href = new URL(String(url), base).href;
  } catch {
    href = null;
  }
  if (!own.has(href)) throw new TypeError(`not one of this site's own scripts: ${String(url).slice(0, 120)}`);
  return href;
}

let policy = null;

/**
 * An own script's URL as the script sinks take it: a TrustedScriptURL where
 * the browser enforces Trusted Types, else the checked URL as a string.
 * Throws a TypeError for any URL that is not one of the build's own scripts.
 * @param {string} url a name relative to the page (engine.<hash>.js, sw.js) or an absolute URL
 * @returns {TrustedScriptURL | string}
 */
export function ownScriptURL(url) {
  const types = globalThis.trustedTypes;
  if (!types || typeof types.createPolicy !== 'function') return ownHref(url);
  // Created on first use, once per page or worker (the CSP names it once
  // and allows no duplicate).
  policy ??= types.createPolicy(POLICY_NAME, { createScriptURL: ownHref });
  return policy.createScriptURL(url);
}

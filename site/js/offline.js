// Offline, and new versions. keepOffline() registers the site's service
// worker (sw.js, written by scripts/build-site.js from site/sw.js), which
// keeps this build so that the page and the roster work with the network
// off; offerUpdates() says when a new version of the rules is ready. The
// page changes only when the doctor presses Update: never on its own while
// they are answering. Used by the page (site/js/main.js) and the roster
// view (site/roster/main.js).
import { el } from './dom.js';
import { ownScriptURL } from './trusted-urls.js';

const SERVICE_WORKER = 'sw.js';

// No service workers (file://, some private windows, http on another host
// than localhost): the page works as before, online, and says nothing.
const available = () => 'serviceWorker' in navigator && window.isSecureContext;

const page = { notice: null, word: null, beforeReload: () => {}, registration: null, asked: false, reloading: false };

/**
 * Shows the notice when a new version waits, or has taken over in another tab.
 * @param {object} options
 * @param {HTMLElement} options.notice the (empty) role="status" region the notice goes in
 * @param {(tag: string, key: string) => HTMLElement} options.word an element showing one
 *   of the page's words (update.ready, update.button) that follows the language switch
 * @param {() => void} [options.beforeReload] keeps what the doctor entered across the reload
 */
export function offerUpdates({ notice, word, beforeReload = () => {} }) {
  if (!available()) return;
  Object.assign(page, { notice, word, beforeReload });
  // A new build took over: here, because the doctor pressed Update, so
  // reload into it; or from another tab, so this page, still of the old
  // build, offers the same reload.
  navigator.serviceWorker.addEventListener('controllerchange', () => (page.asked ? reload() : offer()));
  // A page already kept offline watches its worker from the start.
  navigator.serviceWorker.getRegistration().then((registration) => registration && watch(registration), () => {});
  // A page left open for days looks for a new version when the network
  // comes back or the doctor returns to it (the browser itself looks on
  // each visit).
  const look = () => page.registration?.update().catch(() => {});
  window.addEventListener('online', look);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') look();
  });
}

// Registers the worker, after the page's own loads so that the copy (about
// 340 KB gzipped, in the background) never delays them.
export function keepOffline() {
  if (!available()) return;
  const register = () => navigator.serviceWorker.register(ownScriptURL(SERVICE_WORKER), { scope: './' })
    .then(watch, (error) => console.info(`The offline copy is not available here: ${error.message}`));
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

// A worker installed while an older one serves the site waits for the
// doctor; the very first one (nothing to replace) starts at once, silently.
function watch(registration) {
  if (page.registration) return;
  page.registration = registration;
  const whenInstalled = (worker) => {
    const check = () => {
      if (worker.state === 'installed' && registration.active) offer();
    };
    worker.addEventListener('statechange', check);
    check();
  };
  if (registration.waiting && registration.active) offer();
  if (registration.installing) whenInstalled(registration.installing);
  registration.addEventListener('updatefound', () => whenInstalled(registration.installing));
}

function update() {
  const waiting = page.registration?.waiting;
  if (!waiting) return reload();
  page.asked = true;
  // The new worker takes over and the page reloads once, into it: on
  // controllerchange, or, for a page no worker serves yet (its first
  // visit), once the new one is active.
  if (!navigator.serviceWorker.controller)
    waiting.addEventListener('statechange', () => waiting.state === 'activated' && reload());
  waiting.postMessage({ type: 'skip-waiting' });
}

function reload() {
  if (page.reloading) return;
  page.reloading = true;
  page.beforeReload();
  window.location.reload();
}

function offer() {
  const { notice, word } = page;
  if (!notice || notice.querySelector('button')) return;
  const button = word('button', 'update.button');
  button.type = 'button';
  button.addEventListener('click', update);
  notice.replaceChildren(el('p', {}, word('span', 'update.ready'), ' ', button));
}

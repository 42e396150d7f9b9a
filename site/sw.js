// The offline copy: a service worker that keeps one whole build of the site
// (the page, the roster view and every file they load) so that after one
// visit both work with the network off. scripts/build-site.js writes it to
// dist/sw.js (unhashed, so the browser finds a new one) with this build's
// id and file lists compiled in.
//
// Builds never mix. Each build has its own cache, named by its id (a hash of
// its files). The two pages, the only unhashed files, are always answered
// from this worker's own build, and they name only their own build's files;
// every other file's name carries a hash of its content, so a name found in
// any build's cache is that file. A new worker waits until the doctor asks
// for the update (the page's notice); the build it replaces keeps its cache
// until the next update, so a page of that build still open finds its engine
// and words if it asks for them late.

/* global SW_BUILD, SW_PRECACHE, SW_ON_DEMAND, SW_PAGES */
// Several copies of the site may share an origin (GitHub Pages: one origin
// per account), and with it the caches: the names carry the scope.
const PREFIX = `doctors-self-check ${self.registration.scope} `;
const CACHE = `${PREFIX}build ${SW_BUILD}`;
const BUILD_CACHE = `${PREFIX}build `;
const META = `${PREFIX}meta`;
const SCOPE_PATH = new URL(self.registration.scope).pathname;

const ourBuilds = async () => (await caches.keys()).filter((name) => name.startsWith(BUILD_CACHE));

// A file an earlier build already holds (its name carries its content's
// hash) is copied, not downloaded again: an update fetches what changed.
async function fromEarlierBuild(name) {
  for (const cacheName of await ourBuilds()) {
    if (cacheName === CACHE) continue;
    const hit = await (await caches.open(cacheName)).match(name);
    if (hit) return hit;
  }
  return null;
}

// Every file, or the install fails and the browser tries again on a later
// visit; the old build goes on serving meanwhile. A page fetched during a
// host's half-finished upload may be another build's: it must name this
// build's script (SW_PAGES), or the install fails too.
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(SW_PRECACHE.map(async (name) => {
    if (SW_PAGES[name] === undefined) {
      const kept = await fromEarlierBuild(name);
      if (kept) return cache.put(name, kept);
    }
    const response = await fetch(name, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    if (SW_PAGES[name] === undefined) return cache.put(name, response);
    const html = await response.text();
    if (!html.includes(SW_PAGES[name])) throw new Error(`${name} is not of build ${SW_BUILD}`);
    // A fresh response: one a host reached by a redirect (index.html → ./)
    // cannot answer a navigation.
    return cache.put(name, new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
  }));
}

// Caches of builds that were never activated (a waiting worker that a newer
// one replaced) are of no page: they go when a newer build is installed.
async function dropUnused(activated) {
  for (const name of await ourBuilds())
    if (name !== CACHE && !activated.includes(name.slice(BUILD_CACHE.length))) await caches.delete(name);
}

async function activatedBuilds() {
  const kept = await (await caches.open(META)).match('activated');
  return kept ? kept.json() : [];
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache()
    .then(async () => dropUnused(await activatedBuilds()))
    .catch(async (error) => {
      await caches.delete(CACHE);
      throw error;
    }));
});

// This build and the one it replaces stay; older ones go. (A page of the
// replaced build may still be open in another tab; one two builds old has
// been told twice that a new version is ready.)
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const kept = [...(await activatedBuilds()).filter((build) => build !== SW_BUILD), SW_BUILD].slice(-2);
    await (await caches.open(META)).put('activated', new Response(JSON.stringify(kept)));
    for (const name of await ourBuilds())
      if (!kept.includes(name.slice(BUILD_CACHE.length))) await caches.delete(name);
  })());
});

// The page's update button (site/js/offline.js). No clients.claim(): a page
// loaded from the network stays on the network, so it is never served from a
// cache it did not come with.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

// The two pages: this build's, whatever the network says (cache first), so
// that a page and its files are always of one build; the network only if
// this build's cache is gone (the browser may evict it).
async function page(name, request) {
  const hit = await (await caches.open(CACHE)).match(name);
  return hit || fetch(request);
}

// Any other file: from whichever build holds it (a hashed name is its
// content), else from the network; the spreadsheet reader is kept once a
// workbook has needed it.
async function file(name, request, event) {
  for (const cacheName of [CACHE, ...(await ourBuilds()).filter((n) => n !== CACHE)]) {
    const hit = await (await caches.open(cacheName)).match(request);
    if (hit) return hit;
  }
  const response = await fetch(request);
  if (response.ok && SW_ON_DEMAND.includes(name)) {
    const copy = response.clone();
    event.waitUntil(caches.open(CACHE).then((cache) => cache.put(name, copy)));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE_PATH)) return;
  const name = url.pathname.slice(SCOPE_PATH.length) || 'index.html';
  event.respondWith(SW_PAGES[name] !== undefined ? page(name, request) : file(name, request, event));
});

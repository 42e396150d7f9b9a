// The roster's worker: reads a file into rows (read-file.js), and checks
// its share of them with the roster engine (dist/roster-engine.js: the
// doctor's engine and its roster calls, talent/roster.hpp), a batch at a
// time, posting each batch's results as it goes. Several of these run at
// once; the page stays free to scroll and type.
//
// A dedicated worker takes its CSP from its own response's headers, not
// from roster.html's meta tag (CSP 3, "initialize a global object's CSP
// list": only blob: and data: workers inherit), so on a plain static host
// nothing enforces Trusted Types in here. Its two importScripts go through
// the same policy all the same: a host that sends the page's CSP as a
// header for this file too finds them allowed, and nothing else.
import { readRoster, FileProblem } from './read-file.js';
import { ownScriptURL } from '../js/trusted-urls.js';

/* global ROSTER_ENGINE_JS, ROSTER_ENGINE_WASM, SPREADSHEET_JS, createRosterEngine */
const BATCH = 250;
let engine = null;

async function startEngine() {
  if (!engine) {
    importScripts(ownScriptURL(ROSTER_ENGINE_JS));
    engine = await createRosterEngine({ locateFile: (file) => (file.endsWith('.wasm') ? ROSTER_ENGINE_WASM : file) });
  }
  return engine;
}

// A batch as roster_check takes it (talent/roster.hpp): each row its
// number and cells separated by U+001F, rows by U+001E; a cell that holds
// either has it replaced by a space.
const SEPARATORS = /[\u001e\u001f]/g;
const rowsText = (rows) => rows.map((r) => [r.row, ...r.cells.map((c) => String(c).replace(SEPARATORS, ' '))].join('\u001f')).join('\u001e');

// Reads the whole file (each worker reads its own copy: quicker than
// handing rows from one worker to the others), then checks its share of
// the rows: the `part`-th of `parts` equal runs. The engine starts while
// the file is read.
async function check({ bytes, part, parts, lang }) {
  const starting = startEngine();
  starting.catch(() => {});
  let file;
  try {
    file = readRoster(new Uint8Array(bytes), () => {
      if (typeof self.XLSX === 'undefined') importScripts(ownScriptURL(SPREADSHEET_JS));
      return self.XLSX;
    });
  } catch (err) {
    return postMessage({ type: 'unreadable', code: err instanceof FileProblem ? err.code : 'unreadable', detail: String(err && err.message) });
  }
  const { header, rows } = file;
  const share = Math.ceil(rows.length / parts);
  const mine = rows.slice(part * share, (part + 1) * share);
  postMessage({ type: 'read', total: rows.length, encoding: file.encoding, sheet: file.sheet, warnings: file.warnings, headerRow: file.headerRow });
  let e;
  try {
    e = await starting;
  } catch {
    return postMessage({ type: 'engine_failed' });
  }
  const request = JSON.stringify({ lang, header: header.map(String) });
  let busy = 0;
  for (let i = 0; i < mine.length; i += BATCH) {
    const t0 = performance.now();
    const answer = JSON.parse(e.rosterCheck(request, rowsText(mine.slice(i, i + BATCH))));
    busy += performance.now() - t0;
    postMessage({ type: 'checked', answer, done: Math.min(mine.length, i + BATCH) });
  }
  postMessage({ type: 'finished', busy });
}

self.onmessage = ({ data }) => {
  if (data.type === 'check') check(data);
};

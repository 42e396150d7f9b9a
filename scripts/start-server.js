// Starts scripts/serve.js on a free port for the page's tests and budget
// script, and resolves once it listens: { url, origin, stop() }.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

function startServer(dist, { timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    // Port 0: the system picks a free port; serve.js prints the URL it got.
    const child = spawn(process.execPath, [path.join(__dirname, 'serve.js'), dist, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`the server printed no URL within ${timeoutMs} ms`)); }, timeoutMs);
    const early = (code) => reject(new Error(`the server exited (code ${code}) before listening`));
    child.on('error', reject);
    child.on('exit', early);
    child.stdout.on('data', (chunk) => {
      printed += chunk;
      const found = /Serving .* on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(printed);
      if (!found) return;
      clearTimeout(timer);
      child.stdout.resume();
      const url = found[1];
      resolve({ url, origin: url.slice(0, -1), stop: () => { child.off('exit', early); child.kill(); } });
    });
  });
}

module.exports = { startServer };

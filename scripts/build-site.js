// Copies the static page (site/) next to the engine in dist/. The engine
// files are written there by the wasm build.
'use strict';
const fs = require('fs');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const dist = path.join(repo, 'dist');
for (const f of ['engine.js', 'engine.wasm'])
  if (!fs.existsSync(path.join(dist, f))) throw new Error(`dist/${f} is missing: build the wasm preset first`);
for (const f of fs.readdirSync(path.join(repo, 'site'))) fs.copyFileSync(path.join(repo, 'site', f), path.join(dist, f));
console.log('site: dist/ has', fs.readdirSync(dist).join(', '));

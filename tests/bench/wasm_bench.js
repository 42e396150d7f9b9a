// Evaluations per second of dist/engine.js in Node on the profiles given
// (JSON Lines on the path in argv[2]); prints the median per-call time.
'use strict';
const fs = require('fs');
const path = require('path');

async function main() {
  const dist = process.env.TALENT_DIST || path.resolve(__dirname, '../../dist');
  const createEngine = require(path.join(dist, 'engine.js'));
  const engine = await createEngine({ wasmBinary: fs.readFileSync(path.join(dist, 'engine.wasm')) });
  const profiles = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
  for (let i = 0; i < 2000; i++) engine.evaluate(profiles[i % profiles.length]);  // warm up the JIT tiers
  const rounds = [];
  for (let r = 0; r < 9; r++) {
    const start = process.hrtime.bigint();
    for (const p of profiles) engine.evaluate(p);
    rounds.push(Number(process.hrtime.bigint() - start) / 1e3 / profiles.length);
  }
  rounds.sort((a, b) => a - b);
  const median = rounds[4];
  console.log(JSON.stringify({ profiles: profiles.length, median_us_per_evaluation: +median.toFixed(2),
                               evaluations_per_second: Math.round(1e6 / median) }));
}
main().catch((e) => { console.error(e); process.exit(1); });

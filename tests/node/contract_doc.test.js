// docs/contract.md lists every outcome, benefit and obligation the packs
// have: the generated part is what scripts/contract-tables.js writes now.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { tables, written } = require('../../scripts/contract-tables.js');

test('docs/contract.md is current with the policy packs (run node scripts/contract-tables.js --write)', () => {
  assert.strictEqual(written(), tables().trim());
});

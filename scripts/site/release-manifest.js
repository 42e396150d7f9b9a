// dist/manifest.json: what a release is, so that anyone can check a deployed
// copy against it (scripts/verify-release.sh): the source commit, the engine
// and rules versions (as version() gives them) and every other file of dist/
// with its size and SHA-384 in the SRI form ("sha384-<base64>", the form a
// portal's integrity attribute takes, so one digest serves both).
//
// Nothing in it may differ between two builds of one commit (a test builds
// twice and compares dist/ byte for byte): no time, no host, no absolute
// path; files sorted by code unit, not by locale.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');

const MANIFEST = 'manifest.json';
// Names a shell script can read out of the manifest and put in a URL as
// they are (the verifier parses one file per line, without jq).
const PLAIN_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

const integrity = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

function git(repo, args) {
  try {
    return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;  // no git, not a checkout, or a checkout git refuses (another owner)
  }
}

// The commit the build is of. TALENT_SOURCE_COMMIT names it where the
// checkout cannot (a CI container); `dirty` says whether the tree had
// changes not in that commit (untracked files count: they may be built),
// and is null when git cannot tell, rather than a guess.
function sourceOf(repo) {
  const commit = process.env.TALENT_SOURCE_COMMIT || git(repo, ['rev-parse', 'HEAD']);
  const status = git(repo, ['status', '--porcelain', '--untracked-files=normal']);
  return { commit: commit || null, dirty: status === null ? null : status !== '' };
}

function listFiles(dir, prefix = '') {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, name) : [name];
  });
}

// One file a line, so that the manifest reads well and a line-oriented
// script can take it apart; otherwise plain JSON.
function manifestText(manifest) {
  const { files, ...head } = manifest;
  const lines = files.map((f) => `    ${JSON.stringify(f)}`);
  const top = JSON.stringify(head, null, 2);
  return `${top.slice(0, -2)},\n  "files": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

function writeReleaseManifest(repo, dist, version) {
  const files = listFiles(dist).filter((name) => name !== MANIFEST)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => {
      if (!PLAIN_PATH.test(name)) throw new Error(`manifest: "${name}" is not a plain path (letters, digits, . _ - /)`);
      const bytes = fs.readFileSync(path.join(dist, name));
      return { path: name, size: bytes.length, integrity: integrity(bytes) };
    });
  const manifest = {
    schema: 'talent-release/1',
    source: sourceOf(repo),
    engine: version.engine,
    rules: version.rules,
    rules_dates: version.rules_dates,
    files,
  };
  const text = manifestText(manifest);
  fs.writeFileSync(path.join(dist, MANIFEST), text);
  return { manifest, integrity: integrity(text) };
}

module.exports = { writeReleaseManifest, manifestText, sourceOf, integrity, MANIFEST };

// Prints, in Markdown, what a portal needs from a release (the pages
// workflow puts it in the job summary): the commit, the engine and rules
// versions with their dates, manifest.json's own SHA-384, the pinned embed
// tag with its SRI hash, and the command that checks a deployed copy.
//   node scripts/release-summary.js [dist folder] [deployed base URL]
'use strict';
const fs = require('fs');
const path = require('path');
const { integrity } = require('./site/release-manifest');

function releaseSummary(dist, url = 'https://HOST/PATH/') {
  const text = fs.readFileSync(path.join(dist, 'manifest.json'));
  const manifest = JSON.parse(text);
  const embed = JSON.parse(fs.readFileSync(path.join(dist, 'embed/integrity.json'), 'utf8'));
  const base = url.endsWith('/') ? url : `${url}/`;
  const { commit, dirty } = manifest.source;
  const rules = Object.keys(manifest.rules).map((id) => `\`${manifest.rules[id]}\` (${manifest.rules_dates[id]})`).join(', ');
  return [
    '## Release',
    '',
    `- Commit: \`${commit}\`${dirty ? ' **with changes not committed**' : ''}${dirty === null ? ' (git could not tell whether the tree was clean)' : ''}`,
    `- Engine \`${manifest.engine}\`; rules ${rules}`,
    `- \`manifest.json\`: ${manifest.files.length} files, its own SHA-384 \`${integrity(text)}\``,
    '',
    'The pinned embed, with its SRI hash:',
    '',
    '```html',
    embed.tag.replace('https://HOST/PATH/', base),
    '```',
    '',
    'Check a deployed copy against this release (its `manifest.json`, in the `release-manifest` artifact):',
    '',
    '```sh',
    `bash scripts/verify-release.sh ${base} manifest.json`,
    '```',
    '',
  ].join('\n');
}

if (require.main === module) {
  const [dist = path.resolve(__dirname, '..', 'dist'), url] = process.argv.slice(2);
  process.stdout.write(releaseSummary(dist, url));
}

module.exports = { releaseSummary };

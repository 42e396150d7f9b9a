#!/usr/bin/env bash
# Checks a deployed copy of the site against a release's manifest.json:
# downloads every file it lists and compares its SHA-384 (and size).
#
#   scripts/verify-release.sh https://HOST/PATH/ [manifest.json]
#
# Without a manifest it uses the deployed one (HOST/PATH/manifest.json),
# which proves the copy is whole and unaltered since it was written; with the
# manifest of a release you trust (the pages workflow's artifact, or one you
# built yourself from the commit), it proves the copy is that release, and
# the deployed manifest must then be the same bytes. Prints each file that
# differs or cannot be fetched; exits 0 when all match, 1 when any differs,
# 2 on a usage or network error before checking. Needs bash, curl and
# coreutils (sha384sum, or shasum on macOS); no jq, no node.
set -euo pipefail

if (($# < 1 || $# > 2)); then
  echo "usage: $0 <deployed base URL> [trusted manifest.json]" >&2
  exit 2
fi
base=${1%/}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() {  # URL, file: identity bytes (no Accept-Encoding), following redirects
  curl --silent --show-error --fail --location --max-time 120 --output "$2" "$1" </dev/null
}
if command -v sha384sum >/dev/null; then
  hex_of_file() { sha384sum <"$1" | cut -d' ' -f1; }
else
  hex_of_file() { shasum -a 384 <"$1" | cut -d' ' -f1; }
fi
# The manifest's digests are SRI text, sha384-<base64>: compared as hex.
hex_of_sri() { printf '%s' "${1#sha384-}" | base64 -d | od -An -v -tx1 | tr -d ' \n'; }

if ! fetch "$base/manifest.json" "$work/deployed.json"; then
  echo "cannot fetch $base/manifest.json" >&2
  exit 2
fi
manifest="$work/deployed.json"
failed=0
if (($# == 2)); then
  manifest=$2
  if ! cmp -s "$manifest" "$work/deployed.json"; then
    echo "DIFFERS manifest.json: the deployed manifest is not the trusted one"
    failed=1
  fi
fi

# One file a line in the manifest (scripts/site/release-manifest.js):
# {"path":"…","size":N,"integrity":"sha384-…"}
entries=$(sed -n 's/^ *{"path":"\([^"]*\)","size":\([0-9]*\),"integrity":"\(sha384-[^"]*\)"}.*$/\1 \2 \3/p' "$manifest")
if [[ -z $entries ]]; then
  echo "$manifest lists no files: not a release manifest" >&2
  exit 2
fi
commit=$(sed -n 's/^ *"commit": *"\{0,1\}\([^",]*\)"\{0,1\},\{0,1\}$/\1/p' "$manifest" | head -n1)
# A build from a tree with changes not in that commit says so.
grep -q '^ *"dirty": *true' "$manifest" && commit="${commit:-unknown} (built with changes not in it)"

total=0 bad=0
while read -r path size sri; do
  total=$((total + 1))
  if ! fetch "$base/$path" "$work/file" 2>"$work/error"; then
    echo "MISSING $path: $(tr -d '\n' <"$work/error")"
    bad=$((bad + 1))
    continue
  fi
  got=$(hex_of_file "$work/file")
  if [[ $got != "$(hex_of_sri "$sri")" ]]; then
    echo "DIFFERS $path: expected $sri ($size bytes), got $(wc -c <"$work/file" | tr -d ' ') bytes with another SHA-384"
    bad=$((bad + 1))
  fi
done <<<"$entries"

if ((bad || failed)); then
  echo "$base: $bad of $total files differ from the manifest of commit ${commit:-unknown}$( ((failed)) && echo ', and the manifest itself differs')"
  exit 1
fi
echo "$base: all $total files match the manifest of commit ${commit:-unknown}"

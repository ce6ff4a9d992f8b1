#!/usr/bin/env bash
# Regenerates every derived reference file from the pinned npm package versions in package.json.
# Needs node and npm; the build and the tests do not.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/build-reference.mjs" "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent)
node "$work/build-reference.mjs" "$here/../src/main/resources/eu/iucplanner/reference"
echo "Reference data written to data/src/main/resources/eu/iucplanner/reference"

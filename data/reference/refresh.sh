#!/usr/bin/env bash
# Regenerates every derived reference file: cities, countries and languages from the npm packages pinned in
# package.json; public holidays and soft periods from a python-holidays checkout; the cross-check of the holidays
# against date-holidays (and holiday_jp, holidays-kr) and its disagreement report.
#
# Usage: data/reference/refresh.sh PATH_TO_PYTHON_HOLIDAYS_CHECKOUT
#   The checkout is a git clone of github.com/vacanza/holidays (MIT) at the commit to use; it is not changed.
# Needs node and npm, python3 with python-dateutil (Debian: python3-dateutil) and msgfmt (Debian: gettext).
# The build and the tests do not: they read the committed files.
set -euo pipefail
if [[ $# -ne 1 || ! -f "$1/holidays/__init__.py" ]]; then
  echo "Usage: $0 PATH_TO_PYTHON_HOLIDAYS_CHECKOUT" >&2
  exit 2
fi
checkout="$(cd "$1" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
resources="$here/../src/main/resources/eu/iucplanner/reference"
test_resources="$here/../src/test/resources/eu/iucplanner/reference"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/build-reference.mjs" "$here/cities.mjs" "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent)
# UTC: holiday_jp gives its dates as Date objects.
TZ=UTC node "$work/build-reference.mjs" "$resources" "$test_resources"
python3 "$here/holidays_from_python_holidays.py" "$checkout" "$resources" "$test_resources/holidays-crosscheck.csv" \
  "$here/holiday-disagreements.md"
echo "Reference data written to data/src/main/resources/eu/iucplanner/reference"

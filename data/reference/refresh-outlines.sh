#!/usr/bin/env bash
# Regenerates the web app's country outlines (api/src/main/resources/static/data/countries-110m.geojson) from Natural
# Earth's 1:110m Admin 0 countries as the npm package world-atlas 2.0.2 ships them (TopoJSON), converted to GeoJSON
# with topojson-client 3.1.0; properties cut to the name, coordinates rounded to 0.01 degree. Needs node and npm; the
# build and the tests do not: they read the committed file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../api/src/main/resources/static/data/countries-110m.geojson"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent world-atlas@2.0.2 topojson-client@3.1.0)
cat > "$work/convert.cjs" <<'JS'
const topojson = require('topojson-client');
const topo = require('world-atlas/countries-110m.json');
const geo = topojson.feature(topo, topo.objects.countries);
const round = c => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100];
geo.features.forEach(f => {
  f.properties = { name: f.properties.name };
  delete f.id;
  f.geometry.coordinates = round(f.geometry.coordinates);
});
process.stdout.write(JSON.stringify(geo));
JS
(cd "$work" && node convert.cjs) > "$out"
echo "Country outlines written to $out"

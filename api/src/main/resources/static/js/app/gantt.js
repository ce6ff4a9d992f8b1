// The 18-month Gantt: one row per pair (shared events on their own rows), per expert or per city; one bar per event
// (a link to its detail, so every bar is reachable by keyboard), public holidays of the row's cities shaded, events
// that break a hard rule in red. SVG drawn here: no chart library, no inline styles.
import { el, svg, label } from './dom.js';

const DAY = 86400000;
const PX = 2.4;
const ROW = 26;

const day = iso => Date.parse(`${iso}T00:00:00Z`);

/**
 * Rows of the Gantt: [{ key, label, href, cities, events }]. By pair every event is on exactly one row (a shared
 * event on its group's row); by expert likewise (events without an expert on the last row); by city an event is on
 * the row of every city taking part.
 */
export function ganttRows(result, by, scheduleId) {
  const rows = new Map();
  const row = (key, text, href, cities) => {
    if (!rows.has(key)) rows.set(key, { key, label: text, href, cities: cities || [], events: [] });
    return rows.get(key);
  };
  const pairs = new Map(result.pairs.map(p => [p.pairId, p]));
  const sorted = [...result.events].sort((a, b) => a.start.localeCompare(b.start));
  if (by === 'expert') {
    sorted.filter(e => e.expert).map(e => e.expert).sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id))
      .forEach(x => row(x.id, x.name || x.id, `#/schedule/${scheduleId}/expert/${encodeURIComponent(x.id)}`));
    sorted.forEach(e => (e.expert ? rows.get(e.expert.id) : row('', 'No expert')).events.push(e));
  } else if (by === 'city') {
    const citiesOf = e => {
      const list = e.inPerson ? [e.host, e.travellingDelegation, ...(e.travellingDelegations || [])]
        : (pairs.get(e.pairId) ? [pairs.get(e.pairId).euCity, pairs.get(e.pairId).partnerCity] : []);
      return [...new Map(list.filter(Boolean).map(c => [c.id, c])).values()];
    };
    const all = new Map();
    sorted.forEach(e => citiesOf(e).forEach(c => all.set(c.id, c)));
    [...all.values()].sort((a, b) => a.name.localeCompare(b.name)).forEach(c =>
      row(c.id, `${c.name} (${c.country})`, `#/schedule/${scheduleId}/city/${encodeURIComponent(c.id)}`, [c]));
    sorted.forEach(e => citiesOf(e).forEach(c => rows.get(c.id).events.push(e)));
  } else {
    sorted.filter(e => e.shared).forEach(e => row(e.pairId, `${label(e.kind)}: ${e.pairId} (${e.pairIds.length} pairs)`));
    result.pairs.forEach(p => row(p.pairId, `${p.euCity.name} – ${p.partnerCity.name}`,
      `#/schedule/${scheduleId}/pair/${encodeURIComponent(p.pairId)}`, [p.euCity, p.partnerCity]));
    sorted.forEach(e => row(e.pairId, e.pairId).events.push(e));
  }
  return [...rows.values()];
}

/** The Gantt of the rows over the window; breaks: event id → sentences. */
export function gantt({ rows, windowStart, windowEnd, holidays, breaks, scheduleId, selected }) {
  const start = day(windowStart);
  const days = Math.round((day(windowEnd) - start) / DAY) + 1;
  const width = Math.ceil(days * PX);
  const x = iso => (day(iso) - start) / DAY * PX;
  const months = [];
  for (const d = new Date(start); d.getTime() <= day(windowEnd); d.setUTCMonth(d.getUTCMonth() + 1, 1)) {
    months.push(new Date(d));
  }
  const axis = svg('svg', { class: 'g-track g-axis', width, height: 22, viewBox: `0 0 ${width} 22`,
    'aria-hidden': 'true' }, months.map(m => {
    const iso = m.toISOString().substring(0, 10);
    const at = Math.max(0, x(iso));
    return [svg('line', { x1: at, x2: at, y1: 0, y2: 22, class: 'g-month' }),
      svg('text', { x: at + 3, y: 15, class: 'g-month-label' }, `${m.toISOString().substring(2, 7)}`)];
  }));
  const holidayRects = row => {
    if (!row.cities.length) return [];
    const seen = new Map();
    holidays.filter(h => row.cities.some(c => c.country === h.country && (!h.subdivision || h.subdivision === c.subdivision)))
      .forEach(h => seen.set(h.date, [...(seen.get(h.date) || []), `${h.country}: ${h.name}`]));
    return [...seen.entries()].map(([date, names]) => svg('rect', { x: x(date).toFixed(1), y: 0, width: PX.toFixed(1),
      height: ROW, class: 'g-holiday' }, svg('title', null, `${date} public holiday: ${names.join('; ')}`)));
  };
  const bar = e => {
    const broken = breaks.get(e.id) || [];
    const length = Math.max(1, Math.round((day(e.end) - day(e.start)) / DAY) + 1);
    const classes = ['g-bar', `kind-${e.kind}`, e.inPerson ? 'in-person' : 'online', e.pinned ? 'confirmed' : '',
      broken.length ? 'broken' : '', e.id === selected ? 'selected' : ''].filter(Boolean).join(' ');
    const text = `${label(e.kind)}, ${e.start}${e.end !== e.start ? ' to ' + e.end : ''}, `
      + `${e.inPerson ? 'in ' + (e.host ? e.host.name : '') : 'online'}${e.expert ? ', with ' + (e.expert.name || e.expert.id) : ''}`
      + `${e.pinned ? ', confirmed' : ''}${broken.length ? `, breaks ${broken.length} hard rule(s)` : ''}`;
    return svg('a', { href: `#/schedule/${scheduleId}/event/${encodeURIComponent(e.id)}`, class: 'g-event',
      'aria-label': text, 'data-event-id': e.id },
    svg('rect', { x: x(e.start).toFixed(1), y: 4, width: Math.max(3, length * PX).toFixed(1), height: ROW - 8,
      rx: 2, class: classes }), svg('title', null, text));
  };
  const body = rows.map(row => el('div', { class: 'g-row', role: 'listitem', 'data-row': row.key },
    el('div', { class: 'g-label' }, row.href ? el('a', { href: row.href }, row.label) : row.label),
    svg('svg', { class: 'g-track', width, height: ROW, viewBox: `0 0 ${width} ${ROW}`, role: 'group',
      'aria-label': `${row.label}: ${row.events.length} events` },
    svg('rect', { x: 0, y: 0, width, height: ROW, class: 'g-bg' }), holidayRects(row), row.events.map(bar))));
  return el('div', { class: 'gantt', id: 'gantt' },
    el('div', { class: 'g-row g-head', 'aria-hidden': 'true' }, el('div', { class: 'g-label' }, ''), axis),
    el('div', { role: 'list', 'aria-label': 'Rows of the Gantt chart' }, body));
}

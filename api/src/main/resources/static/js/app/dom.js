// Small DOM helpers for the web app. Text always goes in as text (never as HTML), so hostile names stay text, and
// nothing writes a style attribute (the Content-Security-Policy allows no inline styles): looks come from classes.

/** An element: el('a', { href: '#/', class: 'x' }, 'text', childNode, ...). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, attributes as for el. */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'style') throw new Error('no inline styles: use a class');
    if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.substring(2), value);
    else if (key === 'class') node.setAttribute('class', value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table with a caption (for screen readers), header cells and rows of cells (text or nodes). */
export function table(caption, headers, rows, attrs) {
  const head = headers.length === 1 && headers[0] instanceof Node && headers[0].tagName === 'TR' ? headers[0]
    : el('tr', null, headers.map(h => h instanceof Node ? h : el('th', { scope: 'col' }, h)));
  const body = el('tbody', null, rows.map(cells => cells instanceof Node ? cells
    : el('tr', null, cells.map(cell => cell instanceof Node && cell.tagName === 'TD' ? cell : el('td', null, cell)))));
  return el('div', { class: 'table-wrap' }, el('table', attrs,
    caption ? el('caption', { class: caption.startsWith('!') ? 'sr-only' : null }, caption.replace(/^!/, '')) : null,
    el('thead', null, head), body));
}

/** A definition list of facts: [[term, value], ...]; empty values are left out. */
export function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.filter(p => p[1] !== undefined && p[1] !== null && p[1] !== '')
    .map(([term, value]) => el('div', null, el('dt', null, term), el('dd', null, value))));
}

export const statusBadge = (status, feasible) => el('span', { class: `status status-${status}` }, status,
  feasible === false ? el('span', { class: 'infeasible-tag' }, ' infeasible') : null);

/** 2027-01-04T10:11:12Z → "2027-01-04 10:11" (UTC). */
export const moment = value => value ? value.substring(0, 16).replace('T', ' ') : '';

/** PT1M5.2S → "1 min 5 s". */
export function duration(iso) {
  if (!iso) return '';
  const m = /PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?/.exec(iso);
  if (!m) return iso;
  const parts = [];
  if (m[1]) parts.push(`${m[1]} h`);
  if (m[2]) parts.push(`${m[2]} min`);
  if (m[3]) parts.push(`${Math.round(Number(m[3]))} s`);
  return parts.join(' ') || '0 s';
}

/** Seconds between two instants (or since one), as "1 min 5 s". */
export function elapsed(fromIso, toIso) {
  if (!fromIso) return '';
  const seconds = Math.max(0, Math.round(((toIso ? Date.parse(toIso) : Date.now()) - Date.parse(fromIso)) / 1000));
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
}

/** "-2hard/-4medium/-120soft" → { hard: -2, medium: -4, soft: -120 }. */
export function scoreLevels(score) {
  const levels = { hard: 0, medium: 0, soft: 0 };
  for (const m of String(score || '').matchAll(/(-?\d+)(hard|medium|soft)/g)) levels[m[2]] = Number(m[1]);
  return levels;
}

export const label = value => String(value || '').toLowerCase().replaceAll('_', ' ')
  .replace(/^./, c => c.toUpperCase());

export const REGIONS = ['NORTH_AMERICA', 'LATIN_AMERICA_CARIBBEAN', 'ASIA'];
export const REGION_NAMES = { EU: 'EU', NORTH_AMERICA: 'North America', LATIN_AMERICA_CARIBBEAN:
  'Latin America and the Caribbean', ASIA: 'Asia and Australasia' };
export const regionName = region => REGION_NAMES[region] || label(region);

/** A file name from a run's or a place's name: letters, digits, dots, dashes. */
export const fileName = (name, extension) =>
  `${String(name || 'download').normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '')
    .substring(0, 80) || 'download'}.${extension}`;

/** Sets the page title of a view. */
export function title(text) {
  document.title = `${text} · IUC Planner`;
}

let me = { username: '', roles: [] };
/** The logged-in user (session.js asks once). */
export async function user() {
  me = await window.currentUser;
  return me;
}
/** Whether the user's roles allow an action that needs one of these roles (ADMIN allows everything). */
export const may = roles => me.roles.includes('ADMIN') || roles.split(' ').some(role => me.roles.includes(role));

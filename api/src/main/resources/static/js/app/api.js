// Calls to the service's REST API (the app talks to nothing else). Refusals arrive as RFC 9457 problem details and
// become ProblemError; a lost connection is shown in the banner by session.js.
import { el } from './dom.js';

export const API = '/api/v1';

/** A refusal of the service, with its problem details. */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The service answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

async function check(response) {
  if (response.ok) return response;
  const problem = await response.json().catch(() => ({ title: `Error ${response.status}` }));
  throw new ProblemError(response.status, problem);
}

export async function getJson(path, accept) {
  const response = await check(await fetch(API + path, { headers: { Accept: accept || 'application/json' } }));
  return response.json();
}

/** POST (or another method) a JSON body, or a text body with its content type. */
export async function send(method, path, body, contentType) {
  const options = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    options.headers['Content-Type'] = contentType || 'application/json';
    options.body = contentType ? body : JSON.stringify(body);
  }
  const response = await check(await fetch(API + path, options));
  return response.status === 204 ? null : response.json();
}

/** Downloads an API document under a file name of the page's choosing. */
export async function download(path, name, accept) {
  const response = await check(await fetch(API + path, { headers: accept ? { Accept: accept } : {} }));
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: name, class: 'sr-only' });
  document.body.appendChild(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}

/**
 * An error as the page shows it: the problem's title and detail, and one row per field error, naming the row and
 * column of a CSV pool (applicants[3].country is row 4, line 5 of the file) where the field says so.
 */
export function errorBox(error) {
  const box = el('div', { class: 'error-box', role: 'alert' });
  if (!(error instanceof ProblemError)) {
    box.append(el('p', null, error.message || String(error)));
    return box;
  }
  const p = error.problem;
  box.append(el('p', null, el('strong', null, p.title || `Error ${error.status}`), p.detail ? ` ${p.detail}` : ''));
  if (Array.isArray(p.errors) && p.errors.length) {
    const rows = p.errors.map(e => {
      const m = /^applicants\[(\d+)\](?:\.(.+))?$/.exec(e.field || '');
      const where = m ? `row ${Number(m[1]) + 1} (line ${Number(m[1]) + 2})` : '';
      return el('tr', { class: 'field-error' }, el('td', null, where), el('td', null, m ? (m[2] || '') : e.field),
        el('td', null, e.message));
    });
    box.append(el('div', { class: 'table-wrap' }, el('table', null,
      el('caption', null, `${p.errorCount || p.errors.length} problem(s)`),
      el('thead', null, el('tr', null, el('th', { scope: 'col' }, 'Row'), el('th', { scope: 'col' }, 'Column or field'),
        el('th', { scope: 'col' }, 'Problem'))), el('tbody', null, rows))));
  }
  return box;
}

/**
 * Follows a run's Server-Sent Events: onStatus(metadata) and onBest(event); closes itself after the final status.
 * A lost connection shows in the banner until the stream is back (EventSource reconnects by itself).
 */
export function follow(kind, id, { onStatus, onBest }) {
  const stream = new EventSource(`${API}/${kind}-runs/${id}/events`);
  stream.addEventListener('open', () => window.iucBanner.clear('stream'));
  stream.addEventListener('status', event => {
    const metadata = JSON.parse(event.data);
    if (!['SCHEDULED', 'SOLVING'].includes(metadata.status)) stream.close();
    onStatus && onStatus(metadata);
  });
  stream.addEventListener('best-solution', event => onBest && onBest(JSON.parse(event.data)));
  stream.addEventListener('error', () => {
    if (stream.readyState !== EventSource.CLOSED) {
      window.iucBanner.show('stream', 'The live updates of this run were interrupted; reconnecting…');
    }
  });
  return stream;
}

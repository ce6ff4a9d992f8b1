// The runs list: pairing and schedule runs, newest first, filtered by status and kind, paged; open, stop, remove,
// duplicate; two pairing runs chosen for a side-by-side comparison.
import { el, table, statusBadge, moment, title, may } from './dom.js';
import { getJson, send, errorBox } from './api.js';
import { route } from './nav.js';

const STATUSES = ['SCHEDULED', 'SOLVING', 'COMPLETED', 'TERMINATED', 'INCOMPLETE', 'FAILED'];
const PAGE = 25;

export async function runsView(main, _match, params) {
  title('Runs');
  const status = params.get('status') || '';
  const kind = params.get('kind') || '';
  const page = Math.max(0, Number(params.get('page') || 0));
  const chosen = new Set();
  const statusSelect = el('select', { id: 'filter-status' }, el('option', { value: '' }, 'Any status'),
    STATUSES.map(s => el('option', { value: s, selected: s === status }, s)));
  const kindSelect = el('select', { id: 'filter-kind' }, el('option', { value: '' }, 'Pairing and schedule'),
    el('option', { value: 'pairing', selected: kind === 'pairing' }, 'Pairing runs'),
    el('option', { value: 'schedule', selected: kind === 'schedule' }, 'Schedule runs'));
  const compare = el('button', { type: 'button', id: 'compare', disabled: true }, 'Compare the two chosen');
  const message = el('div', { 'aria-live': 'polite' });
  const list = el('div', { id: 'runs-list' });
  const onFilter = () => {
    const next = new URLSearchParams();
    if (statusSelect.value) next.set('status', statusSelect.value);
    if (kindSelect.value) next.set('kind', kindSelect.value);
    window.location.hash = `#/runs${next.toString() ? '?' + next : ''}`;
  };
  statusSelect.addEventListener('change', onFilter);
  kindSelect.addEventListener('change', onFilter);
  compare.addEventListener('click', () => {
    const [a, b] = [...chosen];
    window.location.hash = `#/compare/${a}/${b}`;
  });
  main.replaceChildren(el('h1', null, 'Runs'),
    el('div', { class: 'toolbar' },
      el('label', null, 'Status ', statusSelect), el('label', null, 'Kind ', kindSelect), compare,
      may('COORDINATOR ANALYST') ? el('a', { class: 'button', href: '#/new' }, 'New pairing run') : null),
    message, list);

  let timer = null;
  async function load() {
    const query = `?size=200${status ? '&status=' + status : ''}`;
    const [pairing, schedule] = await Promise.all([
      kind === 'schedule' ? { content: [] } : getJson(`/pairing-runs${query}`),
      kind === 'pairing' ? { content: [] } : getJson(`/schedule-runs${query}`)]);
    const names = new Map(pairing.content.map(r => [r.id, r.name]));
    const runs = [...pairing.content, ...schedule.content]
      .sort((a, b) => (b.submittedAt || '').localeCompare(a.submittedAt || ''));
    const pages = Math.max(1, Math.ceil(runs.length / PAGE));
    const shown = runs.slice(page * PAGE, page * PAGE + PAGE);
    const rows = shown.map(run => runRow(run, names, chosen, compare, () => load().catch(showError)));
    list.replaceChildren(
      el('p', { class: 'muted', id: 'runs-count' }, `${runs.length} run${runs.length === 1 ? '' : 's'}`),
      table('!Runs, newest first', ['', 'Name', 'Kind', 'Submitted (UTC)', 'Call or source', 'Status', 'Score',
        'Counts', 'Actions'], rows, { class: 'runs' }),
      pager(page, pages));
    clearTimeout(timer);
    if (runs.some(r => r.status === 'SOLVING' || r.status === 'SCHEDULED')) {
      timer = setTimeout(() => load().catch(showError), 3000);
    }
  }
  const showError = error => message.replaceChildren(errorBox(error));
  await load();
  return () => clearTimeout(timer);
}

function pager(page, pages) {
  const go = p => {
    const params = route().params;
    params.set('page', p);
    window.location.hash = `#/runs?${params}`;
  };
  return el('nav', { class: 'pager', 'aria-label': 'Pages of runs' },
    el('button', { type: 'button', disabled: page === 0, onclick: () => go(page - 1) }, 'Previous'),
    el('span', null, ` Page ${page + 1} of ${pages} `),
    el('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, 'Next'));
}

function runRow(run, names, chosen, compare, reload) {
  const pairing = run.kind === 'pairing';
  const href = pairing ? `#/pairing/${run.id}` : `#/schedule/${run.id}`;
  const active = run.status === 'SOLVING' || run.status === 'SCHEDULED';
  const box = pairing ? el('input', { type: 'checkbox', 'aria-label': `Choose ${run.name} to compare` }) : '';
  if (box) box.addEventListener('change', () => {
    if (box.checked) chosen.add(run.id); else chosen.delete(run.id);
    compare.disabled = chosen.size !== 2;
  });
  const kindRole = pairing ? 'COORDINATOR' : 'PLANNER';
  const actions = el('span', { class: 'actions' });
  const act = (text, fn) => el('button', { type: 'button', class: 'small', onclick: async event => {
    event.target.disabled = true;
    try { await fn(); } catch (error) { actions.append(errorBox(error)); } finally { reload(); }
  } }, text);
  if (active && may(kindRole)) {
    actions.append(act('Stop', () => send('DELETE', `/${run.kind}-runs/${run.id}`)));
  }
  if (may(pairing ? 'COORDINATOR ANALYST' : 'PLANNER')) {
    actions.append(act('Duplicate', () => send('POST', `/${run.kind}-runs/${run.id}/duplicate`)));
  }
  if (!active && may(kindRole)) {
    actions.append(act('Remove', async () => {
      if (window.confirm(`Remove "${run.name}" and its results for good?`)) {
        await send('POST', `/${run.kind}-runs/${run.id}/purge`);
      }
    }));
  }
  const counts = pairing
    ? `${run.pairCount ?? 0} pairs of ${run.applicantCount ?? '?'} applicants (${run.eligibleCount ?? '?'} eligible)`
    : `${run.pairCount ?? 0} pairs, ${run.eventCount ?? 0} events`;
  const source = pairing ? (run.call || '') : (names.get(run.sourceRunId) || 'given pairs');
  return el('tr', { class: `run run-${run.kind}`, 'data-run-id': run.id },
    el('td', null, box),
    el('td', null, el('a', { href }, run.name), run.analysis ? el('span', { class: 'tag' }, ' analysis') : null),
    el('td', null, pairing ? 'Pairing' : 'Schedule'),
    el('td', null, moment(run.submittedAt)),
    el('td', null, source),
    el('td', null, statusBadge(run.status, run.feasible)),
    el('td', { class: 'score' }, run.score || '—'),
    el('td', null, counts),
    el('td', null, actions));
}

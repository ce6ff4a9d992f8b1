// A pairing run: live progress (elapsed, best score over time, pairs so far), the per-region counts against the
// call's targets, the proof (mode, optimal, bound, gap, pins and exclusions used, blocking pairs, clusters), then tabs:
// the pairs (filter, sort, pages, reasons, pin or exclude), the map, the unpaired (with a chosen applicant's ranked
// recommendations), the ineligible, the blocking pairs, the clusters and the score by constraint; pending pins and
// exclusions become a rerun. Sub-routes: #/pairing/ID/pair/EU|PARTNER and #/pairing/ID/applicant/AID.
import { el, table, facts, statusBadge, moment, elapsed, duration, title, may, label, regionName, REGIONS,
  scoreLevels, fileName } from './dom.js';
import { getJson, send, download, errorBox, follow } from './api.js';
import { replaceParams } from './nav.js';
import { pairsMap } from './map.js';
import { record, sparkline } from './sparkline.js';
import * as changes from './changes.js';

const PAGE = 20;
const TABS = [['pairs', 'Pairs'], ['map', 'Map'], ['unpaired', 'Unpaired'], ['ineligible', 'Not eligible'],
  ['stability', 'Blocking pairs'], ['clusters', 'Clusters'], ['score', 'Score by constraint']];
const emptyChanges = () => ({ pin: [], unpin: [], exclude: [], unexclude: [] });
const cache = new Map();

export async function pairingView(main, [id, sub, subId], params) {
  const tab = TABS.some(t => t[0] === params.get('tab')) ? params.get('tab') : 'pairs';
  let result = cache.get(id);
  if (!result || !isFinal(result.metadata.status)) {
    result = await getJson(`/pairing-runs/${id}`);
    if (isFinal(result.metadata.status)) cache.set(id, result);
  }
  const state = { id, result, tab, params, sub, subId, map: null, stream: null, timer: null, request: null };
  const head = el('div', { id: 'run-head' });
  const progress = el('section', { id: 'progress', class: 'panel', 'aria-label': 'Progress' });
  const regions = el('section', { id: 'regions', class: 'panel', 'aria-label': 'Pairs per region' });
  const proof = el('section', { id: 'proof', class: 'panel', 'aria-label': 'Proof and stability' });
  const detail = el('div', { id: 'detail' });
  const pending = el('section', { id: 'pending', class: 'panel', 'aria-label': 'Pins and exclusions for a rerun' });
  const tabs = el('nav', { class: 'tabs', 'aria-label': 'Parts of the result' }, TABS.map(([key, text]) =>
    el('a', { href: `#/pairing/${id}?tab=${key}`, 'aria-current': key === tab ? 'page' : null, id: `tab-${key}` },
      text)));
  const body = el('div', { id: 'tab-body' });
  main.replaceChildren(head, el('div', { class: 'two' }, progress, regions, proof), detail, pending, tabs, body);

  state.renderAll = async () => {
    const m = state.result.metadata;
    title(`${m.name}${sub === 'applicant' ? ': recommendations' : ''}`);
    renderHead(head, state);
    renderProgress(progress, state);
    renderRegions(regions, state);
    renderProof(proof, state);
    renderPending(pending, state);
    await renderDetail(detail, state);
    await renderTab(body, state);
  };
  await state.renderAll();

  if (!isFinal(result.metadata.status)) {
    let lastReload = 0;
    const reload = async () => {
      lastReload = Date.now();
      state.result = await getJson(`/pairing-runs/${id}`);
      if (isFinal(state.result.metadata.status)) cache.set(id, state.result);
      await state.renderAll();
    };
    state.stream = follow('pairing', id, {
      onBest: best => {
        record(id, best.score, best.pairCount);
        Object.assign(state.result.metadata, { score: best.score, feasible: best.feasible, pairCount: best.pairCount });
        renderProgress(progress, state);
        clearTimeout(state.timer);
        state.timer = setTimeout(() => reload().catch(showError), Math.max(0, 3000 - (Date.now() - lastReload)));
      },
      onStatus: metadata => {
        if (metadata.status !== state.result.metadata.status) {
          clearTimeout(state.timer);
          reload().catch(showError);
        }
      }
    });
  }
  const tick = setInterval(() => {
    if (!isFinal(state.result.metadata.status)) renderProgress(progress, state);
  }, 1000);
  const showError = error => detail.replaceChildren(errorBox(error));
  return () => {
    clearInterval(tick);
    clearTimeout(state.timer);
    if (state.stream) state.stream.close();
    if (state.map) state.map.remove();
  };
}

const isFinal = status => !['SCHEDULED', 'SOLVING'].includes(status);

function renderHead(head, state) {
  const m = state.result.metadata;
  const actions = el('div', { class: 'toolbar' });
  if (!isFinal(m.status) && may('COORDINATOR')) {
    actions.append(el('button', { type: 'button', id: 'stop', onclick: async event => {
      event.target.disabled = true;
      await send('DELETE', `/pairing-runs/${state.id}`).catch(error => head.append(errorBox(error)));
    } }, 'Stop and keep the best'));
  }
  actions.append(el('button', { type: 'button', id: 'download-csv', onclick: () =>
    download(`/pairing-runs/${state.id}`, fileName(`pairs ${m.name}`, 'csv'), 'text/csv')
      .catch(error => head.append(errorBox(error))) }, 'Download the pairs (CSV)'));
  if (may('COORDINATOR ANALYST')) actions.append(el('a', { class: 'button', href: `#/new?from=${state.id}` },
    'Duplicate as a new run'));
  if (isFinal(m.status) && m.pairCount > 0 && may('PLANNER')) {
    actions.append(el('a', { class: 'button primary', href: `#/pairing/${state.id}/schedule`, id: 'make-schedule' },
      'Schedule these pairs'));
  }
  if (m.parentRunId) actions.append(el('a', { class: 'button', href: `#/compare/${m.parentRunId}/${state.id}` },
    'Compare with the run it came from'));
  head.replaceChildren(
    el('p', { class: 'crumbs' }, el('a', { href: '#/runs' }, 'Runs'), ' › pairing run'),
    el('h1', null, m.name, ' ', statusBadge(m.status, m.feasible), m.analysis ? el('span', { class: 'tag' },
      ' analysis') : null),
    facts([['Call', m.call], ['Submitted (UTC)', moment(m.submittedAt)], ['By', m.submittedBy],
      ['Applicants', `${m.applicantCount} (${m.eligibleCount} eligible)`], ['Note', m.failureMessage],
      ['From run', m.parentRunId ? el('a', { href: `#/pairing/${m.parentRunId}` }, 'the original') : null]]),
    actions);
}

function renderProgress(progress, state) {
  const m = state.result.metadata;
  const running = !isFinal(m.status);
  progress.replaceChildren(el('h2', null, running ? 'Solving' : 'Solved'),
    facts([['Status', m.status], ['Elapsed', running ? elapsed(m.startedAt) : duration(m.solvingDuration)
      || elapsed(m.startedAt, m.completedAt)], ['Best score', m.score || 'none yet'],
    ['Pairs so far', String(m.pairCount ?? 0)], ['Moves per second', m.moveEvaluationSpeed]]),
    sparkline(state.id));
  progress.querySelector('dl').id = 'progress-facts';
}

function renderRegions(regions, state) {
  const rows = state.result.regionBalance.map(r => [regionName(r.region), String(r.pairs),
    r.targetPairs === null || r.targetPairs === undefined ? '—' : String(r.targetPairs),
    r.targetPairs === null || r.targetPairs === undefined ? '' : signed(r.pairs - r.targetPairs)]);
  regions.replaceChildren(el('h2', null, 'Pairs per partner region'),
    table('!Pairs per partner region against the call\'s targets', ['Region', 'Pairs', 'Target', 'Difference'], rows,
      { id: 'region-table' }));
}

const signed = n => n > 0 ? `+${n}` : String(n);

/** Every applicant's name by id, from the result's pairs, unpaired and ineligible applicants. */
function applicantNames(result) {
  const names = new Map();
  result.pairs.forEach(p => {
    names.set(p.euApplicant.id, p.euApplicant.name);
    names.set(p.partner.id, p.partner.name);
  });
  result.unpaired.forEach(u => names.set(u.applicant.id, u.applicant.name));
  result.ineligible.forEach(i => names.set(i.applicant.id, i.applicant.name));
  return names;
}

/** A percentage as the page shows it: at most two decimals, "0.5 %". */
export const percent = value => `${Number(value.toFixed(2))} %`;

/**
 * What the run proves (metadata): its mode, whether its best solution is proven optimal, the bound and its kind, the
 * gap to it, the pins and exclusions it was given; and how many blocking pairs its pairing has.
 */
function renderProof(proof, state) {
  const m = state.result.metadata;
  const names = applicantNames(state.result);
  const pairList = (id, pairs) => pairs && pairs.length ? el('details', null,
    el('summary', null, String(pairs.length)), el('ul', { id, class: 'reasons' }, pairs.map(p => el('li', null,
      `${names.get(p.first) || p.first} – ${names.get(p.second) || p.second}`)))) : '0';
  const stability = state.result.stability;
  proof.replaceChildren(el('h2', null, 'Proof and stability'),
    facts([['Mode', m.mode || 'OPTIMAL'],
      ['Proven optimal', m.optimal === undefined || m.optimal === null ? null : (m.optimal ? 'yes' : 'no')],
      ['Bound', m.bound], ['Bound kind', m.boundKind ? label(m.boundKind) : null],
      ['Gap to the bound', typeof m.gapPercent === 'number' ? percent(m.gapPercent) : null],
      ['Pins', pairList('proof-pins', m.pinnedPairs)], ['Exclusions', pairList('proof-exclusions', m.excludedPairs)],
      ['Blocking pairs', stability ? el('a', { href: `#/pairing/${state.id}?tab=stability` },
        String(stability.blockingPairCount)) : null],
      ['Clusters', state.result.clusters ? el('a', { href: `#/pairing/${state.id}?tab=clusters` },
        String(state.result.clusters.length)) : null]]),
    el('p', { class: 'muted' }, m.boundKind === 'RELAXATION'
      ? 'The bound is the optimum without the theme spread and the clusters\' coherence: an upper bound, not the '
        + 'optimum itself.'
      : 'The bound is the optimum of the score; with the mode Stable it is the optimum beside the stable pairing.'));
  proof.querySelector('dl').id = 'proof-facts';
}
const pairKey = p => `${p.euApplicant.id}|${p.partner.id}`;
const asPair = p => ({ first: p.euApplicant.id, second: p.partner.id });

// ---------------------------------------------------------------------------------------------- pins, exclusions

async function storedRequest(state) {
  if (!state.request) state.request = await getJson(`/pairing-runs/${state.id}/request`);
  return state.request;
}

function renderPending(pending, state) {
  const c = changes.load('pairing', state.id, emptyChanges);
  const count = c.pin.length + c.unpin.length + c.exclude.length + c.unexclude.length;
  if (!count || !may('COORDINATOR ANALYST')) {
    pending.hidden = true;
    return;
  }
  pending.hidden = false;
  const names = applicantNames(state.result);
  const nameOf = pair => `${names.get(pair.first) || pair.first} – ${names.get(pair.second) || pair.second}`;
  const item = (text, list, pair) => el('li', null, text, nameOf(pair), ' ', el('button', { type: 'button',
    class: 'small', 'aria-label': `Undo: ${text}${nameOf(pair)}`, onclick: () => {
      c[list] = c[list].filter(p => !changes.samePair(p, pair));
      changes.save('pairing', state.id, c);
      state.renderAll();
    } }, 'Undo'));
  const spent = el('input', { type: 'number', id: 'rerun-seconds', min: 1, value: 10 });
  const rerun = el('button', { type: 'button', class: 'primary', id: 'rerun' }, 'Rerun with these changes');
  rerun.addEventListener('click', async () => {
    rerun.disabled = true;
    rerun.textContent = 'Submitting…';
    try {
      const request = await storedRequest(state);
      const keep = (list, remove) => list.filter(p => !remove.some(r => changes.samePair(p, r)));
      const body = {
        pinnedPairs: [...keep(request.pinnedPairs || [], c.unpin), ...c.pin],
        excludedPairs: [...keep(request.excludedPairs || [], c.unexclude), ...c.exclude],
        termination: { spentLimit: `PT${Number(spent.value) || 10}S` }
      };
      const run = await send('POST', `/pairing-runs/${state.id}/rerun`, body);
      changes.clear('pairing', state.id);
      window.location.hash = `#/pairing/${run.id}`;
    } catch (error) {
      pending.append(errorBox(error));
      rerun.disabled = false;
      rerun.textContent = 'Rerun with these changes';
    }
  });
  pending.replaceChildren(el('h2', null, `Changes for a rerun (${count})`),
    el('ul', { id: 'pending-list' }, c.pin.map(p => item('Pin ', 'pin', p)), c.unpin.map(p => item('Unpin ', 'unpin', p)),
      c.exclude.map(p => item('Exclude ', 'exclude', p)), c.unexclude.map(p => item('Allow again ', 'unexclude', p))),
    el('div', { class: 'toolbar' }, el('label', { for: 'rerun-seconds' }, 'Time limit (seconds) '), spent, rerun),
    el('p', { class: 'muted' }, 'The rerun starts from this run\'s best solution; pins are kept, exclusions '
      + 'removed from the result.'));
}

function toggle(state, list, opposite, pair) {
  const c = changes.load('pairing', state.id, emptyChanges);
  if (c[list].some(p => changes.samePair(p, pair))) {
    c[list] = c[list].filter(p => !changes.samePair(p, pair));
  } else {
    c[list].push(pair);
    c[opposite] = c[opposite].filter(p => !changes.samePair(p, pair));
  }
  changes.save('pairing', state.id, c);
  state.renderAll();
}

function pairButtons(state, p) {
  if (!may('COORDINATOR ANALYST') || !isFinal(state.result.metadata.status)) return '';
  const c = changes.load('pairing', state.id, emptyChanges);
  const pair = asPair(p);
  const has = list => c[list].some(x => changes.samePair(x, pair));
  const who = `${p.euApplicant.name} – ${p.partner.name}`;
  const pinButton = p.pinned
    ? el('button', { type: 'button', class: 'small', 'aria-pressed': String(has('unpin')), 'aria-label': `Unpin ${who}`,
      onclick: () => toggle(state, 'unpin', 'pin', pair) }, 'Unpin')
    : el('button', { type: 'button', class: 'small pin', 'aria-pressed': String(has('pin')), 'aria-label': `Pin ${who}`,
      onclick: () => toggle(state, 'pin', 'exclude', pair) }, has('pin') ? 'Pinned ✓' : 'Pin');
  const excludeButton = el('button', { type: 'button', class: 'small exclude', 'aria-pressed': String(has('exclude')),
    'aria-label': `Exclude ${who}`, onclick: () => toggle(state, 'exclude', 'pin', pair) },
  has('exclude') ? 'Excluded ✓' : 'Exclude');
  return el('span', { class: 'actions' }, pinButton, excludeButton);
}

// -------------------------------------------------------------------------------------------------- detail panels

async function renderDetail(detail, state) {
  if (state.sub === 'pair') {
    const [eu, partner] = state.subId.split('|');
    const p = state.result.pairs.find(x => x.euApplicant.id === eu && x.partner.id === partner);
    if (!p) {
      detail.replaceChildren(el('section', { class: 'panel' }, el('p', null, 'This pair is not in the run\'s best solution.')));
      return;
    }
    detail.replaceChildren(el('section', { class: 'panel', id: 'pair-detail', 'aria-label': 'The pair' },
      el('h2', null, `${p.euApplicant.name} (${p.euApplicant.country}) and ${p.partner.name} (${p.partner.country})`),
      facts([['Region', regionName(p.partner.region)], ['Score', p.score], ['Pinned', p.pinned ? 'yes' : 'no'],
        ['Themes', `${p.euApplicant.themes.join(', ')} / ${p.partner.themes.join(', ')}`]]),
      table('Why this pair', ['Constraint', 'Score', 'Reason'], p.contributions.map(c => [c.constraint, c.score,
        c.justification])),
      el('p', null, pairButtons(state, p), ' ', el('a', { href: `#/pairing/${state.id}/applicant/${encodeURIComponent(
        p.euApplicant.id)}` }, `Other partners for ${p.euApplicant.name}`), ' · ', el('a', { href: `#/pairing/${state.id}` },
        'Close'))));
    return;
  }
  if (state.sub === 'applicant') {
    detail.replaceChildren(await recommendationsPanel(state, state.subId));
    return;
  }
  detail.replaceChildren();
}

async function recommendationsPanel(state, applicantId) {
  const unpaired = state.result.unpaired.find(u => u.applicant.id === applicantId);
  const paired = state.result.pairs.find(p => p.euApplicant.id === applicantId || p.partner.id === applicantId);
  const applicant = unpaired ? unpaired.applicant : paired ? (paired.euApplicant.id === applicantId
    ? paired.euApplicant : paired.partner) : { id: applicantId, name: applicantId };
  const panel = el('section', { class: 'panel', id: 'recommendations', 'aria-label': 'Recommended partners' },
    el('h2', null, `Who could ${applicant.name} pair with?`),
    unpaired ? el('p', null, `${label(unpaired.reason)}: ${unpaired.explanation}`) : null);
  if (!may('COORDINATOR ANALYST')) {
    panel.append(el('p', { class: 'muted' }, 'Recommendations are for coordinators and analysts.'));
    return panel;
  }
  try {
    const recommendations = await send('POST', `/pairing-runs/${state.id}/recommendations`,
      { applicantId, limit: 10 });
    const isEu = applicant.region === 'EU' || (paired && paired.euApplicant.id === applicantId);
    panel.append(recommendations.length ? table('!Recommended partners, best first', ['#', 'Partner', 'Region',
      'Score change', 'Would give up', 'Changes by constraint', ''], recommendations.map((r, i) => el('tr',
      { class: 'recommendation' }, el('td', null, String(i + 1)), el('td', null, `${r.partner.name} (${r.partner.country})`),
      el('td', null, regionName(r.partner.region)), el('td', { class: 'score' }, r.scoreDiff),
      el('td', null, r.replaces || '—'),
      el('td', null, r.contributions.map(c => `${c.constraint} ${c.score}`).join('; ')),
      el('td', null, isFinal(state.result.metadata.status) ? el('button', { type: 'button', class: 'small',
        onclick: () => toggle(state, 'pin', 'exclude', isEu ? { first: applicantId, second: r.partner.id }
          : { first: r.partner.id, second: applicantId }) }, 'Pin this pair') : ''))), { id: 'recommendation-table' })
      : el('p', null, 'No applicant on the other side may be paired with it.'));
  } catch (error) {
    panel.append(errorBox(error));
  }
  panel.append(el('p', null, el('a', { href: `#/pairing/${state.id}?tab=unpaired` }, 'Close')));
  return panel;
}

// ------------------------------------------------------------------------------------------------------------ tabs

async function renderTab(body, state) {
  if (state.map) { state.map.remove(); state.map = null; }
  const r = state.result;
  if (state.tab === 'pairs') body.replaceChildren(pairsTab(state));
  else if (state.tab === 'map') {
    const holder = el('section', { 'aria-label': 'Map of the pairs' }, el('h2', null, `Map of ${r.pairs.length} pairs`));
    const mapBox = el('div');
    holder.append(mapBox);
    body.replaceChildren(holder);
    state.map = await pairsMap(mapBox, r.pairs, p => { window.location.hash = pairLink(state, p); });
  } else if (state.tab === 'unpaired') body.replaceChildren(unpairedTab(state));
  else if (state.tab === 'ineligible') {
    body.replaceChildren(el('h2', null, `Not eligible (${r.ineligible.length})`),
      table('!Ineligible applicants', ['Applicant', 'Country', 'Reasons'], r.ineligible.map(i => [i.applicant.name,
        i.applicant.country, el('ul', { class: 'reasons' }, i.reasons.map(x => el('li', null, x.message)))])));
  } else if (state.tab === 'stability') body.replaceChildren(stabilityTab(state));
  else if (state.tab === 'clusters') body.replaceChildren(clustersTab(state));
  else {
    const analysis = await getJson(`/pairing-runs/${state.id}/score-analysis`);
    body.replaceChildren(el('h2', null, `Score by constraint: ${analysis.score}`),
      table('!Score by constraint', ['Constraint', 'Weight', 'Score', 'Matches'], analysis.constraints.map(c =>
        [c.name, c.weight, c.score, String(c.matchCount)]), { id: 'score-table' }));
  }
}

const pairLink = (state, p) => `#/pairing/${state.id}/pair/${encodeURIComponent(pairKey(p))}`;

/** The pairs that pass the filters of the URL, sorted as it says. */
export function filterPairs(pairs, params) {
  const q = (params.get('q') || '').toLowerCase();
  const region = params.get('region') || '';
  const country = params.get('country') || '';
  const theme = params.get('theme') || '';
  let rows = pairs.filter(p => (!q || `${p.euApplicant.name} ${p.partner.name}`.toLowerCase().includes(q))
    && (!region || p.partner.region === region)
    && (!country || p.euApplicant.country === country || p.partner.country === country)
    && (!theme || p.euApplicant.themes.includes(theme) || p.partner.themes.includes(theme)));
  const sort = params.get('sort') || '';
  const dir = params.get('dir') === 'desc' ? -1 : 1;
  const keys = { eu: p => p.euApplicant.name, partner: p => p.partner.name, region: p => p.partner.region || '',
    score: p => { const s = scoreLevels(p.score); return s.hard * 1e12 + s.medium * 1e6 + s.soft; } };
  if (keys[sort]) {
    const key = keys[sort];
    rows = [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return dir * (typeof x === 'number' ? x - y : String(x).localeCompare(String(y)));
    });
  }
  return rows;
}

function pairsTab(state) {
  const pairs = state.result.pairs;
  const params = state.params;
  const box = el('section', { 'aria-label': 'Pairs' });
  const countries = [...new Set(pairs.flatMap(p => [p.euApplicant.country, p.partner.country]))].sort();
  const themes = [...new Set(pairs.flatMap(p => [...p.euApplicant.themes, ...p.partner.themes]))].sort();
  const select = (id, text, options, value) => el('label', null, `${text} `, el('select', { id, 'data-param': id },
    el('option', { value: '' }, 'any'), options.map(([v, t]) => el('option', { value: v, selected: v === value }, t))));
  const search = el('input', { type: 'search', id: 'q', 'data-param': 'q', value: params.get('q') || '',
    'aria-label': 'Search the pairs by city name', placeholder: 'Search by name' });
  const filters = el('div', { class: 'toolbar filters', role: 'search' }, search,
    select('region', 'Region', REGIONS.map(r => [r, regionName(r)]), params.get('region')),
    select('country', 'Country', countries.map(c => [c, c]), params.get('country')),
    select('theme', 'Theme', themes.map(t => [t, t]), params.get('theme')));
  const list = el('div');
  const update = () => {
    filters.querySelectorAll('[data-param]').forEach(input => {
      if (input.value) params.set(input.dataset.param, input.value); else params.delete(input.dataset.param);
    });
    params.delete('page');
    replaceParams(params);
    renderList();
  };
  filters.querySelectorAll('select').forEach(s => s.addEventListener('change', update));
  search.addEventListener('input', update);
  const renderList = () => {
    const rows = filterPairs(pairs, params);
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    const page = Math.min(pages - 1, Math.max(0, Number(params.get('page') || 0)));
    const shown = rows.slice(page * PAGE, page * PAGE + PAGE);
    const sortHeader = (key, text) => {
      const active = params.get('sort') === key;
      const dir = active && params.get('dir') !== 'desc' ? 'desc' : 'asc';
      return el('th', { scope: 'col', 'aria-sort': active ? (params.get('dir') === 'desc' ? 'descending' : 'ascending')
        : 'none' }, el('button', { type: 'button', class: 'sort', id: `sort-${key}`, onclick: () => {
        params.set('sort', key);
        params.set('dir', dir);
        replaceParams(params);
        renderList();
      } }, text, active ? (params.get('dir') === 'desc' ? ' ▼' : ' ▲') : ''));
    };
    const head = el('tr', null, sortHeader('eu', 'EU applicant'), sortHeader('partner', 'Partner'),
      sortHeader('region', 'Region'), el('th', { scope: 'col' }, 'Themes in common'), sortHeader('score', 'Score'),
      el('th', { scope: 'col' }, 'Why'), el('th', { scope: 'col' }, 'Pin or exclude'));
    const go = p => { params.set('page', p); replaceParams(params); renderList(); };
    list.replaceChildren(
      el('p', { id: 'pairs-count', 'data-filtered': rows.length, 'data-total': pairs.length, 'aria-live': 'polite' },
        rows.length ? `Pairs ${page * PAGE + 1}–${page * PAGE + shown.length} of ${rows.length}` : 'No pair',
        rows.length !== pairs.length ? ` (filtered from ${pairs.length})` : ''),
      table('!Pairs', [head], shown.map(p => el('tr', { class: 'pair-row', 'data-pair': pairKey(p) },
        el('td', null, el('a', { href: pairLink(state, p) }, p.euApplicant.name), ` (${p.euApplicant.country})`),
        el('td', null, p.partner.name, ` (${p.partner.country})`),
        el('td', null, regionName(p.partner.region)),
        el('td', null, p.euApplicant.themes.filter(t => p.partner.themes.includes(t)).join(', ')),
        el('td', { class: 'score' }, p.score, p.pinned ? el('span', { class: 'tag pinned' }, ' pinned') : null),
        el('td', null, el('details', null, el('summary', null, `${p.contributions.length} reasons`),
          el('ul', { class: 'reasons' }, p.contributions.map(c => el('li', null, `${c.justification} (${c.score})`))))),
        el('td', null, pairButtons(state, p)))), { class: 'pairs', id: 'pairs-table' }),
      el('nav', { class: 'pager', 'aria-label': 'Pages of pairs' },
        el('button', { type: 'button', id: 'pairs-prev', disabled: page === 0, onclick: () => go(page - 1) }, 'Previous'),
        el('span', null, ` Page ${page + 1} of ${pages} `),
        el('button', { type: 'button', id: 'pairs-next', disabled: page + 1 >= pages, onclick: () => go(page + 1) },
          'Next')));
  };
  renderList();
  box.append(el('h2', null, `Pairs (${pairs.length})`), filters, list);
  return box;
}

/** The blocking pairs: pairs not formed whose two applicants would both rather be together, with what each gains. */
function stabilityTab(state) {
  const stability = state.result.stability || { blockingPairCount: 0, blockingPairs: [] };
  const count = stability.blockingPairCount;
  const listed = stability.blockingPairs;
  const who = a => a ? `${a.name} (${a.country})` : '—';
  const gain = value => value === null || value === undefined ? 'fills an open place' : String(value);
  const caption = listed.length === count ? `All ${count} blocking pairs, the largest combined gain first`
    : `The ${listed.length} blocking pairs with the largest combined gain, of ${count}`;
  const rows = listed.map(b => el('tr', { class: 'blocking-row' }, el('td', null, who(b.euApplicant)),
    el('td', { class: 'score' }, gain(b.euGain)), el('td', null, who(b.euWouldGiveUp)),
    el('td', null, who(b.partner)), el('td', { class: 'score' }, gain(b.partnerGain)),
    el('td', null, who(b.partnerWouldGiveUp))));
  return el('section', { 'aria-label': 'Blocking pairs' },
    el('h2', null, `Blocking pairs (${count})`),
    el('p', { class: 'muted' }, 'A blocking pair is an allowed pair not formed whose two applicants would both rather '
      + 'be together: each gains, by its own view, its liking of the other minus its liking of the partner it would '
      + 'give up, or fills an open place. The call\'s own terms (regional balance, caps) are nobody\'s wish.'),
    listed.length ? table(caption, ['EU applicant', 'It gains', 'It would give up', 'Partner', 'It gains',
      'It would give up'], rows, { id: 'blocking-table' })
      : el('p', { id: 'no-blocking' }, 'No blocking pair: the pairing is stable.'));
}

/** The clusters: each applicant with two or more partners, the themes all of them share and the service's sentence. */
function clustersTab(state) {
  const clusters = state.result.clusters || [];
  const who = a => `${a.name} (${a.country})`;
  const list = (items, empty) => items.length ? el('ul', { class: 'reasons' }, items.map(item => el('li', null, item)))
    : empty;
  // The hub links to its pairs (the pairs filtered by its name), where each carries the cluster's line.
  const hubPairs = hub => `#/pairing/${state.id}?tab=pairs&q=${encodeURIComponent(hub.name)}`;
  const rows = clusters.map(c => el('tr', { class: 'cluster-row' }, el('td', null, el('a', { href: hubPairs(c.hub),
    'aria-label': `The pairs of ${c.hub.name}` }, c.hub.name), ` (${c.hub.country})`),
    el('td', null, list(c.partners.map(who), '')), el('td', null, list(c.commonThemes, 'none')),
    el('td', null, c.explanation)));
  return el('section', { 'aria-label': 'Clusters' },
    el('h2', null, `Clusters (${clusters.length})`),
    el('p', { class: 'muted' }, 'A cluster is an applicant (its hub) with two or more partners; it is coherent when '
      + 'one of the call\'s themes is a challenge of the hub and of every partner. The call\'s cluster coherence '
      + 'asks for that softly (Cluster coherence), as a hard rule (Incoherent cluster) or not at all.'),
    clusters.length ? table(clusters.length === 1 ? 'The cluster, its partners and the themes all of them share'
      : `All ${clusters.length} clusters, their partners and the themes all of each share`,
    ['Hub', 'Partners', 'Themes in common', 'Explanation'], rows, { id: 'clusters-table' })
      : el('p', { id: 'no-clusters' }, 'No cluster: no applicant has more than one partner.'));
}

function unpairedTab(state) {
  const r = state.result;
  const page = Math.max(0, Number(state.params.get('page') || 0));
  const pages = Math.max(1, Math.ceil(r.unpaired.length / PAGE));
  const shown = r.unpaired.slice(page * PAGE, page * PAGE + PAGE);
  const go = p => { window.location.hash = `#/pairing/${state.id}?tab=unpaired&page=${p}`; };
  return el('section', { 'aria-label': 'Unpaired applicants' },
    el('h2', null, `Eligible but unpaired (${r.unpaired.length})`),
    table('!Eligible applicants with open places', ['Applicant', 'Region', 'Open places', 'Why', ''],
      shown.map(u => el('tr', { class: 'unpaired-row' }, el('td', null, `${u.applicant.name} (${u.applicant.country})`),
        el('td', null, regionName(u.applicant.region)), el('td', null, String(u.openPlaces)),
        el('td', null, el('strong', null, label(u.reason)), ' ', u.explanation),
        el('td', null, el('a', { href: `#/pairing/${state.id}/applicant/${encodeURIComponent(u.applicant.id)}`,
          class: 'button small', 'aria-label': `Who could ${u.applicant.name} pair with?` }, 'Who could it pair with?')))),
      { id: 'unpaired-table' }),
    el('nav', { class: 'pager', 'aria-label': 'Pages of unpaired applicants' },
      el('button', { type: 'button', disabled: page === 0, onclick: () => go(page - 1) }, 'Previous'),
      el('span', null, ` Page ${page + 1} of ${pages} `),
      el('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, 'Next')));
}

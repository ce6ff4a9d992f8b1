// A schedule run: status and feasibility (an infeasible schedule says so, with every hard-rule break), the Gantt by
// pair, expert or city with public holidays shaded, an event's detail, confirmations, cancellations, blackouts and
// leave gathered for a re-plan, downloads (.ics named after the pair, expert or city; CSV). Updates while solving.
// Sub-routes: #/schedule/ID/event/EID, /expert/XID, /city/CID, /pair/PID.
import { el, table, facts, statusBadge, moment, elapsed, duration, title, may, label, scoreLevels,
  fileName } from './dom.js';
import { getJson, send, download, errorBox, follow } from './api.js';
import { ganttRows, gantt } from './gantt.js';
import { parseDates, formatDates } from './new-schedule.js';
import * as changes from './changes.js';

const emptyChanges = () => ({ confirm: [], cancel: [], postpone: [], blackouts: [], leave: [] });
const isFinal = status => !['SCHEDULED', 'SOLVING'].includes(status);
const holidayCache = new Map();

export async function scheduleView(main, [id, sub, subId], params) {
  const by = ['pair', 'expert', 'city'].includes(params.get('by')) ? params.get('by') : 'pair';
  const state = { id, sub, subId, by, result: null, breaks: new Map(), breakList: [], holidays: [], stream: null };
  const head = el('div', { id: 'run-head' });
  const alert = el('div', { id: 'feasibility' });
  const detail = el('div', { id: 'detail' });
  const pending = el('section', { id: 'pending', class: 'panel', 'aria-label': 'Changes for a re-plan' });
  const chart = el('section', { id: 'chart', 'aria-label': 'Gantt chart' });
  const breaksBox = el('section', { id: 'breaks' });
  main.replaceChildren(head, alert, detail, chart, breaksBox, pending);

  async function load() {
    state.result = await getJson(`/schedule-runs/${id}`);
    const analysis = state.result.metadata.score ? await getJson(`/schedule-runs/${id}/score-analysis`) : null;
    state.breaks = new Map();
    state.breakList = [];
    for (const c of analysis ? analysis.constraints : []) {
      if (scoreLevels(c.score).hard >= 0) continue;
      for (const match of c.matches) {
        const j = match.justification || {};
        state.breakList.push({ constraint: c.name, sentence: j.description, eventIds: j.eventIds || [] });
        (j.eventIds || []).forEach(e => state.breaks.set(e, [...(state.breaks.get(e) || []), j.description]));
      }
    }
    state.holidays = await holidays(state.result);
  }
  const render = () => {
    const m = state.result.metadata;
    title(`${m.name}${sub ? ': ' + sub : ''}`);
    renderHead(head, state);
    renderFeasibility(alert, state);
    renderDetail(detail, state);
    renderPending(pending, state, render);
    renderChart(chart, state);
    renderBreaks(breaksBox, state);
  };
  await load();
  render();

  let timer = null;
  if (!isFinal(state.result.metadata.status)) {
    const reload = () => load().then(render).catch(error => detail.replaceChildren(errorBox(error)));
    state.stream = follow('schedule', id, {
      onBest: best => {
        Object.assign(state.result.metadata, { score: best.score, feasible: best.feasible });
        renderHead(head, state);
        if (!timer) timer = setTimeout(() => { timer = null; reload(); }, 3000);
      },
      onStatus: metadata => {
        if (metadata.status !== state.result.metadata.status) { clearTimeout(timer); timer = null; reload(); }
      }
    });
  }
  return () => { clearTimeout(timer); if (state.stream) state.stream.close(); };
}

async function holidays(result) {
  const pairs = result.pairs;
  if (!pairs.length) return [];
  const cities = pairs.flatMap(p => [p.euCity, p.partnerCity]);
  const countries = [...new Set(cities.map(c => c.country))].sort();
  const subdivisions = [...new Set(cities.map(c => c.subdivision).filter(Boolean))].sort();
  const query = new URLSearchParams();
  countries.forEach(c => query.append('country', c));
  subdivisions.forEach(s => query.append('subdivision', s));
  query.set('from', pairs[0].windowStart);
  query.set('to', pairs[0].windowEnd);
  const key = query.toString();
  if (!holidayCache.has(key)) holidayCache.set(key, getJson(`/holidays?${key}`));
  return holidayCache.get(key);
}

function renderHead(head, state) {
  const m = state.result.metadata;
  const running = !isFinal(m.status);
  const actions = el('div', { class: 'toolbar' });
  if (running && may('PLANNER')) {
    actions.append(el('button', { type: 'button', id: 'stop', onclick: async event => {
      event.target.disabled = true;
      await send('DELETE', `/schedule-runs/${state.id}`).catch(error => head.append(errorBox(error)));
    } }, 'Stop and keep the best'));
  }
  const fail = error => head.append(errorBox(error));
  actions.append(
    el('button', { type: 'button', id: 'download-ics', onclick: () => download(`/schedule-runs/${state.id}/calendar.ics`,
      fileName(`schedule ${m.name}`, 'ics')).catch(fail) }, 'Calendar of every event (.ics)'),
    el('button', { type: 'button', id: 'download-schedule-csv', onclick: () => download(`/schedule-runs/${state.id}`,
      fileName(`schedule ${m.name}`, 'csv'), 'text/csv').catch(fail) }, 'Download (CSV)'));
  if (m.sourceRunId && may('PLANNER')) {
    actions.append(el('a', { class: 'button', href: `#/pairing/${m.sourceRunId}/schedule?from=${state.id}` },
      'Duplicate as a new schedule'));
  }
  head.replaceChildren(
    el('p', { class: 'crumbs' }, el('a', { href: '#/runs' }, 'Runs'), ' › ',
      m.sourceRunId ? el('a', { href: `#/pairing/${m.sourceRunId}` }, 'pairing run') : 'given pairs', ' › schedule'),
    el('h1', null, m.name, ' ', statusBadge(m.status, m.feasible)),
    facts([['Submitted (UTC)', moment(m.submittedAt)], ['By', m.submittedBy],
      ['Elapsed', running ? elapsed(m.startedAt) : duration(m.solvingDuration)], ['Best score', m.score || 'none yet'],
      ['Pairs', String(m.pairCount ?? '')], ['Events', String(m.eventCount ?? '')],
      ['Shared events', String(m.sharedEventCount ?? '')], ['Note', m.failureMessage],
      ['Re-plan of', m.parentRunId ? el('a', { href: `#/schedule/${m.parentRunId}` }, 'the previous schedule') : null],
      ['Stable calendar', m.sourceRunId ? el('a', { href: `/api/v1/schedule-runs/current/${m.sourceRunId}/calendar.ics` },
        'current plan of the pairing run (.ics)') : null]]),
    actions);
}

function renderFeasibility(box, state) {
  const m = state.result.metadata;
  if (m.feasible === false) {
    box.replaceChildren(el('div', { class: 'infeasible', role: 'alert', id: 'infeasible' },
      el('strong', null, isFinal(m.status) ? 'Infeasible: ' : 'Not feasible yet: '),
      `${state.breakList.length} hard-rule break(s) remain (score ${m.score}). The events concerned are red; `
      + 'their sentences are listed below the chart.'));
  } else if (m.feasible === true) {
    box.replaceChildren(el('p', { class: 'ok', id: 'feasible' }, 'Feasible: no hard rule is broken.'));
  } else {
    box.replaceChildren(el('p', { class: 'muted' }, 'No schedule yet.'));
  }
}

function renderChart(chartBox, state) {
  const r = state.result;
  if (!r.pairs.length) {
    chartBox.replaceChildren(el('p', { class: 'muted' }, 'No pair to show.'));
    return;
  }
  const rows = ganttRows(r, state.by, state.id);
  const switcher = el('nav', { class: 'tabs', 'aria-label': 'Rows of the chart' }, [['pair', 'By pair'],
    ['expert', 'By expert'], ['city', 'By city']].map(([key, text]) => el('a', {
    href: `#/schedule/${state.id}${state.sub ? `/${state.sub}/${encodeURIComponent(state.subId)}` : ''}?by=${key}`,
    'aria-current': key === state.by ? 'page' : null, id: `by-${key}` }, text)));
  chartBox.replaceChildren(el('h2', null, `${r.events.length} events over ${r.pairs[0].windowStart} to `
    + `${r.pairs[0].windowEnd}`), switcher,
  el('p', { class: 'legend muted' }, el('span', { class: 'key key-holiday' }), ' public holiday of a city in the row ',
    el('span', { class: 'key key-broken' }), ' breaks a hard rule ', el('span', { class: 'key key-confirmed' }),
    ' confirmed ', el('span', { class: 'key key-online' }), ' online'),
  gantt({ rows, windowStart: r.pairs[0].windowStart, windowEnd: r.pairs[0].windowEnd, holidays: state.holidays,
    breaks: state.breaks, scheduleId: state.id, selected: state.sub === 'event' ? state.subId : null }));
}

function renderBreaks(box, state) {
  if (!state.breakList.length) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(el('h2', null, `Hard-rule breaks (${state.breakList.length})`),
    table('!Hard-rule breaks', ['Rule', 'What is wrong', 'Events'], state.breakList.map(b => el('tr', { class: 'break-row' },
      el('td', null, b.constraint), el('td', null, b.sentence), el('td', null, b.eventIds.map(e => el('a', {
        href: `#/schedule/${state.id}/event/${encodeURIComponent(e)}` }, e)))))));
}

const ref = e => ({ pairId: e.pairId, kind: e.kind });
const sameRef = (a, b) => a.pairId === b.pairId && a.kind === b.kind;

function renderDetail(detail, state) {
  const r = state.result;
  if (state.sub === 'event') {
    const e = r.events.find(x => x.id === state.subId);
    if (!e) {
      detail.replaceChildren(el('section', { class: 'panel' }, el('p', null, 'This event is not in the schedule.')));
      return;
    }
    const c = changes.load('schedule', state.id, emptyChanges);
    const toggle = list => () => {
      const current = changes.load('schedule', state.id, emptyChanges);
      current[list] = current[list].some(x => sameRef(x, e)) ? current[list].filter(x => !sameRef(x, e))
        : [...current[list], ref(e)];
      changes.save('schedule', state.id, current);
      renderDetail(detail, state);
      renderPending(document.getElementById('pending'), state, () => renderDetail(detail, state));
    };
    const broken = state.breaks.get(e.id) || [];
    const canChange = may('PLANNER') && isFinal(r.metadata.status);
    detail.replaceChildren(el('section', { class: 'panel', id: 'event-detail', 'aria-label': 'The event' },
      el('h2', null, `${label(e.kind)}${e.shared ? ` (${e.pairIds.length} pairs)` : ''}: ${e.start}`
        + `${e.end !== e.start ? ' to ' + e.end : ''}`),
      facts([['Pair or group', e.pairId], ['Where', e.inPerson ? `${e.host.name} (${e.host.country})` : 'online'],
        ['Travelling', e.travellingDelegation ? e.travellingDelegation.name
          : (e.travellingDelegations || []).map(x => x.name).join(', ')],
        ['Delegates', e.delegatesMin ? `${e.delegatesMin}–${e.delegatesMax}` : ''],
        ['Expert', e.expert ? el('a', { href: `#/schedule/${state.id}/expert/${encodeURIComponent(e.expert.id)}` },
          e.expert.name || e.expert.id) : 'none'],
        ['Online session', e.onlineSession ? e.onlineSession.local.map(l => `${l.who}: ${l.start.replace('T', ' ')}`
          + ` (${l.timeZone})`).join('; ') : ''],
        ['Status', e.status], ['Published start', e.publishedStart], ['Calendar sequence', String(e.sequence)]]),
      broken.length ? el('div', { class: 'infeasible', id: 'event-breaks' }, el('strong', null, 'Breaks: '),
        el('ul', null, broken.map(s => el('li', null, s)))) : null,
      canChange ? el('div', { class: 'toolbar' },
        e.pinned ? el('span', { class: 'tag' }, 'confirmed') : el('button', { type: 'button', id: 'confirm-event',
          'aria-pressed': String(c.confirm.some(x => sameRef(x, e))), onclick: toggle('confirm') },
        c.confirm.some(x => sameRef(x, e)) ? 'To confirm ✓' : 'Confirm'),
        el('button', { type: 'button', id: 'cancel-event', 'aria-pressed': String(c.cancel.some(x => sameRef(x, e))),
          onclick: toggle('cancel') }, c.cancel.some(x => sameRef(x, e)) ? 'To cancel ✓' : 'Cancel the event'),
        el('label', { for: 'postpone-date' }, 'Postpone to '),
        el('input', { type: 'date', id: 'postpone-date', min: e.start,
          value: (c.postpone.find(x => sameRef(x, e)) || {}).start || '' }),
        el('button', { type: 'button', id: 'postpone-event', onclick: () => {
          const start = document.getElementById('postpone-date').value;
          const current = changes.load('schedule', state.id, emptyChanges);
          current.postpone = current.postpone.filter(x => !sameRef(x, e));
          if (start) current.postpone.push({ ...ref(e), start });
          changes.save('schedule', state.id, current);
          renderDetail(detail, state);
          renderPending(document.getElementById('pending'), state, () => renderDetail(detail, state));
        } }, 'Postpone')) : null,
      el('p', null, el('a', { href: `#/schedule/${state.id}` }, 'Close'))));
    return;
  }
  if (['expert', 'city', 'pair'].includes(state.sub)) {
    const events = r.events.filter(e => state.sub === 'expert' ? e.expert && e.expert.id === state.subId
      : state.sub === 'pair' ? e.pairId === state.subId || (e.pairIds || []).includes(state.subId)
        : [e.host, e.travellingDelegation, ...(e.travellingDelegations || [])].some(x => x && x.id === state.subId)
          || (!e.inPerson && r.pairs.some(p => p.pairId === e.pairId
            && (p.euCity.id === state.subId || p.partnerCity.id === state.subId))));
    const named = state.sub === 'expert' ? (events.find(e => e.expert) || {}).expert?.name
      : state.sub === 'pair' ? (() => { const p = r.pairs.find(x => x.pairId === state.subId);
        return p ? `${p.euCity.name} – ${p.partnerCity.name}` : state.subId; })()
        : (() => { const p = r.pairs.find(x => x.euCity.id === state.subId || x.partnerCity.id === state.subId);
          return p ? (p.euCity.id === state.subId ? p.euCity.name : p.partnerCity.name) : state.subId; })();
    const who = named || state.subId;
    detail.replaceChildren(el('section', { class: 'panel', id: 'agenda', 'aria-label': `Agenda of ${who}` },
      el('h2', null, `${label(state.sub)}: ${who} (${events.length} events)`),
      el('div', { class: 'toolbar' }, el('button', { type: 'button', id: 'download-agenda-ics', onclick: () =>
        download(`/schedule-runs/${state.id}/calendar.ics?${state.sub}=${encodeURIComponent(state.subId)}`,
          fileName(`${state.sub} ${who}`, 'ics')).catch(error => detail.append(errorBox(error))) },
      `Calendar of ${who} (.ics)`)),
      table('!Events', ['Event', 'From', 'To', 'Where', 'Expert'], events.map(e => [
        el('a', { href: `#/schedule/${state.id}/event/${encodeURIComponent(e.id)}` }, `${label(e.kind)} (${e.pairId})`),
        e.start, e.end, e.inPerson ? `${e.host.name} (${e.host.country})` : 'online',
        e.expert ? (e.expert.name || e.expert.id) : '']), { id: 'agenda-table' }),
      el('p', null, el('a', { href: `#/schedule/${state.id}` }, 'Close'))));
    return;
  }
  detail.replaceChildren();
}

function renderPending(pending, state, rerender) {
  const r = state.result;
  if (!may('PLANNER') || !isFinal(r.metadata.status)) {
    pending.hidden = true;
    return;
  }
  pending.hidden = false;
  const c = changes.load('schedule', state.id, emptyChanges);
  const saveAndRender = () => { changes.save('schedule', state.id, c); renderPending(pending, state, rerender); rerender(); };
  const cities = new Map();
  r.pairs.forEach(p => { cities.set(p.euCity.id, p.euCity); cities.set(p.partnerCity.id, p.partnerCity); });
  const experts = new Map();
  r.events.filter(e => e.expert).forEach(e => experts.set(e.expert.id, e.expert));
  const undo = (list, i) => el('button', { type: 'button', class: 'small', onclick: () => {
    c[list].splice(i, 1);
    saveAndRender();
  } }, 'Undo');
  const items = [
    ...c.confirm.map((e, i) => el('li', null, `Confirm ${label(e.kind)} of ${e.pairId} `, undo('confirm', i))),
    ...c.cancel.map((e, i) => el('li', null, `Cancel ${label(e.kind)} of ${e.pairId} `, undo('cancel', i))),
    ...c.postpone.map((e, i) => el('li', null, `Postpone ${label(e.kind)} of ${e.pairId} to ${e.start} `,
      undo('postpone', i))),
    ...c.blackouts.map((b, i) => el('li', null, `${(cities.get(b.cityId) || {}).name || b.cityId}: `
      + `${b.dates.length ? 'blackout ' + formatDates(b.dates) : ''}${b.dates.length && b.capacity ? ', ' : ''}`
      + `${b.capacity ? 'hosts ' + b.capacity + ' delegations at once' : ''} `, undo('blackouts', i))),
    ...c.leave.map((l, i) => el('li', null, `Leave of ${(experts.get(l.expertId) || {}).name || l.expertId}: `
      + `${formatDates(l.dates)} `, undo('leave', i)))];
  const citySelect = el('select', { id: 'blackout-city' }, [...cities.values()].sort((a, b) => a.name.localeCompare(b.name))
    .map(x => el('option', { value: x.id }, `${x.name} (${x.country})`)));
  const cityDates = el('input', { id: 'blackout-dates', placeholder: '2027-05-10..2027-05-12' });
  const cityCapacity = el('input', { id: 'blackout-capacity', type: 'number', min: 1, placeholder: 'unchanged' });
  const expertSelect = el('select', { id: 'leave-expert' }, [...experts.values()].map(x =>
    el('option', { value: x.id }, x.name || x.id)));
  const expertDates = el('input', { id: 'leave-dates', placeholder: '2027-06-14..2027-06-15' });
  const message = el('div', { 'aria-live': 'polite' });
  const add = (list, select, input, keyName, capacityInput) => () => {
    try {
      const dates = parseDates(input.value);
      const capacity = capacityInput && capacityInput.value !== '' ? Number(capacityInput.value) : null;
      if (!dates.length && capacity === null) throw new Error('Give at least one date.');
      c[list].push(Object.assign({ [keyName]: select.value, dates }, capacity === null ? {} : { capacity }));
      saveAndRender();
    } catch (error) {
      message.replaceChildren(errorBox(error));
    }
  };
  const spent = el('input', { type: 'number', id: 'replan-seconds', min: 1, value: 30 });
  const replan = el('button', { type: 'button', class: 'primary', id: 'replan', disabled: !items.length },
    'Re-plan with these changes');
  replan.addEventListener('click', async () => {
    replan.disabled = true;
    replan.textContent = 'Submitting…';
    try {
      const blackouts = new Map();
      const capacities = new Map();
      c.blackouts.forEach(b => {
        blackouts.set(b.cityId, [...(blackouts.get(b.cityId) || []), ...b.dates]);
        if (b.capacity) capacities.set(b.cityId, b.capacity);
      });
      const leave = new Map();
      c.leave.forEach(l => leave.set(l.expertId, [...(leave.get(l.expertId) || []), ...l.dates]));
      const run = await send('POST', `/schedule-runs/${state.id}/replan`, {
        cities: [...blackouts.entries()].map(([cityId, dates]) => Object.assign({ cityId,
          blackoutDates: [...new Set(dates)] }, capacities.has(cityId) ? { hostingCapacity: capacities.get(cityId) }
          : {})),
        expertLeave: [...leave.entries()].map(([expertId, dates]) => ({ expertId, dates: [...new Set(dates)] })),
        cancelledEvents: c.cancel, confirmedEvents: c.confirm, postponedEvents: c.postpone,
        termination: { spentLimit: `PT${Number(spent.value) || 30}S` } });
      changes.clear('schedule', state.id);
      window.location.hash = `#/schedule/${run.id}`;
    } catch (error) {
      message.replaceChildren(errorBox(error));
      replan.disabled = false;
      replan.textContent = 'Re-plan with these changes';
    }
  });
  pending.replaceChildren(el('h2', null, `Changes for a re-plan (${items.length})`),
    items.length ? el('ul', { id: 'replan-changes' }, items)
      : el('p', { class: 'muted' }, 'Confirm, postpone or cancel events from their detail (choose a bar), or add a '
        + 'blackout or an expert\'s leave here.'),
    el('div', { class: 'toolbar' }, el('label', { for: 'blackout-city' }, 'Blackout in '), citySelect,
      el('label', { for: 'blackout-dates' }, ' on '), cityDates,
      el('label', { for: 'blackout-capacity' }, ' delegations hosted at once '), cityCapacity,
      el('button', { type: 'button', id: 'add-blackout', onclick: add('blackouts', citySelect, cityDates, 'cityId',
        cityCapacity) }, 'Add for the city')),
    experts.size ? el('div', { class: 'toolbar' }, el('label', { for: 'leave-expert' }, 'Leave of '), expertSelect,
      el('label', { for: 'leave-dates' }, ' on '), expertDates,
      el('button', { type: 'button', id: 'add-leave', onclick: add('leave', expertSelect, expertDates, 'expertId') },
        'Add the leave')) : null,
    el('div', { class: 'toolbar' }, el('label', { for: 'replan-seconds' }, 'Time limit (seconds) '), spent, replan),
    message);
}

// A schedule from a pairing run's pairs, with the experts (name, languages, regions covered, availability, monthly
// maximum, home city), city blackouts and hosting capacity entered here; all of it is stored with the run.
// #/pairing/ID/schedule?from=SCHEDULE_ID starts from a stored schedule's request.
import { el, title, REGIONS, regionName, label } from './dom.js';
import { getJson, send, errorBox } from './api.js';

const IN_PERSON = ['KICK_OFF', 'THEMATIC_TRAINING', 'ACTION_PLAN_WORKSHOP', 'FINAL_EVENT'];
let counter = 0;

/** "2027-03-01..2027-03-03, 2027-04-10" → every day listed. */
export function parseDates(text) {
  const days = [];
  for (const part of String(text || '').split(/[,;\s]+/).filter(Boolean)) {
    const [from, to] = part.split('..');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || (to && !/^\d{4}-\d{2}-\d{2}$/.test(to))) {
      throw new Error(`"${part}" is not a date (2027-03-01) or a range (2027-03-01..2027-03-05).`);
    }
    const day = new Date(`${from}T00:00:00Z`);
    const last = new Date(`${to || from}T00:00:00Z`);
    if (last < day) throw new Error(`"${part}" ends before it starts.`);
    for (; day <= last && days.length < 2000; day.setUTCDate(day.getUTCDate() + 1)) {
      days.push(day.toISOString().substring(0, 10));
    }
  }
  return days;
}

/** Consecutive days written as ranges again: the inverse of parseDates. */
export function formatDates(days) {
  const sorted = [...new Set(days || [])].sort();
  const parts = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    const next = d => new Date(Date.parse(`${d}T00:00:00Z`) + 86400000).toISOString().substring(0, 10);
    while (j + 1 < sorted.length && sorted[j + 1] === next(sorted[j])) j++;
    parts.push(i === j ? sorted[i] : `${sorted[i]}..${sorted[j]}`);
    i = j;
  }
  return parts.join(', ');
}

const slug = text => String(text).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  .substring(0, 60) || 'expert';

export async function newScheduleView(main, [pairingId], params) {
  const [result, stored] = await Promise.all([getJson(`/pairing-runs/${pairingId}`),
    params.get('from') ? getJson(`/schedule-runs/${params.get('from')}/request`) : null]);
  const m = result.metadata;
  title(`Schedule the pairs of ${m.name}`);
  const cities = new Map();
  result.pairs.forEach(p => [p.euApplicant, p.partner].forEach(a => cities.set(a.id, a)));
  const cityList = [...cities.values()].sort((a, b) => a.name.localeCompare(b.name));
  const cityOptions = selected => [el('option', { value: '' }, 'none'), cityList.map(c =>
    el('option', { value: c.id, selected: c.id === selected }, `${c.name} (${c.country})`))];

  const name = el('input', { id: 'schedule-name', maxlength: 200, value: stored ? `${stored.name} (new)`
    : `Exchanges of ${m.name}`.substring(0, 200) });
  const start = el('input', { id: 'start-date', type: 'date', required: true, value: stored ? stored.startDate
    : '2027-01-04' });
  const months = el('input', { id: 'months', type: 'number', min: 12, max: 36, value: stored?.months || 18 });
  const spent = el('input', { id: 'schedule-seconds', type: 'number', min: 1, value: 60 });
  const experts = el('div', { id: 'experts' });
  const cityRows = el('div', { id: 'city-options' });
  const inPerson = IN_PERSON.map(kind => el('label', { class: 'check' }, el('input', { type: 'checkbox', value: kind,
    checked: (stored?.inPersonEvents || []).includes(kind) }), ` ${label(kind)}`));

  const field = (text, input) => el('div', { class: 'field' }, el('label', { for: input.id }, text), input);
  function addExpert(expert) {
    const n = ++counter;
    const nameInput = el('input', { id: `expert-name-${n}`, class: 'expert-name', required: true, maxlength: 200,
      value: expert?.name || '' });
    const languages = el('input', { id: `expert-languages-${n}`, class: 'expert-languages', placeholder: 'en, fr, es',
      value: (expert?.languages || []).join(', ') });
    const regions = REGIONS.map(r => el('label', { class: 'check' }, el('input', { type: 'checkbox', value: r,
      class: 'expert-region', checked: (expert?.regions || []).includes(r) }), ` ${regionName(r)}`));
    const monthly = el('input', { id: `expert-monthly-${n}`, type: 'number', min: 1, class: 'expert-monthly',
      value: expert?.maxEventsPerMonth || 4 });
    const longHaul = el('input', { id: `expert-longhaul-${n}`, type: 'number', min: 0, class: 'expert-longhaul',
      value: expert?.maxLongHaulTripsPerMonth ?? 2 });
    const home = el('select', { id: `expert-home-${n}`, class: 'expert-home' }, cityOptions(expert?.homeCity?.id));
    const away = el('input', { id: `expert-away-${n}`, class: 'expert-away', placeholder: '2027-03-01..2027-03-05',
      value: formatDates(expert?.unavailableDates) });
    const row = el('fieldset', { class: 'expert', 'data-expert-id': expert?.id || '' },
      el('legend', null, `Expert ${n}`),
      el('div', { class: 'grid3' }, field('Name', nameInput), field('Languages (ISO 639-1)', languages),
        field('Home city', home)),
      el('div', { class: 'checks', role: 'group', 'aria-label': `Regions expert ${n} covers` },
        el('span', null, 'Covers: '), regions),
      el('div', { class: 'grid3' }, field('Events a month, at most', monthly),
        field('Long-haul trips a month, at most', longHaul), field('Unavailable (dates or ranges)', away)),
      el('button', { type: 'button', class: 'small', onclick: () => row.remove() }, `Remove expert ${n}`));
    experts.append(row);
    return row;
  }
  function addCity(options) {
    const n = ++counter;
    const city = el('select', { id: `city-${n}`, class: 'city-id' }, cityOptions(options?.cityId));
    const blackout = el('input', { id: `city-blackout-${n}`, class: 'city-blackout', placeholder: '2027-05-10..2027-05-12',
      value: formatDates(options?.blackoutDates) });
    const capacity = el('input', { id: `city-capacity-${n}`, class: 'city-capacity', type: 'number', min: 1,
      placeholder: '2', value: options?.hostingCapacity ?? '' });
    const row = el('fieldset', { class: 'city-row' }, el('legend', null, `City ${n}`),
      el('div', { class: 'grid3' }, field('City', city), field('Blackout dates', blackout),
        field('Delegations hosted at once', capacity)),
      el('button', { type: 'button', class: 'small', onclick: () => row.remove() }, `Remove city ${n}`));
    cityRows.append(row);
  }
  (stored?.experts || []).forEach(addExpert);
  (stored?.cities || []).forEach(addCity);

  function request() {
    const used = new Set();
    const expertList = [...experts.querySelectorAll('fieldset.expert')].map(row => {
      const expertName = row.querySelector('.expert-name').value.trim();
      let id = row.dataset.expertId || slug(expertName);
      while (used.has(id)) id += '-2';
      used.add(id);
      const homeId = row.querySelector('.expert-home').value;
      const home = cities.get(homeId);
      return {
        id, name: expertName || null,
        languages: row.querySelector('.expert-languages').value.split(/[,;\s]+/).filter(Boolean).map(s => s.toLowerCase()),
        regions: [...row.querySelectorAll('.expert-region:checked')].map(i => i.value),
        maxEventsPerMonth: Number(row.querySelector('.expert-monthly').value) || null,
        maxLongHaulTripsPerMonth: row.querySelector('.expert-longhaul').value === '' ? null
          : Number(row.querySelector('.expert-longhaul').value),
        unavailableDates: parseDates(row.querySelector('.expert-away').value),
        homeCity: home ? { id: home.id, name: home.name, country: home.country, latitude: home.latitude,
          longitude: home.longitude } : null
      };
    });
    const cityList2 = [...cityRows.querySelectorAll('fieldset.city-row')].map(row => ({
      cityId: row.querySelector('.city-id').value,
      blackoutDates: parseDates(row.querySelector('.city-blackout').value),
      hostingCapacity: row.querySelector('.city-capacity').value === '' ? null
        : Number(row.querySelector('.city-capacity').value)
    })).filter(c => c.cityId);
    return {
      name: name.value.trim() || null, pairingRunId: pairingId, startDate: start.value,
      months: Number(months.value) || null, experts: expertList, cities: cityList2.length ? cityList2 : null,
      inPersonEvents: inPerson.map(l => l.querySelector('input')).filter(i => i.checked).map(i => i.value),
      sharedEvents: stored?.sharedEvents || null, plan: stored?.plan || null,
      termination: { spentLimit: `PT${Number(spent.value) || 60}S` }
    };
  }

  const submit = el('button', { type: 'submit', id: 'submit-schedule', class: 'primary' }, 'Plan the exchanges');
  const message = el('div', { 'aria-live': 'polite', id: 'schedule-errors' });
  const form = el('form', { id: 'new-schedule', novalidate: true },
    el('fieldset', null, el('legend', null, 'Schedule'), el('div', { class: 'grid3' }, field('Name', name),
      field('First day of the cooperation', start), field('Months', months)), field('Time limit (seconds)', spent),
    el('div', { class: 'checks', role: 'group', 'aria-label': 'Events held in person instead of online' },
      el('span', null, 'In person instead of online: '), inPerson)),
    el('h2', null, 'Experts'), el('p', { class: 'muted' }, 'Study visits, trainings, seminars and workshops are '
      + 'accompanied by an expert who covers the partner region and speaks the pair\'s working language.'),
    experts, el('button', { type: 'button', id: 'add-expert', onclick: () => addExpert().querySelector('input').focus() },
      'Add an expert'),
    el('h2', null, 'Cities: blackout dates and hosting capacity'), cityRows,
    el('button', { type: 'button', id: 'add-city', onclick: () => addCity() }, 'Add a city'),
    el('div', { class: 'toolbar' }, submit), message);
  let submitting = false;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (submitting) return;
    submitting = true;
    submit.disabled = true;
    message.replaceChildren(el('p', { class: 'muted' }, 'Submitting…'));
    try {
      const query = m.analysis ? '?fromAnalysisRun=true' : '';
      const run = await send('POST', `/schedule-runs${query}`, request());
      window.location.hash = `#/schedule/${run.id}`;
    } catch (error) {
      message.replaceChildren(errorBox(error));
      submitting = false;
      submit.disabled = false;
    }
  });
  main.replaceChildren(el('p', { class: 'crumbs' }, el('a', { href: '#/runs' }, 'Runs'), ' › ',
    el('a', { href: `#/pairing/${pairingId}` }, m.name), ' › new schedule'),
  el('h1', null, `Schedule the ${m.pairCount} pairs of ${m.name}`), form);
}

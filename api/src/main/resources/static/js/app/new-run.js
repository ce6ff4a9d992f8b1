// A new pairing run: a demo pool or an uploaded pool (CSV or JSON), the call's rules and policies (population policy,
// country and theme caps, earlier participation, cluster coherence, region override), the soft-constraint weights, a
// name, a time limit and the mode; checked by the service's dry run (errors named by row and column) before it is
// submitted once. #/new?from=ID starts from a stored run's request (duplicate as a new run with other settings).
import { el, title, REGIONS, regionName } from './dom.js';
import { getJson, send, download, errorBox } from './api.js';
import { route } from './nav.js';

/** The soft constraints whose weights a request may change, with their default weights (README, Constraints). */
export const SOFT_WEIGHTS = [['Shared challenges', 100], ['Size similarity', 1], ['Common working language', 100],
  ['Preferred partner region', 300], ['Regional balance', 200], ['Covenant of Mayors signatories', 20]];

const field = (labelText, input, hint) => el('div', { class: 'field' },
  el('label', { for: input.id }, labelText), input, hint ? el('small', { class: 'muted' }, hint) : null);
const number = (id, attrs) => el('input', Object.assign({ id, type: 'number', inputmode: 'numeric' }, attrs));
const choice = (id, options) => el('select', { id }, options.map(([value, text]) => el('option', { value }, text)));
const checkbox = (id, labelText, attrs) => {
  const input = el('input', Object.assign({ id, type: 'checkbox' }, attrs));
  return { input, label: el('label', { for: id, class: 'check' }, input, ' ', labelText) };
};

/** The population figures a call may count (PopulationBasis), with their names. */
export const POPULATION_BASES = [['CITY_PROPER', 'city proper'], ['MUNICIPALITY', 'municipality'],
  ['METROPOLITAN', 'metropolitan area'], ['GROUP_TOTAL', 'group total']];

/** "US:8, DE:4" → { US: 8, DE: 4 }; a value that is not a whole number goes to the API as written, to be refused. */
const countryMap = (text, value) => {
  const map = {};
  text.split(/[,\s]+/).filter(Boolean).forEach(entry => {
    const [country, v] = entry.split(':');
    map[country.trim().toUpperCase()] = value((v || '').trim());
  });
  return map;
};
const count = text => /^\d+$/.test(text) ? Number(text) : text;
const countryText = map => Object.entries(map || {}).map(([c, v]) => `${c}:${v}`).join(', ');

export async function newRunView(main, _match, params) {
  title('New pairing run');
  const from = params.get('from');
  const demos = await getJson('/demo-data');
  const stored = from ? await getJson(`/pairing-runs/${from}/request`) : null;

  const source = el('select', { id: 'source' },
    stored ? el('option', { value: 'stored' }, `The pool of "${stored.name}"`) : null,
    demos.map(d => el('option', { value: `demo:${d.name}` }, `Demo pool ${d.name} (${d.applicants} applicants)`)),
    el('option', { value: 'file' }, 'A file: CSV or JSON'));
  const file = el('input', { id: 'file', type: 'file', accept: '.csv,.json,text/csv,application/json' });
  const fileField = field('Pool file', file, 'CSV: one applicant a row, the columns of the template; JSON: a '
    + 'request body as the API takes it.');
  const template = el('button', { type: 'button', class: 'link', id: 'csv-template' }, 'Download the CSV template');
  template.addEventListener('click', () => download('/pairing-runs/csv-template', 'applicant-pool-template.csv')
    .catch(error => result.replaceChildren(errorBox(error))));
  const name = el('input', { id: 'run-name', maxlength: 200, required: true, autocomplete: 'off' });
  const threshold = number('threshold', { min: 0, placeholder: '100000' });
  const commitment = number('commitment', { min: 0, placeholder: '18' });
  const moved = el('input', { id: 'moved', placeholder: 'MX:NORTH_AMERICA, TR:ASIA', autocomplete: 'off' });
  const targets = REGIONS.map(r => number(`target-${r}`, { min: 0, 'data-region': r }));
  const policy = choice('population-policy', [['HARD', 'Hard: more than the threshold, or not eligible (default)'],
    ['PREFERENCE', 'Preference: below the threshold costs, at or below the floor not eligible'],
    ['NONE', 'None: no population rule']]);
  const floor = number('population-floor', { min: 0, placeholder: '50000' });
  const floorField = field('Population floor (more inhabitants than)', floor,
    'With Preference only; empty: 50,000, or the threshold when that is lower.');
  const bases = POPULATION_BASES.map(([basis, text]) => checkbox(`basis-${basis}`, text,
    { checked: true, 'data-basis': basis }));
  const maxPerCountry = number('max-per-country', { min: 0 });
  const maxByCountry = el('input', { id: 'max-by-country', placeholder: 'US:8, DE:4', autocomplete: 'off' });
  const softPerCountry = number('soft-max-per-country', { min: 0 });
  const softByCountry = el('input', { id: 'soft-max-by-country', placeholder: 'DE:4', autocomplete: 'off' });
  const softPerTheme = number('soft-max-per-theme', { min: 0 });
  const earlier = choice('earlier-pairs', [['ALLOW', 'Allow (default)'], ['PENALIZE', 'Penalize'],
    ['EXCLUDE', 'Exclude']]);
  const coherence = choice('cluster-coherence', [['NONE', 'None: no rule (default)'],
    ['SOFT', 'Soft: a cluster without a common theme costs'], ['HARD', 'Hard: no cluster without a common theme']]);
  const firstTime = checkbox('prefer-first-time', 'Prefer first-time participants (each member that took part '
    + 'before costs: Returning participants)');
  const override = checkbox('allow-region-override', 'An applicant\'s own region may differ from its country\'s '
    + 'region (not with country caps)');
  const mode = choice('mode', [['OPTIMAL', 'Optimal: the best total score (default)'],
    ['STABLE', 'Stable: no blocking pair (deferred acceptance, the EU side proposing)']]);
  const stopAtOptimum = checkbox('stop-at-optimum', 'End the run as soon as its best solution is proven optimal',
    { checked: true });
  const weights = SOFT_WEIGHTS.map(([constraint, weight], i) => number(`weight-${i}`,
    { min: 0, placeholder: String(weight), 'data-constraint': constraint }));
  const spent = number('spent', { min: 1, value: 30 });
  const unimproved = number('unimproved', { min: 1, value: 5 });
  const check = el('button', { type: 'button', id: 'check' }, 'Check');
  const submit = el('button', { type: 'submit', id: 'submit-run', class: 'primary' }, 'Submit');
  const result = el('div', { id: 'validation', 'aria-live': 'polite' });

  const fill = request => {
    name.value = request.name ? `${request.name}${stored ? ' (new)' : ''}` : '';
    const call = request.call || {};
    threshold.value = call.populationThreshold ?? '';
    commitment.value = call.minimumCommitmentMonths ?? '';
    moved.value = Object.entries(call.movedCountries || {}).map(([c, r]) => `${c}:${r}`).join(', ');
    targets.forEach(input => { input.value = (call.targetPairs || {})[input.dataset.region] ?? ''; });
    policy.value = call.populationPolicy || 'HARD';
    floor.value = call.populationFloor ?? '';
    bases.forEach(({ input }) => {
      input.checked = !call.countedPopulationBases || call.countedPopulationBases.includes(input.dataset.basis);
    });
    maxPerCountry.value = call.maxPairsPerCountry ?? '';
    maxByCountry.value = countryText(call.maxPairsByCountry);
    softPerCountry.value = call.softMaxPairsPerCountry ?? '';
    softByCountry.value = countryText(call.softMaxPairsByCountry);
    softPerTheme.value = call.softMaxPairsPerTheme ?? '';
    earlier.value = call.earlierPairs || 'ALLOW';
    coherence.value = call.clusterCoherence || 'NONE';
    firstTime.input.checked = call.preferFirstTimeParticipants === true;
    override.input.checked = call.allowRegionOverride === true;
    mode.value = request.mode || 'OPTIMAL';
    stopAtOptimum.input.checked = request.stopAtProvenOptimum !== false;
    weights.forEach(input => { input.value = (request.weights || {})[input.dataset.constraint] ?? ''; });
    if (request.termination && request.termination.spentLimit) {
      spent.value = seconds(request.termination.spentLimit);
      unimproved.value = request.termination.unimprovedSpentLimit ? seconds(request.termination.unimprovedSpentLimit)
        : '';
    }
  };
  const showSource = () => { fileField.hidden = source.value !== 'file'; };
  const showFloor = () => { floorField.hidden = policy.value !== 'PREFERENCE'; };
  policy.addEventListener('change', showFloor);
  source.addEventListener('change', () => {
    showSource();
    if (source.value.startsWith('demo:')) name.value = `Demo pool ${source.value.substring(5)}`;
  });
  if (stored) fill(stored); else name.value = `Demo pool ${demos[0].name}`;
  showSource();
  showFloor();

  /** The pool as a JSON request: a demo, the stored one, or the file (a CSV read by the service's dry run). */
  async function pool() {
    if (source.value === 'stored') return structuredClone(stored);
    if (source.value.startsWith('demo:')) return getJson(`/demo-data/${source.value.substring(5)}`);
    const chosen = file.files[0];
    if (!chosen) throw new Error('Choose a CSV or JSON file first.');
    const text = await chosen.text();
    if (chosen.name.toLowerCase().endsWith('.json')) {
      try { return JSON.parse(text); } catch (e) { throw new Error(`The file is not JSON: ${e.message}`); }
    }
    return (await send('POST', '/pairing-runs/validation', text, 'text/csv')).request;
  }

  /** The pool with the settings of the form. */
  async function request() {
    const body = await pool();
    body.name = name.value.trim() || null;
    const call = Object.assign({}, body.call || {});
    const set = (key, value) => { if (value === '' || value === null) delete call[key]; else call[key] = value; };
    set('populationThreshold', threshold.value === '' ? '' : Number(threshold.value));
    set('minimumCommitmentMonths', commitment.value === '' ? '' : Number(commitment.value));
    const movedMap = {};
    moved.value.split(/[,\s]+/).filter(Boolean).forEach(entry => {
      const [country, region] = entry.split(':');
      movedMap[country.trim().toUpperCase()] = (region || '').trim().toUpperCase();
    });
    set('movedCountries', Object.keys(movedMap).length ? movedMap : '');
    const targetMap = {};
    targets.forEach(input => { if (input.value !== '') targetMap[input.dataset.region] = Number(input.value); });
    set('targetPairs', Object.keys(targetMap).length ? targetMap : '');
    // The call's policies: a default is left out, as a user writing the request would.
    set('populationPolicy', policy.value === 'HARD' ? '' : policy.value);
    set('populationFloor', policy.value !== 'PREFERENCE' || floor.value === '' ? '' : Number(floor.value));
    const counted = bases.filter(({ input }) => input.checked).map(({ input }) => input.dataset.basis);
    set('countedPopulationBases', counted.length === bases.length ? '' : counted);
    const whole = input => input.value === '' ? '' : Number(input.value);
    set('maxPairsPerCountry', whole(maxPerCountry));
    const hardCaps = countryMap(maxByCountry.value, count);
    set('maxPairsByCountry', Object.keys(hardCaps).length ? hardCaps : '');
    set('softMaxPairsPerCountry', whole(softPerCountry));
    const softCaps = countryMap(softByCountry.value, count);
    set('softMaxPairsByCountry', Object.keys(softCaps).length ? softCaps : '');
    set('softMaxPairsPerTheme', whole(softPerTheme));
    set('earlierPairs', earlier.value === 'ALLOW' ? '' : earlier.value);
    set('clusterCoherence', coherence.value === 'NONE' ? '' : coherence.value);
    set('preferFirstTimeParticipants', firstTime.input.checked ? true : '');
    set('allowRegionOverride', override.input.checked ? true : '');
    body.call = Object.keys(call).length ? call : null;
    const weightMap = {};
    weights.forEach(input => { if (input.value !== '') weightMap[input.dataset.constraint] = Number(input.value); });
    body.weights = Object.keys(weightMap).length ? weightMap : null;
    body.termination = { spentLimit: `PT${Number(spent.value) || 30}S` };
    if (unimproved.value !== '') body.termination.unimprovedSpentLimit = `PT${Number(unimproved.value)}S`;
    if (mode.value === 'OPTIMAL') delete body.mode; else body.mode = mode.value;
    if (stopAtOptimum.input.checked) delete body.stopAtProvenOptimum; else body.stopAtProvenOptimum = false;
    return body;
  }

  check.addEventListener('click', async () => {
    check.disabled = true;
    result.replaceChildren(el('p', { class: 'muted' }, 'Checking…'));
    try {
      const answer = await send('POST', '/pairing-runs/validation', await request());
      result.replaceChildren(el('p', { class: 'ok', id: 'validation-ok' }, `Valid: ${answer.counts.applicantCount} `
        + `applicants, ${answer.counts.eligibleCount} of them eligible under the call's rules.`));
    } catch (error) {
      result.replaceChildren(errorBox(error));
    } finally {
      check.disabled = false;
    }
  });

  const form = el('form', { id: 'new-run', novalidate: true },
    el('fieldset', null, el('legend', null, 'Pool'), field('Applicants from', source), fileField, template),
    el('fieldset', null, el('legend', null, 'Run'), field('Name', name),
      field('Time limit (seconds)', spent), field('Stop after this many seconds without improvement', unimproved),
      field('Mode', mode, 'Stable cannot keep hard country caps.'),
      el('div', { class: 'checks' }, stopAtOptimum.label)),
    el('fieldset', null, el('legend', null, 'The call\'s rules (empty: the call\'s default)'),
      field('Population threshold (more inhabitants than)', threshold),
      field('Minimum commitment (months)', commitment),
      field('Countries moved to another region', moved, 'country:REGION, e.g. MX:NORTH_AMERICA'),
      el('div', { class: 'grid3' }, targets.map(input => field(`Target pairs, ${regionName(input.dataset.region)}`,
        input)))),
    el('fieldset', { id: 'policies' },
      el('legend', null, 'The call\'s policies (empty: no cap; the first choice is the default)'),
      el('div', { class: 'grid3' }, field('Population policy', policy), floorField),
      el('fieldset', { class: 'checks' }, el('legend', null, 'Population figures that count (the largest counted one '
        + 'is used)'), bases.map(b => b.label)),
      el('div', { class: 'grid3' },
        field('Most pairs per country (hard cap)', maxPerCountry, 'EU member state or partner country'),
        field('Hard caps of single countries', maxByCountry, 'country:pairs, replacing the general cap'),
        field('Pairs per country before it costs (soft cap)', softPerCountry, 'Country above soft cap'),
        field('Soft caps of single countries', softByCountry, 'country:pairs, replacing the general soft cap'),
        field('Pairs per main shared theme before it costs (theme spread)', softPerTheme, 'Theme above soft cap'),
        field('Partnerships formed in an earlier call', earlier,
          'Penalize: Earlier pair formed again costs; Exclude: never formed again'),
        field('A theme common to each cluster (an applicant with two or more partners)', coherence,
          'Soft: Cluster coherence costs per cluster without one; Hard: Incoherent cluster')),
      el('div', { class: 'checks' }, firstTime.label, override.label)),
    el('fieldset', null, el('legend', null, 'Soft-constraint weights (empty: the default shown; 0 switches off)'),
      el('div', { class: 'grid3' }, weights.map(input => field(input.dataset.constraint, input)))),
    el('div', { class: 'toolbar' }, check, submit), result);
  let submitting = false;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (submitting) return;
    submitting = true;
    submit.disabled = true;
    submit.textContent = 'Submitting…';
    try {
      const run = await send('POST', '/pairing-runs', await request());
      window.location.hash = `#/pairing/${run.id}`;
    } catch (error) {
      result.replaceChildren(errorBox(error));
      submitting = false;
      submit.disabled = false;
      submit.textContent = 'Submit';
    }
  });
  main.replaceChildren(el('h1', null, stored ? `New run from "${stored.name}"` : 'New pairing run'), form);
  if (route().params.get('source')) source.value = route().params.get('source');
}

const seconds = iso => {
  const m = /PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?/.exec(iso || '');
  return m ? (Number(m[1] || 0) * 3600 + Number(m[2] || 0) * 60 + Math.round(Number(m[3] || 0))) : '';
};

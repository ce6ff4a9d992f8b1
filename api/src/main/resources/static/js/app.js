// The runs page (no inline script: the Content-Security-Policy forbids it); session.js comes first.
(() => {
  const api = '/api/v1';
  let selected = null;
  let stream = null;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function row(cells) {
    const tr = el('tr');
    cells.forEach(cell => {
      const td = el('td');
      if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell === undefined ? '' : cell;
      tr.appendChild(td);
    });
    return tr;
  }

  function table(headers, rows) {
    const t = el('table');
    const head = el('tr');
    headers.forEach(h => head.appendChild(el('th', h)));
    t.appendChild(el('thead')).appendChild(head);
    const body = t.appendChild(el('tbody'));
    rows.forEach(r => body.appendChild(row(r)));
    return t;
  }

  function list(items) {
    const ul = el('ul', null, 'reasons');
    items.forEach(item => ul.appendChild(el('li', item)));
    return ul;
  }

  async function loadDemos() {
    const demos = await (await fetch(`${api}/demo-data`)).json();
    const select = document.getElementById('demo');
    demos.forEach(d => {
      const option = el('option', `${d.name} (${d.applicants} applicants)`);
      option.value = d.name;
      select.appendChild(option);
    });
  }

  async function loadRuns() {
    const page = await (await fetch(`${api}/pairing-runs?size=50`)).json();
    const body = document.getElementById('runs');
    body.replaceChildren();
    page.content.forEach(run => {
      const tr = row([run.name, el('span', run.status, `status ${run.status}`), run.pairCount ?? '']);
      tr.className = 'run' + (run.id === selected ? ' selected' : '');
      tr.onclick = () => show(run.id);
      body.appendChild(tr);
    });
  }

  async function submit(body, contentType) {
    const error = document.getElementById('submit-error');
    error.textContent = '';
    const response = await fetch(`${api}/pairing-runs`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
    if (!response.ok) {
      error.textContent = await problemText(response);
      return;
    }
    const run = await response.json();
    await loadRuns();
    show(run.id);
  }

  document.getElementById('submit-demo').onclick = async () => {
    const name = document.getElementById('demo').value;
    const request = await (await fetch(`${api}/demo-data/${name}`)).text();
    submit(request, 'application/json');
  };

  document.getElementById('submit-file').onclick = async () => {
    const file = document.getElementById('file').files[0];
    if (!file) return;
    const text = await file.text();
    submit(text, file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/json');
  };

  function metadataView(m) {
    const box = el('div');
    box.appendChild(el('h2', m.name));
    const facts = [
      ['Status', m.status], ['Score', m.score ?? 'none yet'], ['Pairs', m.pairCount ?? 0],
      ['Applicants (eligible)', `${m.applicantCount} (${m.eligibleCount})`], ['Submitted', m.submittedAt],
      ['Solving time', m.solvingDuration ?? ''], ['Moves per second', m.moveEvaluationSpeed ?? ''],
      ['Note', m.failureMessage ?? '']
    ].filter(f => f[1] !== '');
    box.appendChild(table(['', ''], facts));
    return box;
  }

  async function show(id) {
    selected = id;
    if (stream) stream.close();
    const response = await fetch(`${api}/pairing-runs/${id}`);
    const detail = document.getElementById('detail');
    if (!response.ok) {
      detail.replaceChildren(el('p', await problemText(response), 'error'));
      return;
    }
    const result = await response.json();
    const m = result.metadata;
    const view = el('div');
    view.appendChild(metadataView(m));
    const actions = el('p');
    const csv = el('a', 'Download pairs (CSV)');
    csv.href = '#';
    csv.onclick = async event => {
      event.preventDefault();
      const text = await (await fetch(`${api}/pairing-runs/${id}`, { headers: { Accept: 'text/csv' } })).text();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      link.download = `pairing-run-${id}.csv`;
      link.click();
    };
    actions.appendChild(csv);
    if (m.status === 'SOLVING' || m.status === 'SCHEDULED') {
      const stop = el('button', 'Stop and keep the best solution');
      stop.onclick = async () => { await fetch(`${api}/pairing-runs/${id}`, { method: 'DELETE' }); show(id); loadRuns(); };
      actions.appendChild(el('span', ' '));
      actions.appendChild(stop);
    }
    view.appendChild(actions);
    view.appendChild(el('h2', `Pairs (${result.pairs.length})`));
    view.appendChild(table(['EU city', 'Partner', 'Region', 'Score', 'Why'], result.pairs.map(p => [
      `${p.euApplicant.name} (${p.euApplicant.country})`, `${p.partner.name} (${p.partner.country})`,
      p.partner.region, p.score + (p.pinned ? ' (pinned)' : ''), list(p.contributions.map(c => c.justification))])));
    view.appendChild(el('h2', `Eligible but unpaired (${result.unpaired.length})`));
    view.appendChild(table(['Applicant', 'Open places', 'Reason', 'Explanation'], result.unpaired.map(u => [
      `${u.applicant.name} (${u.applicant.country})`, u.openPlaces, u.reason, u.explanation])));
    view.appendChild(el('h2', `Not eligible (${result.ineligible.length})`));
    view.appendChild(table(['Applicant', 'Reasons'], result.ineligible.map(i => [
      `${i.applicant.name} (${i.applicant.country})`, list(i.reasons.map(r => r.message))])));
    detail.replaceChildren(view);
    loadRuns();
    if (m.status === 'SOLVING' || m.status === 'SCHEDULED') {
      stream = new EventSource(`${api}/pairing-runs/${id}/events`);
      let refresh = null;
      const later = () => { if (!refresh) refresh = setTimeout(() => { refresh = null; if (selected === id) show(id); }, 1500); };
      stream.addEventListener('best-solution', later);
      stream.addEventListener('status', event => {
        const status = JSON.parse(event.data).status;
        if (status !== m.status) { stream.close(); show(id); }
      });
    }
  }

  // Experts for schedules made from the page: three, each covering two partner regions, in the common languages.
  const pageExperts = [['NORTH_AMERICA', 'LATIN_AMERICA_CARIBBEAN'], ['LATIN_AMERICA_CARIBBEAN', 'ASIA'],
    ['ASIA', 'NORTH_AMERICA']].map((regions, k) => ({ id: `expert-${k + 1}`, name: `Expert ${k + 1}`, regions,
      languages: ['en', 'es', 'pt', 'fr', 'de', 'it', 'pl', 'nl', 'ro', 'bg', 'cs', 'hu', 'sv', 'el', 'ja', 'zh', 'ko',
        'hi', 'id', 'ms', 'th', 'vi', 'sk', 'sl', 'hr', 'fi', 'da', 'lt', 'lv', 'et', 'ga', 'mt'],
      maxEventsPerMonth: 6 }));

  document.getElementById('submit-schedule').onclick = async () => {
    const error = document.getElementById('schedule-error');
    error.textContent = '';
    if (!selected) { error.textContent = 'Choose a completed run first.'; return; }
    const body = { pairingRunId: selected, startDate: document.getElementById('schedule-start').value,
      experts: pageExperts, termination: { spentLimit: 'PT60S', unimprovedSpentLimit: 'PT10S' } };
    const response = await fetch(`${api}/schedule-runs`, { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) { error.textContent = await problemText(response); return; }
    const run = await response.json();
    loadSchedules();
    showSchedule(run.id);
  };

  async function loadSchedules() {
    const page = await (await fetch(`${api}/schedule-runs?size=50`)).json();
    const body = document.getElementById('schedules');
    body.replaceChildren();
    page.content.forEach(run => {
      const tr = row([run.name, el('span', run.status, `status ${run.status}`), run.eventCount]);
      tr.className = 'run';
      tr.onclick = () => showSchedule(run.id);
      body.appendChild(tr);
    });
  }

  async function showSchedule(id) {
    if (stream) stream.close();
    const detail = document.getElementById('detail');
    const response = await fetch(`${api}/schedule-runs/${id}`);
    if (!response.ok) { detail.replaceChildren(el('p', await problemText(response), 'error')); return; }
    const result = await response.json();
    const m = result.metadata;
    const view = el('div');
    view.appendChild(el('h2', m.name));
    view.appendChild(table(['', ''], [['Status', m.status], ['Score', m.score ?? 'none yet'],
      ['Pairs, events', `${m.pairCount}, ${m.eventCount}`], ['Note', m.failureMessage ?? '']]
      .filter(f => f[1] !== '')));
    result.pairs.forEach(pair => {
      view.appendChild(el('h2', `${pair.euCity.name} and ${pair.partnerCity.name} (${pair.windowStart} to ${pair.windowEnd})`));
      const ics = el('a', 'Calendar (.ics)');
      ics.href = `${api}/schedule-runs/${id}/calendar.ics?pair=${encodeURIComponent(pair.pairId)}`;
      view.appendChild(ics);
      view.appendChild(table(['Event', 'From', 'To', 'Where', 'Expert'], pair.events.map(e => [
        e.kind.toLowerCase().replaceAll('_', ' '), e.start, e.end, e.inPerson ? `${e.host.name} (${e.host.country})` : 'online',
        e.expert ? e.expert.name : ''])));
    });
    detail.replaceChildren(view);
    if (m.status === 'SOLVING' || m.status === 'SCHEDULED') {
      stream = new EventSource(`${api}/schedule-runs/${id}/events`);
      stream.addEventListener('status', event => {
        if (JSON.parse(event.data).status !== m.status) { stream.close(); showSchedule(id); loadSchedules(); }
      });
    }
  }

  loadDemos();
  loadRuns();
  loadSchedules();
})();

// Two pairing runs side by side: their scores by constraint, and the pairs only one of them formed.
import { el, table, title, statusBadge } from './dom.js';
import { getJson } from './api.js';

const key = p => `${p.euApplicant.id}|${p.partner.id}`;
const name = p => `${p.euApplicant.name} (${p.euApplicant.country}) – ${p.partner.name} (${p.partner.country})`;

export async function compareView(main, [a, b]) {
  const [ra, rb, sa, sb] = await Promise.all([getJson(`/pairing-runs/${a}`), getJson(`/pairing-runs/${b}`),
    getJson(`/pairing-runs/${a}/score-analysis`), getJson(`/pairing-runs/${b}/score-analysis`)]);
  title(`Compare ${ra.metadata.name} and ${rb.metadata.name}`);
  const inA = new Map(ra.pairs.map(p => [key(p), p]));
  const inB = new Map(rb.pairs.map(p => [key(p), p]));
  const onlyA = ra.pairs.filter(p => !inB.has(key(p)));
  const onlyB = rb.pairs.filter(p => !inA.has(key(p)));
  const both = ra.pairs.length - onlyA.length;
  const names = [...new Set([...sa.constraints, ...sb.constraints].map(c => c.name))];
  const scoreOf = (analysis, n) => (analysis.constraints.find(c => c.name === n) || {}).score || '—';
  const head = (r, id) => el('div', null, el('h2', null, el('a', { href: `#/pairing/${id}` }, r.metadata.name), ' ',
    statusBadge(r.metadata.status, r.metadata.feasible)), el('p', null, `${r.pairs.length} pairs, score `,
    el('span', { class: 'score' }, r.metadata.score || '—')));
  main.replaceChildren(el('p', { class: 'crumbs' }, el('a', { href: '#/runs' }, 'Runs'), ' › comparison'),
    el('h1', null, 'Two pairing runs side by side'),
    el('div', { class: 'two' }, head(ra, a), head(rb, b)),
    el('p', { id: 'compare-summary' }, `${both} pairs in both, ${onlyA.length} only in the first, ${onlyB.length} `
      + 'only in the second.'),
    table('Score by constraint', ['Constraint', ra.metadata.name, rb.metadata.name], names.map(n =>
      [n, scoreOf(sa, n), scoreOf(sb, n)]), { id: 'compare-scores' }),
    el('div', { class: 'two' },
      table(`Only in ${ra.metadata.name} (${onlyA.length})`, ['Pair', 'Score'], onlyA.map(p => [name(p), p.score]),
        { id: 'only-first' }),
      table(`Only in ${rb.metadata.name} (${onlyB.length})`, ['Pair', 'Score'], onlyB.map(p => [name(p), p.score]),
        { id: 'only-second' })));
}

// The best score over time, as a small SVG line (no chart library needed): one point per new best solution seen on
// the event stream. Medium (open places) dominates soft, so the line shows medium first when it changed.
import { svg, el, scoreLevels } from './dom.js';

const history = new Map();

/** Remembers a run's new best score at this moment. */
export function record(runId, score, pairCount) {
  const points = history.get(runId) || [];
  const last = points[points.length - 1];
  if (!last || last.score !== score) points.push({ t: Date.now(), score, pairCount, ...scoreLevels(score) });
  history.set(runId, points);
}

export function sparkline(runId) {
  const points = history.get(runId) || [];
  if (points.length < 2) {
    return el('p', { class: 'muted', id: 'score-chart' }, points.length
      ? 'The best score so far; the chart grows as better solutions arrive.'
      : 'The score history is drawn while the run is watched live.');
  }
  const level = points.some(p => p.hard !== points[0].hard) ? 'hard'
    : points.some(p => p.medium !== points[0].medium) ? 'medium' : 'soft';
  const width = 320;
  const height = 80;
  const t0 = points[0].t;
  const t1 = Math.max(points[points.length - 1].t, t0 + 1);
  const values = points.map(p => p[level]);
  const min = Math.min(...values);
  const max = Math.max(...values, min + 1);
  const x = t => 4 + (width - 8) * (t - t0) / (t1 - t0);
  const y = v => height - 4 - (height - 8) * (v - min) / (max - min);
  const line = points.map(p => `${x(p.t).toFixed(1)},${y(p[level]).toFixed(1)}`).join(' ');
  const seconds = Math.round((t1 - t0) / 1000);
  return el('figure', { class: 'chart', id: 'score-chart' },
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'sparkline',
      'aria-label': `Best ${level} score over ${seconds} s: from ${values[0]} to ${values[values.length - 1]}` },
    svg('polyline', { points: line, class: 'spark-line' }),
    points.map(p => svg('circle', { cx: x(p.t).toFixed(1), cy: y(p[level]).toFixed(1), r: 2, class: 'spark-point' }))),
    el('figcaption', { class: 'muted' }, `Best ${level} score over ${seconds} s (${points.length} improvements): `
      + `${values[0]} → ${values[values.length - 1]}`));
}

// The web app's router: every view has a bookmarkable URL (#/runs, #/pairing/ID, #/pairing/ID/applicant/AID,
// #/schedule/ID/expert/EID, ...) and the Back button goes back through them. A view renders into <main> and returns a
// cleanup (closing its event streams and maps) that runs before the next view.
import { el, user, title } from './dom.js';
import { errorBox } from './api.js';
import { route } from './nav.js';
import { runsView } from './runs.js';
import { newRunView } from './new-run.js';
import { pairingView } from './pairing.js';
import { compareView } from './compare.js';
import { newScheduleView } from './new-schedule.js';
import { scheduleView } from './schedule.js';

const routes = [
  [/^\/?$|^\/runs$/, () => runsView],
  [/^\/new$/, () => newRunView],
  [/^\/compare\/([^/]+)\/([^/]+)$/, () => compareView],
  [/^\/pairing\/([^/]+)\/schedule$/, () => newScheduleView],
  [/^\/pairing\/([^/]+)(?:\/(pair|applicant)\/(.+))?$/, () => pairingView],
  [/^\/schedule\/([^/]+)(?:\/(event|expert|city|pair)\/(.+))?$/, () => scheduleView]
];

let cleanup = null;
let lastPath = null;
async function render() {
  const { path, params } = route();
  const main = document.getElementById('view');
  if (cleanup) { try { cleanup(); } catch (e) { /* a view's cleanup never stops the next view */ } }
  cleanup = null;
  document.querySelectorAll('header nav a').forEach(a => a.removeAttribute('aria-current'));
  const current = path.startsWith('/new') ? 'nav-new' : path === '/runs' || path === '/' ? 'nav-runs' : null;
  if (current) document.getElementById(current).setAttribute('aria-current', 'page');
  for (const [pattern, view] of routes) {
    const match = pattern.exec(path);
    if (match) {
      try {
        cleanup = await view()(main, match.slice(1).map(g => g === undefined ? g : decodeURIComponent(g)), params);
      } catch (error) {
        title('Error');
        main.replaceChildren(el('h1', null, 'This page could not be shown'), errorBox(error),
          el('p', null, el('a', { href: '#/runs' }, 'Back to the runs')));
      }
      const viewPath = path.split('/').slice(0, 3).join('/');
      if (viewPath !== lastPath) main.focus({ preventScroll: true });
      lastPath = viewPath;
      return;
    }
  }
  title('Not found');
  main.replaceChildren(el('h1', null, 'There is no such page'), el('p', null, el('a', { href: '#/runs' }, 'Runs')));
}

window.addEventListener('hashchange', render);
document.getElementById('skip-link').addEventListener('click', event => {
  event.preventDefault();
  document.getElementById('view').focus();
});
user().then(render);

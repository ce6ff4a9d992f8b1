// Pending pins and exclusions of a pairing run (kept in the tab's session storage until the rerun is submitted),
// and pending changes of a schedule run (confirmations, cancellations, blackouts, leave) until the re-plan.

const key = (kind, id) => `iuc-${kind}-changes-${id}`;

export function load(kind, id, empty) {
  try {
    return Object.assign(empty(), JSON.parse(sessionStorage.getItem(key(kind, id)) || '{}'));
  } catch (e) {
    return empty();
  }
}

export function save(kind, id, changes) {
  sessionStorage.setItem(key(kind, id), JSON.stringify(changes));
}

export function clear(kind, id) {
  sessionStorage.removeItem(key(kind, id));
}

/** The same pair in either order. */
export const samePair = (a, b) => (a.first === b.first && a.second === b.second)
  || (a.first === b.second && a.second === b.first);

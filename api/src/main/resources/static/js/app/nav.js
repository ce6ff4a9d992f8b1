// The current route of the web app: #/path?query. Filters, sorting and paging change the query without a new
// history entry; moving to another view is a new entry, so the Back button returns to it.

/** The current route: its path and its query parameters (#/pairing/ID?tab=map). */
export function route() {
  const hash = window.location.hash.replace(/^#/, '') || '/runs';
  const [path, query] = hash.split('?');
  return { path, params: new URLSearchParams(query || '') };
}

/** Changes the current URL's query parameters without a new history entry. */
export function replaceParams(params) {
  const query = params.toString();
  history.replaceState(null, '', `#${window.location.hash.replace(/^#/, '').split('?')[0] || '/runs'}`
    + (query ? '?' + query : ''));
}

/** A link target within the app. */
export const link = (path, params) => {
  const query = params ? new URLSearchParams(params).toString() : '';
  return `#${path}${query ? '?' + query : ''}`;
};

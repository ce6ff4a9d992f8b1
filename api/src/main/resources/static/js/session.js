// Shared by the pages: the CSRF token of the cookie session on every change, the login page on a 401, a banner for
// a lost connection, the user menu, and hiding what the user's roles cannot do (elements with data-needs="ROLE ...";
// ADMIN may do everything). The server enforces all of it; hiding only spares the user buttons that would answer 403.
const csrfToken = () => decodeURIComponent(
  (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '').split('=')[1] || '');
window.iucBanner = (() => {
  const messages = new Map();
  const render = () => {
    const banner = document.getElementById('banner');
    if (!banner) return;
    banner.textContent = [...messages.values()].join(' ');
    banner.hidden = messages.size === 0;
  };
  return {
    show(key, text) { messages.set(key, text); render(); },
    clear(key) { messages.delete(key); render(); }
  };
})();
const plainFetch = window.fetch.bind(window);
window.fetch = (url, options = {}) => {
  const method = (options.method || 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    options.headers = Object.assign({}, options.headers || {}, { 'X-XSRF-TOKEN': csrfToken() });
  }
  return plainFetch(url, options).then(response => {
    window.iucBanner.clear('network');
    if (response.status === 401) { window.location.href = '/login.html'; }
    return response;
  }, error => {
    window.iucBanner.show('network', 'The service cannot be reached: check the connection and try again.');
    throw error;
  });
};
document.getElementById('logout-form').addEventListener('submit', event => {
  event.preventDefault();
  fetch('/logout', { method: 'POST' }).finally(() => { window.location.href = '/login.html?logout'; });
});
const ALL_ROLES = ['ADMIN', 'COORDINATOR', 'PLANNER', 'ANALYST', 'VIEWER'];
const mayAct = (me, needs) => me.roles.includes('ADMIN') || needs.split(' ').some(role => me.roles.includes(role));
const currentUser = plainFetch('/api/v1/me').then(r => {
  if (r.status === 401) { window.location.href = '/login.html'; }
  return r.ok ? r.json() : { username: '', roles: [] };
}).then(me => {
  document.getElementById('user').textContent = me.username + ' (' + (me.roles.join(', ') || 'no role') + ')';
  document.querySelectorAll('[data-needs]').forEach(node => {
    node.hidden = !mayAct(me, node.dataset.needs);
  });
  return me;
}, () => {
  window.iucBanner.show('network', 'The service cannot be reached: check the connection and reload the page.');
  return { username: '', roles: [] };
});
window.currentUser = currentUser;
async function problemText(response) {
  const body = await response.json().catch(() => ({}));
  const fields = (body.errors || []).map(e => `${e.field}: ${e.message}`).join('\n');
  return `${body.title || response.status}: ${body.detail || ''}\n${fields}`;
}

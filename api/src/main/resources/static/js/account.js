// The account page: one's password and personal API tokens; for administrators, users and the audit log.
(() => {
  const api = '/api/v1';
  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  };
  const row = cells => {
    const tr = el('tr');
    cells.forEach(cell => {
      const td = el('td');
      if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell ?? '';
      tr.appendChild(td);
    });
    return tr;
  };
  const day = value => value ? value.substring(0, 10) : '';
  const moment = value => value ? value.substring(0, 19).replace('T', ' ') : '';
  const checkboxes = (box, roles, checked, prefix) => {
    box.replaceChildren();
    roles.forEach(role => {
      const label = el('label', null, 'role');
      const input = el('input');
      input.type = 'checkbox';
      input.value = role;
      input.name = prefix;
      input.checked = checked.includes(role);
      label.append(input, ' ' + role);
      box.appendChild(label);
    });
  };
  const checked = box => [...box.querySelectorAll('input:checked')].map(input => input.value);
  const json = body => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  document.getElementById('password-form').addEventListener('submit', async event => {
    event.preventDefault();
    const message = document.getElementById('password-message');
    const response = await fetch(`${api}/me/password`, json({
      currentPassword: document.getElementById('current-password').value,
      newPassword: document.getElementById('new-password').value }));
    message.className = response.ok ? 'info' : 'error';
    message.textContent = response.ok ? 'Your password was changed.' : await problemText(response);
    if (response.ok) event.target.reset();
  });

  async function loadTokens() {
    const tokens = await (await fetch(`${api}/tokens`)).json();
    const body = document.getElementById('tokens');
    body.replaceChildren();
    tokens.forEach(token => {
      const state = token.revokedAt ? 'revoked' : (new Date(token.expiresAt) < new Date() ? 'expired' : 'active');
      const revoke = el('button', 'Revoke');
      revoke.disabled = state !== 'active';
      revoke.addEventListener('click', async () => {
        await fetch(`${api}/tokens/${token.id}`, { method: 'DELETE' });
        loadTokens();
      });
      body.appendChild(row([token.name, token.prefix + '...', token.roles.join(', '), day(token.expiresAt),
        moment(token.lastUsedAt), state, revoke]));
    });
  }

  document.getElementById('token-form').addEventListener('submit', async event => {
    event.preventDefault();
    const error = document.getElementById('token-error');
    const secret = document.getElementById('token-secret');
    error.textContent = '';
    const expiry = document.getElementById('token-expiry').value;
    const response = await fetch(`${api}/tokens`, json({ name: document.getElementById('token-name').value,
      roles: checked(document.getElementById('token-roles')),
      expiresAt: expiry ? `${expiry}T23:59:59Z` : null }));
    if (!response.ok) {
      error.textContent = await problemText(response);
      return;
    }
    const created = await response.json();
    secret.textContent = `Your new token (copy it now, it is not shown again): ${created.secret}`;
    secret.hidden = false;
    event.target.reset();
    loadTokens();
  });

  async function loadUsers() {
    const users = await (await fetch(`${api}/users`)).json();
    const body = document.getElementById('users');
    body.replaceChildren();
    users.forEach(user => {
      const roles = el('span');
      checkboxes(roles, ALL_ROLES, user.roles, `roles-${user.id}`);
      const actions = el('span');
      const save = el('button', 'Save roles');
      save.addEventListener('click', () => change(user.id, { roles: checked(roles) }));
      const toggle = el('button', user.enabled ? 'Disable' : 'Enable');
      toggle.addEventListener('click', () => change(user.id, { enabled: !user.enabled }));
      actions.append(save, toggle);
      if (user.source === 'LOCAL') {
        const reset = el('button', 'Set password');
        reset.addEventListener('click', async () => {
          const password = window.prompt(`New password for ${user.username} (at least 12 characters)`);
          if (password) await change(user.id, { password }, '/password');
        });
        actions.append(reset);
      }
      body.appendChild(row([user.username, user.displayName, roles, user.source,
        user.enabled ? 'enabled' : 'disabled', actions]));
    });
  }

  async function change(id, body, suffix = '') {
    const error = document.getElementById('user-error');
    error.textContent = '';
    const response = await fetch(`${api}/users/${id}${suffix}`, Object.assign(json(body),
      { method: suffix ? 'POST' : 'PATCH' }));
    if (!response.ok) error.textContent = await problemText(response);
    loadUsers();
  }

  document.getElementById('user-form').addEventListener('submit', async event => {
    event.preventDefault();
    const error = document.getElementById('user-error');
    error.textContent = '';
    const response = await fetch(`${api}/users`, json({ username: document.getElementById('new-username').value,
      displayName: document.getElementById('new-display-name').value || null,
      password: document.getElementById('new-user-password').value,
      roles: checked(document.getElementById('new-user-roles')) }));
    if (!response.ok) {
      error.textContent = await problemText(response);
      return;
    }
    event.target.reset();
    loadUsers();
  });

  let auditPage = 0;
  async function loadAudit(more) {
    auditPage = more ? auditPage + 1 : 0;
    const target = document.getElementById('audit-target').value.trim();
    const query = `page=${auditPage}&size=50` + (target ? `&target=${encodeURIComponent(target)}` : '');
    const response = await fetch(`${api}/audit-events?${query}`);
    const body = document.getElementById('audit');
    if (!more) body.replaceChildren();
    if (!response.ok) return;
    const page = await response.json();
    page.content.forEach(entry => body.appendChild(row([moment(entry.at), entry.actor, entry.action,
      `${entry.targetType ?? ''} ${entry.targetId ?? ''}`, entry.detail])));
    document.getElementById('audit-more').disabled = auditPage + 1 >= page.totalPages;
  }
  document.getElementById('audit-form').addEventListener('submit', event => {
    event.preventDefault();
    loadAudit(false);
  });
  document.getElementById('audit-more').addEventListener('click', () => loadAudit(true));

  currentUser.then(me => {
    checkboxes(document.getElementById('token-roles'), me.roles, me.roles, 'token-roles');
    loadTokens();
    if (me.roles.includes('ADMIN')) {
      checkboxes(document.getElementById('new-user-roles'), ALL_ROLES, ['VIEWER'], 'new-user-roles');
      loadUsers();
      loadAudit(false);
    }
  });
})();

// The login page: posts the form with the CSRF token from the XSRF-TOKEN cookie (no inline script: the
// Content-Security-Policy forbids it) and offers the organisation's identity provider when one is configured.
const csrfToken = () => decodeURIComponent(
  (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '').split('=')[1] || '');
const message = document.getElementById('message');
const params = new URLSearchParams(window.location.search);
if (params.has('error')) {
  message.textContent = 'The user name or password is wrong, or there were too many failed attempts; try again later.';
  message.hidden = false;
} else if (params.has('logout')) {
  message.textContent = 'You are logged out.';
  message.className = 'message info';
  message.hidden = false;
}
document.getElementById('login').addEventListener('submit', async event => {
  event.preventDefault();
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    const body = new URLSearchParams({
      username: document.getElementById('username').value,
      password: document.getElementById('password').value
    });
    const response = await fetch('/login', { method: 'POST', body, headers: { 'X-XSRF-TOKEN': csrfToken() } });
    window.location.href = response.url && response.url.includes('error') ? '/login.html?error' : '/';
  } catch (e) {
    message.textContent = 'The service cannot be reached: ' + e.message;
    message.hidden = false;
  } finally {
    button.disabled = false;
  }
});
fetch('/auth/providers').then(r => r.ok ? r.json() : []).then(providers => {
  const box = document.getElementById('providers');
  providers.forEach(provider => {
    const link = document.createElement('a');
    link.className = 'provider';
    link.href = provider.loginUrl;
    link.textContent = 'Log in with ' + provider.name;
    box.appendChild(link);
  });
});

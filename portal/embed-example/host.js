// The example portal's own script: its sign-in, and handing the bearer token to the console.
//
// The conversation with the console is four DOM events on the mount element:
//   console → host  mdm-console:ready          the console listens: hand over a token
//   host → console  mdm-console:token          { detail: { token } }, first or renewed
//   console → host  mdm-console:token-expired  the portal refused the token: renew it
//   console → host  mdm-console:signed-out     the administrator signed out in the console
//   host → console  mdm-console:sign-out       the portal signed out: the console forgets the token
//
// The token is kept in sessionStorage so a reload stays signed in (it dies with the tab).
// It is renewed a minute before it expires, and on demand with the header's 延長 button.

const mount = document.querySelector('[data-mdm-console]');
const form = document.querySelector('[data-testid="host-sign-in-form"]');
const account = document.querySelector('[data-testid="host-account"]');
const STORE = 'example-portal.token';
const LANG = 'example-portal.lang';
let renewTimer;

// The portal's language decides the console's: English browsers get English.
const lang = localStorage.getItem(LANG) || (navigator.language.startsWith('en') ? 'en' : 'ja');
document.documentElement.lang = lang;
mount.dataset.locale = lang;

function saved() {
  try {
    return JSON.parse(sessionStorage.getItem(STORE));
  } catch {
    return null;
  }
}

/** Hands the token to the console. */
function handOver(token) {
  mount.dispatchEvent(new CustomEvent('mdm-console:token', { detail: { token } }));
}

/** Shows the signed-in header, keeps the token, renews it before it runs out. */
function signedIn(issued) {
  sessionStorage.setItem(STORE, JSON.stringify(issued));
  form.hidden = true;
  account.hidden = false;
  account.querySelector('[data-testid="host-user"]').textContent = issued.administrator.display_name;
  const until = new Date(issued.expires_at).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
  account.querySelector('[data-testid="host-token-expiry"]').textContent =
    lang === 'en' ? `valid until ${until}` : `${until}まで有効`;
  clearTimeout(renewTimer);
  const renewIn = new Date(issued.expires_at).getTime() - Date.now() - 60_000;
  renewTimer = setTimeout(renew, Math.max(5_000, renewIn));
  handOver(issued.token);
}

function signedOut() {
  clearTimeout(renewTimer);
  sessionStorage.removeItem(STORE);
  account.hidden = true;
  form.hidden = false;
}

/** Calls the portal without cookies: the token is the only credential. */
async function call(path, { token, body } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': lang };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api${path}`, {
    method: 'POST',
    credentials: 'omit',
    headers,
    body: body && JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw answer;
  return answer;
}

/** A fresh token for the current one; back to sign-in when the portal says no. */
async function renew() {
  const current = saved();
  if (!current) return signedOut();
  try {
    signedIn(await call('/auth/tokens/renew', { token: current.token }));
  } catch {
    signedOut();
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = form.querySelector('[data-testid="host-sign-in-error"]');
  error.textContent = '';
  const data = new FormData(form);
  try {
    signedIn(await call('/auth/tokens', {
      body: { username: data.get('username'), password: data.get('password') },
    }));
    form.reset();
  } catch (answer) {
    error.textContent = answer.message || 'サインインできませんでした。 / Could not sign in.';
  }
});

account.querySelector('[data-testid="host-renew"]').addEventListener('click', renew);
account.querySelector('[data-testid="host-sign-out"]').addEventListener('click', async () => {
  const current = saved();
  signedOut();
  if (current) {
    await fetch('/api/auth/tokens/current', {
      method: 'DELETE',
      credentials: 'omit',
      headers: { Authorization: `Bearer ${current.token}` },
    });
  }
  mount.dispatchEvent(new CustomEvent('mdm-console:sign-out'));
});

// The console's side of the conversation.
mount.addEventListener('mdm-console:ready', () => {
  const current = saved();
  if (current) signedIn(current);
  else signedOut();
});
mount.addEventListener('mdm-console:token-expired', renew);
mount.addEventListener('mdm-console:signed-out', signedOut);

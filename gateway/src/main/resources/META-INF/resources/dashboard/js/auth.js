// Sign-in with Keycloak: authorization code + PKCE (RFC 7636) with the public client arcc-web, written by hand on
// WebCrypto so nothing is loaded from outside. Tokens stay in this tab's sessionStorage; the code and state leave the
// address bar (and its history) as soon as they are read, so no token or code is ever left in a URL.

const SESSION = 'arcc.dashboard.session';
const PENDING = 'arcc.dashboard.pending';
// Refresh a little before expiry so a request never leaves with a token about to lapse.
const EARLY_SECONDS = 20;

export class SignInError extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

export async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new SignInError('config');
  }
  return response.json();
}

function base64url(bytes) {
  let text = '';
  bytes.forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes) {
  const random = new Uint8Array(bytes);
  crypto.getRandomValues(random);
  return base64url(random);
}

async function s256(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function redirectUri() {
  return location.origin + location.pathname;
}

function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(payload), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

export async function signIn(config, language) {
  const pending = { state: randomString(16), verifier: randomString(48), nonce: randomString(16) };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const query = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri(),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await s256(pending.verifier),
    code_challenge_method: 'S256',
    ui_locales: language,
  });
  location.assign(config.authorizationEndpoint + '?' + query);
}

/** After Keycloak sends the browser back: exchanges the code for tokens. Null when this is not such a return. */
export async function completeSignIn(config) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) {
    return null;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', location.pathname);
  if (params.has('error')) {
    throw new SignInError('refused');
  }
  if (!pending || pending.state !== params.get('state')) {
    throw new SignInError('state');
  }
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code: params.get('code'),
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new SignInError('token');
  }
  const tokens = await response.json();
  if (!tokens.id_token || claims(tokens.id_token).nonce !== pending.nonce) {
    throw new SignInError('nonce');
  }
  keep(tokens);
  return currentUser();
}

function keep(tokens) {
  const now = Date.now() / 1000;
  const kept = JSON.parse(sessionStorage.getItem(SESSION) || '{}');
  sessionStorage.setItem(SESSION, JSON.stringify({
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token || kept.refreshToken,
    idToken: tokens.id_token || kept.idToken,
    expiresAt: now + (tokens.expires_in || 60),
  }));
}

function session() {
  return JSON.parse(sessionStorage.getItem(SESSION) || 'null');
}

/** Who is signed in ({username, roles, cell}), or null. */
export function currentUser() {
  const kept = session();
  if (!kept) {
    return null;
  }
  const token = claims(kept.accessToken);
  return {
    username: token.preferred_username,
    roles: (token.realm_access && token.realm_access.roles) || [],
    cell: token.cell || null,
  };
}

/** A valid access token, refreshed when close to expiry; null when the person must sign in again. */
export async function accessToken(config) {
  const kept = session();
  if (!kept) {
    return null;
  }
  if (kept.expiresAt - Date.now() / 1000 > EARLY_SECONDS) {
    return kept.accessToken;
  }
  if (kept.refreshToken) {
    const response = await fetch(config.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: kept.refreshToken }),
    });
    if (response.ok) {
      keep(await response.json());
      return session().accessToken;
    }
  }
  sessionStorage.removeItem(SESSION);
  return null;
}

export function signOut(config) {
  const kept = session();
  sessionStorage.removeItem(SESSION);
  const query = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  if (kept && kept.idToken) {
    query.set('id_token_hint', kept.idToken);
  }
  location.assign(config.endSessionEndpoint + '?' + query);
}

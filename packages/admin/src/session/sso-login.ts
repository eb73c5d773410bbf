// The dashboard as an SSO client of its own server. A login starts at /api/v1/sso/authorize with
// redirect_uri = {origin}/sso/callback (allowed by default on the server: the dashboard's own
// origin) and a random `state` remembered here; the callback redeems the code only for a state this
// browser started (login CSRF: nobody can push their code into someone else's browser) and only
// once. localStorage rather than sessionStorage: a connection test runs in a new tab.
import { client } from '../api/client';

const PREFIX = 'sr_sso_state:';
/** a started login that never came back is forgotten after this long (the server's state lives 10 minutes) */
const MAX_AGE_MS = 15 * 60_000;

export interface StartedSsoLogin {
  /** where to go after the login (a dashboard path, checked again with safeNext) */
  next: string | null;
  /** a connection test from the settings page: show the profile, keep no session */
  test: boolean;
  at: number;
}

const randomState = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

export const ssoCallbackUrl = () => `${window.location.origin}/sso/callback`;

/** The URL that starts an SSO login through `connectionId`, its state remembered for the callback. */
export function startSsoLogin(connectionId: string, options: { next?: string | null; test?: boolean } = {}): string {
  const state = randomState();
  // forget logins that never came back
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key?.startsWith(PREFIX)) {
      const started = readStarted(localStorage.getItem(key));
      if (!started || Date.now() - started.at > MAX_AGE_MS) localStorage.removeItem(key);
    }
  }
  const started: StartedSsoLogin = { next: options.next ?? null, test: options.test ?? false, at: Date.now() };
  localStorage.setItem(PREFIX + state, JSON.stringify(started));
  return client.sso.authorizeUrl({ connectionId, redirectUri: ssoCallbackUrl(), state });
}

function readStarted(raw: string | null): StartedSsoLogin | null {
  try {
    const value = raw ? (JSON.parse(raw) as Partial<StartedSsoLogin>) : null;
    return value && typeof value.at === 'number' ? { next: typeof value.next === 'string' ? value.next : null, test: value.test === true, at: value.at } : null;
  } catch {
    return null;
  }
}

/** The login this browser started with `state`, used up (null when unknown, used or too old). */
export function takeSsoLogin(state: string | null): StartedSsoLogin | null {
  if (!state) return null;
  const key = PREFIX + state;
  const started = readStarted(localStorage.getItem(key));
  localStorage.removeItem(key);
  return started && Date.now() - started.at <= MAX_AGE_MS ? started : null;
}

// OpenID Connect relying-party side through openid-client: discovery (cached per process, per
// connection version), the authorization URL with PKCE S256, state and nonce, and the code grant
// whose ID token openid-client validates (issuer, audience, signature, nonce, expiry). Every request
// openid-client makes (discovery, token, userinfo, JWKS) goes through the settings' guarded fetch:
// the issuer and the endpoints its document names are a tenant admin's input (SSRF).
import * as client from 'openid-client';

export interface OidcSettings {
  connectionId: string;
  version: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** http issuers outside production (tests, a local IdP) */
  allowHttp: boolean;
  /** lib/guarded-fetch: the outbound address policy, no redirects, bounded answers */
  fetch: client.CustomFetch;
}

const TIMEOUT_SECONDS = 5;
const configurations = new Map<string, Promise<client.Configuration>>();

/** The IdP's configuration (discovery document), fetched once per connection version. */
export function configurationFor(s: OidcSettings): Promise<client.Configuration> {
  const key = `${s.connectionId}:${s.version}`;
  let pending = configurations.get(key);
  if (!pending) {
    pending = client.discovery(new URL(s.issuer), s.clientId, { client_secret: s.clientSecret }, client.ClientSecretPost(s.clientSecret), {
      timeout: TIMEOUT_SECONDS,
      // kept on the configuration for its later token, userinfo and JWKS requests too
      [client.customFetch]: s.fetch,
      ...(s.allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
    });
    pending.catch(() => configurations.delete(key));
    if (configurations.size > 1000) configurations.clear();
    configurations.set(key, pending);
  }
  return pending;
}

export interface OidcStart {
  url: string;
  codeVerifier: string;
  nonce: string;
}

export async function authorizationUrl(s: OidcSettings, redirectUri: string, scopes: string[], state: string): Promise<OidcStart> {
  const config = await configurationFor(s);
  const codeVerifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: scopes.join(' '),
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, codeVerifier, nonce };
}

/** Exchanges the code (PKCE verifier, expected state and nonce) and answers the ID token's claims, merged over UserInfo's. */
export async function finish(s: OidcSettings, currentUrl: URL, checks: { codeVerifier: string; state: string; nonce: string }): Promise<Record<string, unknown>> {
  const config = await configurationFor(s);
  const tokens = await client.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  let userinfo: Record<string, unknown> = {};
  if (!claims.email && config.serverMetadata().userinfo_endpoint) {
    userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  }
  return { ...userinfo, ...claims };
}

// A real OpenID Connect provider (oidc-provider) on loopback for the tests. Its login interaction
// signs in `idp.user` without a form; grants are created on the fly (no consent screen). `browse`
// follows redirects like a browser, with a cookie jar per host, and stops at `stopAt`.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

export interface TestOidcIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  provider: Provider;
  /** registers one more redirect URI for the test client (connection ids are known only once created) */
  allowRedirect(uri: string): Promise<void>;
  /** the person the IdP signs in next */
  user: { sub: string; email: string; email_verified?: boolean; given_name?: string; family_name?: string };
  close(): Promise<void>;
}

export async function startOidcIdp(redirectUris: string[]): Promise<TestOidcIdp> {
  const idp = { clientId: 'saasready-test', clientSecret: 'test-secret-0123456789abcdef', user: { sub: 'user-1', email: 'someone@example.test' } } as TestOidcIdp;
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  idp.issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const provider = new Provider(idp.issuer, {
    clients: [{ client_id: idp.clientId, client_secret: idp.clientSecret, redirect_uris: ['https://placeholder.example.test/cb', ...redirectUris], response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_post' }],
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ ...idp.user, sub }) }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['saasready-test-cookie-key'] },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' } as never] },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on('request', async (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      try {
        await provider.interactionFinished(req, res, { login: { accountId: idp.user.sub } }, { mergeWithLastSubmission: false });
      } catch (err) {
        res.writeHead(500).end(String(err));
      }
      return;
    }
    callback(req, res);
  });
  idp.provider = provider;
  idp.allowRedirect = async (uri) => {
    const client = await provider.Client.find(idp.clientId);
    (client!.redirectUris as string[]).push(uri);
  };
  idp.close = () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  return idp;
}

/** Follows redirects as a browser would (cookies per host) until a URL starting with `stopAt`; answers that URL. */
export async function browse(url: string, stopAt: string, jar = new Map<string, string[]>()): Promise<string> {
  let current = url;
  for (let hop = 0; hop < 10; hop++) {
    if (current.startsWith(stopAt)) return current;
    const host = new URL(current).host;
    const res = await fetch(current, { redirect: 'manual', headers: { cookie: (jar.get(host) ?? []).join('; ') } });
    const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
    if (cookies.length) {
      const byName = new Map((jar.get(host) ?? []).map((c) => [c.split('=')[0], c]));
      for (const c of cookies) byName.set(c.split('=')[0], c);
      jar.set(host, [...byName.values()]);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`stopped at ${current}: ${res.status} ${await res.text()}`);
    current = new URL(location, current).href;
  }
  throw new Error('too many redirects');
}

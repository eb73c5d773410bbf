// Enterprise SSO: SAML and OIDC connections per organization, the login round trip and its code.
// Rules enforced here:
// - a login goes back only to an allow-listed redirect_uri, checked before anything else;
// - the round trip's state lives in the database, single use, 10 minutes; the code it ends with is
//   SHA-256 hashed, single use, 60 seconds (concurrent redemptions: exactly one wins);
// - a SAML assertion ID is accepted once per connection (replay cache in the database);
// - an IdP speaks only for emails at its organization's verified domains (sso.domain_not_verified
//   otherwise, before any account is read or created: no squatting of someone else's address);
//   within them, the IdP subject's account (while its own email stays at them too), else the
//   email's, else a new one (JIT);
// - the person becomes an active member with the connection's default role (no escalation: a role
//   whoever creates or changes the connection could not grant, as the role is now, is refused —
//   sent or kept; only turning the connection off is exempt), audited `member.provisioned`;
// - a connection enabled while sso_required is on (and none was) starts SSO enforcement, as the
//   switch would have: the governed members' password sessions end in the same transaction;
// - secrets (OIDC client_secret) are AES-256-GCM under MASTER_KEY and never leave the server;
// - every request to an IdP (metadata URL, OIDC discovery/token/userinfo/JWKS) goes through one
//   guarded fetch: public addresses only unless SSO_ALLOW_PRIVATE, no redirects, bounded (SSRF);
// - every change and its audit rows share one transaction; a refused login is audited with its reason.
import type { AuthorizeQuery, Connection, CreateConnectionBody, OidcCallbackQuery, SsoLookupResponse, SsoProfile, SsoTokenResponse, UpdateConnectionBody } from '@saasready/contracts';
import type { Config } from '../../config.js';
import type { Database, Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { decryptSecret, encryptSecret, randomToken, sha256 } from '../../lib/crypto.js';
import { normalizeEmail } from '../../lib/email.js';
import { AppError, membershipSuspended } from '../../lib/errors.js';
import { guardedFetch, refusalIn, type GuardedFetch } from '../../lib/guarded-fetch.js';
import { newId } from '../../lib/ids.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import type { RequestContext } from '../../lib/request-context.js';
import { iso } from '../../lib/time.js';
import type { OrgAccess } from '../../types.js';
import { recordAudit } from '../audit-logs/service.js';
import type { AuthService } from '../auth/service.js';
import * as domains from '../domains/service.js';
import { roleNotFound } from '../memberships/errors.js';
import { assertCanGrant, lockForChange } from '../memberships/rules.js';
import * as memberships from '../memberships/service.js';
import * as roles from '../roles/service.js';
import * as users from '../users/service.js';
import * as errors from './errors.js';
import * as oidc from './oidc.js';
import * as repository from './repository.js';
import * as saml from './saml.js';
import { parseIdpMetadata } from './xml.js';

export interface SsoDeps {
  db: Database;
  config: Pick<Config, 'publicUrl' | 'masterKey' | 'ssoRedirectUris' | 'nodeEnv' | 'ssoAllowPrivate' | 'dnsServers'>;
  hasher: PasswordHasher;
  auth: AuthService;
}

const STATE_TTL_MS = 10 * 60_000;
const CODE_TTL_MS = 60_000;
const DEFAULT_SCOPES = ['openid', 'email', 'profile'];
/** the most the server reads of any IdP answer (metadata, discovery, token, userinfo, JWKS) */
const IDP_ANSWER_MAX_BYTES = 1_000_000;
const IDP_TIMEOUT_MS = 5_000;

/** Claims that prove nothing about the person and must not travel on (ID token mechanics). */
const PROTOCOL_CLAIMS = new Set(['nonce', 'at_hash', 'c_hash', 's_hash', 'aud', 'azp', 'iat', 'exp', 'nbf', 'auth_time', 'sid', 'jti']);

const SAML_EMAIL = ['email', 'mail', 'emailaddress', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', 'urn:oid:0.9.2342.19200300.100.1.3'];
const SAML_FIRST = ['firstName', 'givenName', 'given_name', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', 'urn:oid:2.5.4.42'];
const SAML_LAST = ['lastName', 'surname', 'sn', 'family_name', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', 'urn:oid:2.5.4.4'];
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
/** the longest IdP subject (SAML NameID, OIDC `sub`) kept: it is a key of sso_identities' index */
const MAX_SUBJECT = saml.MAX_NAME_ID;

/** The connection-specific URLs the IdP's admin console asks for. */
export function spUrls(publicUrl: string, connectionId: string) {
  const base = `${publicUrl}/api/v1/sso`;
  return {
    entityId: `${base}/saml/${connectionId}/metadata`,
    acsUrl: `${base}/saml/${connectionId}/acs`,
    metadataUrl: `${base}/saml/${connectionId}/metadata`,
    oidcRedirectUri: `${base}/oidc/${connectionId}/callback`,
  };
}

const first = (attributes: Record<string, unknown>, names: string[]): string | null => {
  for (const name of names) {
    const value = attributes[name];
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text === 'string' && text.trim()) return text.trim();
  }
  return null;
};

/** Where a login goes back to: an allow-listed redirect_uri and the client's state. */
interface Target {
  redirect_uri: string;
  client_state: string | null;
}

/**
 * A failure once the redirect_uri is known and allowed goes back there, OAuth style (RFC 6749
 * 4.1.2.1): `error` (`access_denied`, or `temporarily_unavailable` when the IdP could not be
 * reached), `error_description`, our stable `error_code` (and `error_reason` for a refused
 * response), and the client's `state`. Never the assertion or a token.
 */
function errorRedirect(target: Target, error: AppError): string {
  const back = new URL(target.redirect_uri);
  back.searchParams.set('error', error.code === 'sso.idp_error' ? 'temporarily_unavailable' : 'access_denied');
  back.searchParams.set('error_description', error.detail ?? error.title);
  back.searchParams.set('error_code', error.code);
  const reason = error.extra.meta?.reason;
  if (typeof reason === 'string') back.searchParams.set('error_reason', reason);
  if (target.client_state !== null) back.searchParams.set('state', target.client_state);
  return back.href;
}

/** A login the IdP vouched for, before our rules: who, according to which connection. */
interface Assertion {
  subject: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  raw: Record<string, unknown>;
}

export class SsoService {
  /** every request to an IdP: public addresses only unless SSO_ALLOW_PRIVATE, pinned, no redirects */
  private readonly outbound: GuardedFetch;

  constructor(private readonly deps: SsoDeps) {
    const { ssoAllowPrivate, dnsServers, nodeEnv } = deps.config;
    this.outbound = guardedFetch({ allowPrivate: ssoAllowPrivate, httpsOnly: nodeEnv === 'production', dnsServers, timeoutMs: IDP_TIMEOUT_MS, allowPrivateSetting: 'SSO_ALLOW_PRIVATE' }, IDP_ANSWER_MAX_BYTES);
  }

  // ───────────────────────────── connections (sso.manage) ─────────────────────────────

  toConnection(row: repository.ConnectionRow): Connection {
    const urls = spUrls(this.deps.config.publicUrl, row.id);
    return {
      id: row.id,
      organization_id: row.organization_id,
      type: row.type,
      name: row.name,
      enabled: row.enabled,
      default_role_id: row.default_role_id,
      allow_idp_initiated: row.allow_idp_initiated,
      allow_sha1: row.allow_sha1,
      oidc: row.type === 'oidc' ? { issuer: row.oidc_issuer ?? '', client_id: row.oidc_client_id ?? '', scopes: this.scopesOf(row), client_secret_set: Boolean(row.oidc_client_secret_enc) } : null,
      saml: row.type === 'saml' ? { idp_entity_id: row.saml_idp_entity_id ?? '', idp_sso_url: row.saml_idp_sso_url ?? '', idp_certificate_count: row.saml_idp_certificates?.length ?? 0, idp_metadata_url: row.saml_idp_metadata_url } : null,
      sp: row.type === 'saml' ? { entity_id: urls.entityId, acs_url: urls.acsUrl, metadata_url: urls.metadataUrl } : { redirect_uri: urls.oidcRedirectUri },
      created_at: iso(row.created_at),
      updated_at: iso(row.updated_at),
    };
  }

  async createConnection(ctx: RequestContext, access: OrgAccess, body: CreateConnectionBody): Promise<Connection> {
    const id = newId();
    const fields: repository.ConnectionFields = {
      id, organization_id: access.organizationId, type: body.type, name: body.name.trim(), enabled: body.enabled ?? true, default_role_id: body.default_role_id ?? null,
      allow_idp_initiated: false, allow_sha1: false, oidc_issuer: null, oidc_client_id: null, oidc_client_secret_enc: null, oidc_scopes: null,
      saml_idp_entity_id: null, saml_idp_sso_url: null, saml_idp_certificates: null, saml_idp_metadata_url: null,
    };
    if (body.type === 'oidc') {
      Object.assign(fields, { oidc_issuer: body.issuer, oidc_client_id: body.client_id, oidc_client_secret_enc: this.seal(id, body.client_secret), oidc_scopes: body.scopes?.join(' ') ?? null });
      await this.assertDiscoverable(fields, body.client_secret);
    } else {
      Object.assign(fields, { allow_idp_initiated: body.allow_idp_initiated ?? false, allow_sha1: body.allow_sha1 ?? false, ...(await this.samlSource(body)) });
    }
    return this.deps.db.transaction(async (tx) => {
      const { actor } = await lockForChange(tx, access, 'sso.manage', { roles: fields.default_role_id ? [fields.default_role_id] : [] });
      await this.assertGrantableRole(tx, actor, fields.default_role_id);
      const enforcedBefore = fields.enabled && (await domains.ssoEnforced(tx, access.organizationId));
      const row = await repository.insertConnection(tx, fields);
      await recordAudit(tx, ctx, { action: 'sso.connection.created', organizationId: access.organizationId, targetType: 'sso_connection', targetId: id, metadata: { type: row.type, name: row.name } });
      if (fields.enabled && !enforcedBefore) await this.startEnforcement(tx, ctx, access.organizationId);
      return this.toConnection(row);
    });
  }

  async listConnections(access: OrgAccess): Promise<Connection[]> {
    return (await repository.listConnections(this.deps.db, access.organizationId)).map((r) => this.toConnection(r));
  }

  async getConnection(access: OrgAccess, id: string): Promise<Connection> {
    const row = await repository.findConnection(this.deps.db, access.organizationId, id);
    if (!row) throw errors.connectionNotFound();
    return this.toConnection(row);
  }

  async updateConnection(ctx: RequestContext, access: OrgAccess, id: string, body: UpdateConnectionBody): Promise<Connection> {
    const current = await repository.findConnection(this.deps.db, access.organizationId, id);
    if (!current) throw errors.connectionNotFound();
    const oidcFields = ['issuer', 'client_id', 'client_secret', 'scopes'] as const;
    const samlFields = ['idp_entity_id', 'idp_sso_url', 'idp_certificate', 'allow_idp_initiated', 'allow_sha1'] as const;
    const foreign = current.type === 'oidc' ? samlFields.filter((f) => f in body) : oidcFields.filter((f) => f in body);
    if (foreign.length) throw errors.invalidConnection(`${foreign.join(', ')} do not apply to a ${current.type} connection`);
    const next: repository.ConnectionFields = { ...current };
    if (body.name !== undefined) next.name = body.name.trim();
    if (body.enabled !== undefined) next.enabled = body.enabled;
    if (body.default_role_id !== undefined) next.default_role_id = body.default_role_id;
    if (current.type === 'oidc') {
      if (body.issuer !== undefined) next.oidc_issuer = body.issuer;
      if (body.client_id !== undefined) next.oidc_client_id = body.client_id;
      if (body.client_secret !== undefined) next.oidc_client_secret_enc = this.seal(id, body.client_secret);
      if (body.scopes !== undefined) next.oidc_scopes = body.scopes.join(' ');
      if (body.issuer !== undefined || body.client_id !== undefined) await this.assertDiscoverable(next, body.client_secret ?? this.secretOf(current));
    } else {
      if (body.idp_entity_id !== undefined) next.saml_idp_entity_id = body.idp_entity_id;
      if (body.idp_sso_url !== undefined) next.saml_idp_sso_url = this.checkedUrl(body.idp_sso_url, 'idp_sso_url');
      if (body.idp_certificate !== undefined) next.saml_idp_certificates = [this.certificate(body.idp_certificate)];
      if (body.allow_idp_initiated !== undefined) next.allow_idp_initiated = body.allow_idp_initiated;
      if (body.allow_sha1 !== undefined) next.allow_sha1 = body.allow_sha1;
    }
    return this.deps.db.transaction(async (tx) => {
      const { actor } = await lockForChange(tx, access, 'sso.manage', { roles: next.default_role_id ? [next.default_role_id] : [] });
      // the role JIT will grant, sent or kept, as it is now: whoever changes the connection must be able
      // to grant it (a change that only turns the connection off provisions nobody)
      if (!(Object.keys(body).length === 1 && body.enabled === false)) await this.assertGrantableRole(tx, actor, next.default_role_id);
      const enablesIt = next.enabled && !current.enabled;
      const enforcedBefore = enablesIt && (await domains.ssoEnforced(tx, access.organizationId));
      const row = await repository.updateConnection(tx, access.organizationId, next);
      if (!row) throw errors.connectionNotFound();
      // names of the changed fields only: never a value (the secret among them)
      await recordAudit(tx, ctx, { action: 'sso.connection.updated', organizationId: access.organizationId, targetType: 'sso_connection', targetId: id, metadata: { changed: Object.keys(body).sort() } });
      if (enablesIt && !enforcedBefore) await this.startEnforcement(tx, ctx, access.organizationId);
      return this.toConnection(row);
    });
  }

  async deleteConnection(ctx: RequestContext, access: OrgAccess, id: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const row = await repository.deleteConnection(tx, access.organizationId, id);
      if (!row) throw errors.connectionNotFound();
      await recordAudit(tx, ctx, { action: 'sso.connection.deleted', organizationId: access.organizationId, targetType: 'sso_connection', targetId: id, metadata: { type: row.type, name: row.name } });
    });
  }

  /** Step: the default role exists in this organization and whoever sets or keeps it could grant it (no escalation through JIT). */
  private async assertGrantableRole(tx: Executor, actor: OrgAccess, roleId: string | null): Promise<void> {
    if (!roleId) return;
    const role = await roles.findById(tx, actor.organizationId, roleId);
    if (!role) throw roleNotFound();
    assertCanGrant(actor, role);
  }

  /**
   * Step: an enabled connection made sso_required take effect (it was switched on first): the governed
   * members' password sessions end now, as they would have with the switch (domains.endPasswordSessionsForSso).
   */
  private async startEnforcement(tx: Executor, ctx: RequestContext, organizationId: string): Promise<void> {
    if (await domains.ssoEnforced(tx, organizationId)) await domains.endPasswordSessionsForSso(tx, ctx, organizationId);
  }

  /** Step: the OIDC issuer answers discovery with this client (fails fast on a typo). */
  private async assertDiscoverable(fields: repository.ConnectionFields, clientSecret: string): Promise<void> {
    const issuer = this.checkedUrl(fields.oidc_issuer ?? '', 'issuer');
    try {
      await oidc.configurationFor({ connectionId: fields.id, version: `probe:${randomToken(6)}`, issuer, clientId: fields.oidc_client_id ?? '', clientSecret, allowHttp: this.allowHttp, fetch: this.outbound });
    } catch (err) {
      // a refused address is said as such; any other failure stays vague (no port scanning through us)
      const refused = refusalIn(err);
      if (refused) throw errors.invalidConnection(`issuer refused: ${refused.message}.`);
      throw errors.invalidConnection(`OpenID Connect discovery failed at ${issuer}/.well-known/openid-configuration (or its issuer differs)`);
    }
  }

  /** Step: the SAML IdP from exactly one source: metadata XML, a metadata URL, or the three values. */
  private async samlSource(body: Extract<CreateConnectionBody, { type: 'saml' }>): Promise<Partial<repository.ConnectionFields>> {
    const sources = [body.idp_metadata_xml !== undefined, body.idp_metadata_url !== undefined, body.idp_entity_id !== undefined || body.idp_sso_url !== undefined || body.idp_certificate !== undefined].filter(Boolean).length;
    if (sources !== 1) throw errors.invalidConnection('Give exactly one of idp_metadata_xml, idp_metadata_url, or idp_entity_id + idp_sso_url + idp_certificate.');
    if (body.idp_metadata_xml !== undefined || body.idp_metadata_url !== undefined) {
      const xml = body.idp_metadata_xml ?? (await this.fetchMetadata(this.checkedUrl(body.idp_metadata_url!, 'idp_metadata_url')));
      const parsed = parseIdpMetadata(xml);
      if (typeof parsed === 'string') throw errors.invalidConnection(`IdP metadata refused: ${parsed}.`);
      const certificates = parsed.certificates.map((c) => this.certificate(c));
      return { saml_idp_entity_id: parsed.entityId, saml_idp_sso_url: this.checkedUrl(parsed.ssoUrl, 'SingleSignOnService'), saml_idp_certificates: certificates, saml_idp_metadata_url: body.idp_metadata_url ?? null };
    }
    if (!body.idp_entity_id || !body.idp_sso_url || !body.idp_certificate) throw errors.invalidConnection('idp_entity_id, idp_sso_url and idp_certificate go together.');
    return { saml_idp_entity_id: body.idp_entity_id, saml_idp_sso_url: this.checkedUrl(body.idp_sso_url, 'idp_sso_url'), saml_idp_certificates: [this.certificate(body.idp_certificate)] };
  }

  private certificate(input: string): string {
    const body = saml.normalizeCertificate(input);
    if (!body) throw errors.invalidConnection('The IdP certificate is not an X.509 certificate (PEM or base64 DER).');
    return body;
  }

  /** http(s) only; plain http outside production only (a local IdP). */
  private checkedUrl(raw: string, field: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw errors.invalidConnection(`${field} is not a URL.`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.allowHttp)) throw errors.invalidConnection(`${field} must use https.`);
    return raw;
  }

  private get allowHttp(): boolean {
    return this.deps.config.nodeEnv !== 'production';
  }

  private async fetchMetadata(url: string): Promise<string> {
    try {
      const response = await this.outbound(url, { headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' } });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return await response.text();
    } catch (err) {
      const refused = refusalIn(err);
      if (refused) throw errors.invalidConnection(`idp_metadata_url refused: ${refused.message}.`);
      throw errors.invalidConnection('The IdP metadata URL could not be fetched (no redirects, 5 s, 1 MB at most).');
    }
  }

  private seal = (connectionId: string, secret: string) => encryptSecret(this.deps.config.masterKey, secret, `sso_connection:${connectionId}`);
  private secretOf = (row: repository.ConnectionRow) => decryptSecret(this.deps.config.masterKey, row.oidc_client_secret_enc ?? '', `sso_connection:${row.id}`);
  private scopesOf = (row: repository.ConnectionRow) => (row.oidc_scopes ? row.oidc_scopes.split(' ') : DEFAULT_SCOPES);

  private oidcSettings(row: repository.ConnectionRow): oidc.OidcSettings {
    return { connectionId: row.id, version: iso(row.updated_at), issuer: row.oidc_issuer ?? '', clientId: row.oidc_client_id ?? '', clientSecret: this.secretOf(row), allowHttp: this.allowHttp, fetch: this.outbound };
  }

  private samlSettings(row: repository.ConnectionRow): saml.SamlSettings {
    const urls = spUrls(this.deps.config.publicUrl, row.id);
    return {
      idpEntityId: row.saml_idp_entity_id ?? '', idpSsoUrl: row.saml_idp_sso_url ?? '', idpCertificates: row.saml_idp_certificates ?? [],
      spEntityId: urls.entityId, acsUrl: urls.acsUrl, allowSha1: row.allow_sha1, allowIdpInitiated: row.allow_idp_initiated,
    };
  }

  // ───────────────────────────── login (public) ─────────────────────────────

  /** Whether the email's domain is verified by an organization with an enabled connection. */
  async lookup(email: string): Promise<SsoLookupResponse> {
    const organizationId = await domains.verifiedOwner(this.deps.db, domains.domainOfEmail(normalizeEmail(email)));
    const connection = organizationId ? await repository.firstEnabledConnection(this.deps.db, organizationId) : null;
    const required = organizationId ? await repository.organizationRequiresSso(this.deps.db, organizationId) : false;
    return { sso: Boolean(connection), organization_id: connection ? organizationId : null, connection_id: connection?.id ?? null, sso_required: Boolean(connection) && required };
  }

  /** The authorize URL a login page can send a person to (used by auth.sso_required answers). */
  authorizeUrl(connectionId: string, redirectUri?: string): string {
    const query = new URLSearchParams({ connection_id: connectionId, ...(redirectUri ? { redirect_uri: redirectUri } : {}) });
    return `${this.deps.config.publicUrl}/api/v1/sso/authorize?${query}`;
  }

  /** Starts a login: the URL of the IdP, with the round trip's state stored. */
  async authorize(query: AuthorizeQuery): Promise<string> {
    // the instance's list first, without a database read; then the connection's organization's own
    let redirectUri = this.allowedRedirect(query.redirect_uri);
    if (!redirectUri && !URL.canParse(query.redirect_uri)) throw errors.redirectUriNotAllowed();
    let connection: repository.ConnectionRow;
    try {
      connection = await this.pickConnection(query);
    } catch (err) {
      // the instance's list allowed the URL: the client hears of it there (no connection, disabled)
      if (redirectUri && err instanceof AppError) return errorRedirect({ redirect_uri: redirectUri, client_state: query.state ?? null }, err);
      throw err;
    }
    redirectUri ??= this.allowedRedirect(query.redirect_uri, await repository.organizationRedirectUris(this.deps.db, connection.organization_id));
    if (!redirectUri) throw errors.redirectUriNotAllowed();
    const back: Target = { redirect_uri: redirectUri, client_state: query.state ?? null };
    const token = randomToken();
    const state = { id: newId(), state_hash: sha256(token), organization_id: connection.organization_id, connection_id: connection.id, redirect_uri: redirectUri, client_state: query.state ?? null, expires_at: new Date(Date.now() + STATE_TTL_MS) };
    if (connection.type === 'oidc') {
      const start = await oidc.authorizationUrl(this.oidcSettings(connection), spUrls(this.deps.config.publicUrl, connection.id).oidcRedirectUri, this.scopesOf(connection), token).catch(() => null);
      if (!start) return errorRedirect(back, errors.idpUnavailable());
      await repository.insertState(this.deps.db, { ...state, code_verifier_enc: encryptSecret(this.deps.config.masterKey, start.codeVerifier, `sso_state:${state.id}`), nonce: start.nonce, saml_request_id: null });
      return start.url;
    }
    const requestId = `_${randomToken(20)}`;
    const url = await saml.authnRequestUrl(this.samlSettings(connection), requestId, token);
    await repository.insertState(this.deps.db, { ...state, code_verifier_enc: null, nonce: null, saml_request_id: requestId });
    return url;
  }

  /**
   * SSO_REDIRECT_URIS plus the dashboard's own callback, `{PUBLIC_URL}/sso/callback`: the dashboard
   * is served from PUBLIC_URL and signs its people in through SSO like any client (cookie mode). An
   * exact URL on our own origin, so it opens no redirect elsewhere.
   */
  private get instanceRedirects(): string[] {
    return [...this.deps.config.ssoRedirectUris, `${this.deps.config.publicUrl}/sso/callback`];
  }

  /** Step: exactly an allow-listed URL (SSO_REDIRECT_URIS, the dashboard's callback, or the organization's own), compared after URL normalisation. */
  private allowedRedirect(raw: string, allowList: readonly string[] = this.instanceRedirects): string | null {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return null;
    }
    if (url.username || url.password || url.hash) return null;
    return allowList.some((allowed) => URL.canParse(allowed) && new URL(allowed).href === url.href) ? url.href : null;
  }

  /** Step: the connection named by id, or the one of the organization (given, or owning the domain / email's domain). */
  private async pickConnection(query: AuthorizeQuery): Promise<repository.ConnectionRow> {
    let connection: repository.ConnectionRow | null = null;
    if (query.connection_id) connection = await repository.findConnectionForLogin(this.deps.db, query.connection_id);
    else {
      const domain = query.domain ? domains.normalizeDomain(query.domain) : query.email ? domains.domainOfEmail(normalizeEmail(query.email)) : null;
      const organizationId = query.organization_id ?? (domain ? await domains.verifiedOwner(this.deps.db, domain) : null);
      if (organizationId) connection = await repository.firstEnabledConnection(this.deps.db, organizationId);
    }
    if (!connection) throw errors.noConnection();
    if (!connection.enabled) throw errors.connectionDisabled();
    return connection;
  }

  /** OIDC: the IdP sent the browser back; on success, where to send it with our code. */
  async oidcCallback(ctx: RequestContext, connectionId: string, query: OidcCallbackQuery, rawQuery: string): Promise<string> {
    const connection = await this.loginConnection(connectionId);
    // a SAML connection's state (its RelayState) must not be used up here
    if (connection.type !== 'oidc') throw errors.connectionNotFound();
    const state = query.state ? await repository.consumeState(this.deps.db, connection.organization_id, connection.id, sha256(query.state)) : null;
    if (!state) return this.refuse(ctx, connection, 'invalid_state', errors.invalidState());
    if (query.error) return this.refuse(ctx, connection, `idp_error:${query.error.slice(0, 64)}`, errors.invalidResponse('idp_error'), state);
    let claims: Record<string, unknown>;
    try {
      const callbackUrl = new URL(`${spUrls(this.deps.config.publicUrl, connection.id).oidcRedirectUri}?${rawQuery}`);
      const codeVerifier = decryptSecret(this.deps.config.masterKey, state.code_verifier_enc ?? '', `sso_state:${state.id}`);
      claims = await oidc.finish(this.oidcSettings(connection), callbackUrl, { codeVerifier, state: query.state!, nonce: state.nonce ?? '' });
    } catch (err) {
      const code = (err as { code?: unknown; error?: unknown }).error ?? (err as { code?: unknown }).code;
      return this.refuse(ctx, connection, `oidc:${typeof code === 'string' ? code.slice(0, 64) : 'failed'}`, errors.invalidResponse('oidc'), state);
    }
    if (claims.email_verified === false) return this.refuse(ctx, connection, 'email_not_verified_by_idp', errors.emailMissing(), state);
    const raw = Object.fromEntries(Object.entries(claims).filter(([k]) => !PROTOCOL_CLAIMS.has(k)));
    const assertion: Assertion = { subject: String(claims.sub), email: typeof claims.email === 'string' ? claims.email : null, firstName: typeof claims.given_name === 'string' ? claims.given_name : null, lastName: typeof claims.family_name === 'string' ? claims.family_name : null, raw };
    return this.completeLogin(ctx, connection, state, assertion);
  }

  /** SAML: the IdP posted a Response to our ACS; on success, where to send the browser with our code. */
  async samlAcs(ctx: RequestContext, connectionId: string, body: { SAMLResponse: string; RelayState?: string }): Promise<string> {
    const connection = await this.loginConnection(connectionId);
    if (connection.type !== 'saml') throw errors.connectionNotFound();
    // SP-initiated: the RelayState is our state token; anything else is an unsolicited response
    const state = body.RelayState ? await repository.consumeState(this.deps.db, connection.organization_id, connection.id, sha256(body.RelayState)) : null;
    let verified: saml.VerifiedAssertion;
    try {
      verified = await saml.verifyResponse(this.samlSettings(connection), body.SAMLResponse, state?.saml_request_id ?? null);
    } catch (err) {
      const reason = err instanceof saml.SamlRefusal ? err.message : 'invalid_response';
      return this.refuse(ctx, connection, reason, errors.invalidResponse(reason), state);
    }
    // each assertion once, across every process, even if the rest of this login fails
    if (!(await repository.rememberAssertion(this.deps.db, connection.id, verified.assertionId, verified.expiresAt))) {
      return this.refuse(ctx, connection, 'replayed_assertion', errors.invalidResponse('replayed_assertion'), state);
    }
    const target = state ?? (await this.unsolicitedTarget(connection, body.RelayState));
    if (!target) return this.refuse(ctx, connection, 'no_redirect_uri', errors.redirectUriNotAllowed());
    const profile = verified.profile;
    const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
    const nameId = typeof profile.nameID === 'string' ? profile.nameID : '';
    const email = first(attributes, SAML_EMAIL) ?? (EMAIL.test(nameId) ? nameId : null);
    const assertion: Assertion = { subject: nameId || email || '', email, firstName: first(attributes, SAML_FIRST), lastName: first(attributes, SAML_LAST), raw: attributes };
    return this.completeLogin(ctx, connection, target, assertion);
  }

  /** IdP-initiated (allowed connections only): back to the RelayState when it is allow-listed, else the first allow-listed URL. */
  private async unsolicitedTarget(connection: repository.ConnectionRow, relayState: string | undefined): Promise<Target | null> {
    if (!connection.allow_idp_initiated) return null;
    const allowList = [...this.deps.config.ssoRedirectUris, ...(await repository.organizationRedirectUris(this.deps.db, connection.organization_id))];
    const redirect = (relayState && this.allowedRedirect(relayState, allowList)) || allowList[0];
    return redirect ? { redirect_uri: new URL(redirect).href, client_state: null } : null;
  }

  /** SP metadata of a SAML connection. */
  async samlMetadata(connectionId: string): Promise<string> {
    const connection = await repository.findConnectionForLogin(this.deps.db, connectionId);
    if (!connection || connection.type !== 'saml') throw errors.connectionNotFound();
    return saml.spMetadata(this.samlSettings(connection));
  }

  private async loginConnection(connectionId: string): Promise<repository.ConnectionRow> {
    const connection = await repository.findConnectionForLogin(this.deps.db, connectionId);
    if (!connection) throw errors.connectionNotFound();
    if (!connection.enabled) throw errors.connectionDisabled();
    return connection;
  }

  /**
   * Step: a refused login is audited with its reason (never the assertion); with a target (the
   * login's state named an allowed redirect_uri) the browser goes back there with the error,
   * otherwise the problem is the answer (nothing says where the browser may be sent).
   */
  private async refuse(ctx: RequestContext, connection: repository.ConnectionRow, reason: string, error: AppError, target?: Target | null): Promise<string> {
    await recordAudit(this.deps.db, ctx, { action: 'sso.login.failed', actor: null, organizationId: connection.organization_id, targetType: 'sso_connection', targetId: connection.id, metadata: { reason, connection_type: connection.type } });
    if (!target) throw error;
    return errorRedirect(target, error);
  }

  /**
   * The IdP vouched for someone: find or create the account (linking rules), make them an active
   * member, and mint the single-use code — one transaction with its audit rows.
   */
  private async completeLogin(ctx: RequestContext, connection: repository.ConnectionRow, target: Target, assertion: Assertion): Promise<string> {
    const email = assertion.email ? normalizeEmail(assertion.email) : null;
    if (!email || !EMAIL.test(email)) return this.refuse(ctx, connection, 'email_missing', errors.emailMissing(), target);
    if (!assertion.subject) return this.refuse(ctx, connection, 'subject_missing', errors.invalidResponse('subject_missing'), target);
    // an index key (sso_identities): an IdP's over-long `sub` would otherwise end as a 500
    if (assertion.subject.length > MAX_SUBJECT) return this.refuse(ctx, connection, 'subject_too_long', errors.invalidResponse('subject_too_long'), target);
    const code = randomToken();
    // a new account's unusable password, hashed only when there is an account to create (a returning
    // person's login must not pay an argon2 hash: it was most of an SSO login's CPU)
    const unusablePasswordHash = () => this.deps.hasher.hash(randomToken());
    try {
      // two first logins of one person at once: the loser's insert collides (user or membership);
      // run again once, and it finds what the winner committed
      await this.retryOnceOnCollision(() => this.deps.db.transaction(async (tx) => {
        const user = await this.resolveUser(tx, ctx, connection, assertion, email, unusablePasswordHash);
        await this.ensureMembership(tx, ctx, connection, user);
        const profile: SsoProfile = {
          connection_id: connection.id, connection_type: connection.type, organization_id: connection.organization_id, idp_id: assertion.subject,
          email, first_name: assertion.firstName, last_name: assertion.lastName, raw_attributes: assertion.raw,
        };
        const codeHash = sha256(code);
        await repository.insertCode(tx, {
          code_hash: codeHash, organization_id: connection.organization_id, connection_id: connection.id, user_id: user.id,
          profile_enc: encryptSecret(this.deps.config.masterKey, JSON.stringify(profile), `sso_code:${codeHash}`), expires_at: new Date(Date.now() + CODE_TTL_MS),
        });
        await recordAudit(tx, ctx, { action: 'sso.login.succeeded', actor: { userId: user.id, email: user.email }, organizationId: connection.organization_id, targetType: 'sso_connection', targetId: connection.id, metadata: { connection_type: connection.type } });
      }));
    } catch (err) {
      if (err instanceof AppError) return this.refuse(ctx, connection, err.code, err, target);
      throw err;
    }
    const back = new URL(target.redirect_uri);
    back.searchParams.set('code', code);
    if (target.client_state !== null) back.searchParams.set('state', target.client_state);
    return back.href;
  }

  private async retryOnceOnCollision(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      const collided = isUniqueViolation(err) || (err instanceof AppError && err.code === 'auth.email_taken');
      if (!collided) throw err;
      await work();
    }
  }

  /**
   * Step: the IdP speaks only for addresses at its organization's verified domains; then the account
   * of this IdP subject, else the account with this email (the domain is this organization's), else
   * a new account. Without the first rule an organization's IdP could squat any address: create the
   * global account its real owner later collides with (or, once linked, keep a way into it).
   */
  private async resolveUser(tx: Executor, ctx: RequestContext, connection: repository.ConnectionRow, assertion: Assertion, email: string, unusablePasswordHash: () => Promise<string>): Promise<users.UserRow> {
    if (!(await domains.emailDomainVerifiedBy(tx, connection.organization_id, email))) throw errors.domainNotVerified();
    // the email first: a concurrent first login of this person commits the account and its identity
    // together, so once the account is visible here the identity read after it is too
    const existing = await users.findByEmail(tx, email);
    const linkedId = await repository.findIdentity(tx, connection.organization_id, connection.id, assertion.subject);
    const linked = linkedId ? await users.findById(tx, linkedId) : null;
    // the account's own address too: once it moved off the organization's verified domains, its IdP
    // no longer speaks for it (the rule a first link obeys, kept for as long as the link lives)
    if (linked && !(await domains.emailDomainVerifiedBy(tx, connection.organization_id, linked.email))) throw errors.domainNotVerified();
    if (linked) return this.active(linked);
    const fullName = [assertion.firstName, assertion.lastName].filter(Boolean).join(' ') || email.slice(0, email.indexOf('@'));
    // a new SSO account has an unusable random password: it signs in through SSO, or resets it by email;
    // its email is verified: the organization proved it controls the domain
    const user = existing ?? (await users.insert(tx, { id: newId(), email, password_hash: await unusablePasswordHash(), full_name: fullName.slice(0, 200), email_verified_at: new Date() }));
    if (!existing) await recordAudit(tx, ctx, { action: 'user.registered', actor: { userId: user.id, email }, organizationId: connection.organization_id, targetType: 'user', targetId: user.id, metadata: { via_sso: connection.id } });
    await repository.insertIdentity(tx, { organization_id: connection.organization_id, connection_id: connection.id, idp_subject: assertion.subject, user_id: user.id });
    return this.active(user);
  }

  private active(user: users.UserRow): users.UserRow {
    if (!user.is_active) throw new AppError('auth.account_disabled', 'This account is disabled.');
    return user;
  }

  /** Step: an active membership, created with the connection's default role (or Member) when missing; a suspended one stays suspended. */
  private async ensureMembership(tx: Executor, ctx: RequestContext, connection: repository.ConnectionRow, user: users.UserRow): Promise<void> {
    const membership = await memberships.findByUser(tx, connection.organization_id, user.id);
    if (membership) {
      if (membership.status !== 'active') throw membershipSuspended();
      return;
    }
    const roleId = connection.default_role_id ?? (await repository.memberRoleId(tx, connection.organization_id));
    if (!roleId) throw roleNotFound();
    const membershipId = newId();
    await memberships.insert(tx, { id: membershipId, organization_id: connection.organization_id, user_id: user.id, role_id: roleId, status: 'active' });
    await recordAudit(tx, ctx, { action: 'member.provisioned', actor: { userId: user.id, email: user.email }, organizationId: connection.organization_id, targetType: 'membership', targetId: membershipId, metadata: { user_id: user.id, role_id: roleId, via: 'sso', connection_id: connection.id } });
  }

  /** Redeems the code once: the tokens of a new session in the connection's organization, and the SSO profile. */
  async exchangeCode(ctx: RequestContext, code: string): Promise<SsoTokenResponse> {
    return this.deps.db.transaction(async (tx) => {
      const row = await repository.consumeCode(tx, sha256(code));
      if (!row) throw errors.invalidCode();
      const profile = JSON.parse(decryptSecret(this.deps.config.masterKey, row.profile_enc, `sso_code:${row.code_hash}`)) as SsoProfile;
      const tokens = await this.deps.auth.ssoLogin(tx, ctx, row.user_id, row.organization_id, { connection_id: row.connection_id, connection_type: profile.connection_type });
      return { ...tokens, sso_profile: profile };
    });
  }
}

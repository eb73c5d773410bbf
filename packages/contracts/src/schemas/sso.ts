import { Type, type Static } from 'typebox';
import { EmailInput, nameInput, Timestamp, Uuid } from './common.js';
import { TokenResponse } from './auth.js';

/** A DNS domain name as accepted on input (lower-cased by the server), e.g. `acme.com`. */
export const DomainName = Type.String({
  minLength: 3,
  maxLength: 253,
  pattern: '^\\s*(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?\\s*$',
  description: 'a domain name such as acme.com',
});

/**
 * `POST /orgs/{org_id}/domains`.
 *
 * @example
 * ```json
 * { "domain": "acme.com" }
 * ```
 */
export const CreateDomainBody = Type.Object({ domain: DomainName }, { additionalProperties: false });
export type CreateDomainBody = Static<typeof CreateDomainBody>;

/**
 * A domain an organization claims. Publish `verification.value` as a TXT record at
 * `verification.name`, then `POST …/domains/{id}/verify`.
 *
 * @example
 * ```json
 * { "id": "0193…", "organization_id": "0193…", "domain": "acme.com", "status": "pending", "verified_at": null,
 *   "verification": { "type": "TXT", "name": "_saasready-verification.acme.com", "value": "saasready-verification=Xy…" },
 *   "created_at": "2026-12-05T10:00:00.000Z" }
 * ```
 */
export const DomainSchema = Type.Object({
  id: Uuid,
  organization_id: Uuid,
  domain: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('verified')]),
  verified_at: Type.Union([Timestamp, Type.Null()]),
  verification: Type.Object({ type: Type.Literal('TXT'), name: Type.String(), value: Type.String() }),
  created_at: Timestamp,
});
export type Domain = Static<typeof DomainSchema>;

/** Path parameters of one domain. */
export const DomainParams = Type.Object({ org_id: Uuid, domain_id: Uuid });

/** Path parameters of one SSO connection of an organization. */
export const ConnectionParams = Type.Object({ org_id: Uuid, connection_id: Uuid });

/** Path parameters of a public SP endpoint of one connection. */
export const ConnectionIdParams = Type.Object({ connection_id: Uuid });

const Pem = Type.String({ minLength: 64, maxLength: 16_384, description: 'X.509 certificate: PEM, or its base64 body' });
const HttpsUrl = Type.String({ minLength: 8, maxLength: 2048, pattern: '^https?://', description: 'an http(s) URL' });

const ConnectionCommon = {
  name: nameInput(200),
  default_role_id: Type.Optional(Uuid),
  enabled: Type.Optional(Type.Boolean({ default: true })),
};

/**
 * `POST /orgs/{org_id}/sso/connections` for an OpenID Connect IdP. `client_secret` is encrypted at
 * rest and never returned.
 *
 * @example
 * ```json
 * { "type": "oidc", "name": "Okta", "issuer": "https://acme.okta.com", "client_id": "0oa…", "client_secret": "…" }
 * ```
 */
export const CreateOidcConnectionBody = Type.Object(
  {
    type: Type.Literal('oidc'),
    ...ConnectionCommon,
    issuer: HttpsUrl,
    client_id: Type.String({ minLength: 1, maxLength: 512 }),
    client_secret: Type.String({ minLength: 1, maxLength: 2048 }),
    scopes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100, pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$' }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

/**
 * `POST /orgs/{org_id}/sso/connections` for a SAML 2.0 IdP: its metadata XML, or a metadata URL
 * (fetched once, at creation), or the three values by hand.
 *
 * @example
 * ```json
 * { "type": "saml", "name": "Entra ID", "idp_entity_id": "https://sts.windows.net/…/", "idp_sso_url": "https://login.microsoftonline.com/…/saml2", "idp_certificate": "MIIC…" }
 * ```
 */
export const CreateSamlConnectionBody = Type.Object(
  {
    type: Type.Literal('saml'),
    ...ConnectionCommon,
    idp_metadata_xml: Type.Optional(Type.String({ minLength: 1, maxLength: 100_000 })),
    idp_metadata_url: Type.Optional(HttpsUrl),
    idp_entity_id: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
    idp_sso_url: Type.Optional(HttpsUrl),
    idp_certificate: Type.Optional(Pem),
    allow_idp_initiated: Type.Optional(Type.Boolean({ default: false, description: 'accept unsolicited (IdP-initiated) responses' })),
    allow_sha1: Type.Optional(Type.Boolean({ default: false, description: 'accept RSA-SHA1 signatures (legacy IdPs only)' })),
  },
  { additionalProperties: false },
);

/** `POST /orgs/{org_id}/sso/connections`. */
export const CreateConnectionBody = Type.Union([CreateOidcConnectionBody, CreateSamlConnectionBody]);
export type CreateConnectionBody = Static<typeof CreateConnectionBody>;

/** `PATCH /orgs/{org_id}/sso/connections/{connection_id}`: any of these; the type cannot change. */
export const UpdateConnectionBody = Type.Object(
  {
    name: Type.Optional(nameInput(200)),
    enabled: Type.Optional(Type.Boolean()),
    default_role_id: Type.Optional(Type.Union([Uuid, Type.Null()])),
    allow_idp_initiated: Type.Optional(Type.Boolean()),
    allow_sha1: Type.Optional(Type.Boolean()),
    issuer: Type.Optional(HttpsUrl),
    client_id: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    client_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    scopes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100, pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$' }), { maxItems: 20 })),
    idp_entity_id: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
    idp_sso_url: Type.Optional(HttpsUrl),
    idp_certificate: Type.Optional(Pem),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateConnectionBody = Static<typeof UpdateConnectionBody>;

/**
 * An SSO connection as the API shows it: never a secret. `sp` holds what the IdP's admin console
 * asks for (SAML: entity ID and ACS URL; OIDC: the redirect URI).
 */
export const ConnectionSchema = Type.Object({
  id: Uuid,
  organization_id: Uuid,
  type: Type.Union([Type.Literal('oidc'), Type.Literal('saml')]),
  name: Type.String(),
  enabled: Type.Boolean(),
  default_role_id: Type.Union([Uuid, Type.Null()]),
  allow_idp_initiated: Type.Boolean(),
  allow_sha1: Type.Boolean(),
  oidc: Type.Union([Type.Object({ issuer: Type.String(), client_id: Type.String(), scopes: Type.Array(Type.String()), client_secret_set: Type.Boolean() }), Type.Null()]),
  saml: Type.Union([Type.Object({ idp_entity_id: Type.String(), idp_sso_url: Type.String(), idp_certificate_count: Type.Integer(), idp_metadata_url: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  sp: Type.Object({
    entity_id: Type.Optional(Type.String()),
    acs_url: Type.Optional(Type.String()),
    metadata_url: Type.Optional(Type.String()),
    redirect_uri: Type.Optional(Type.String()),
  }),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Connection = Static<typeof ConnectionSchema>;

/**
 * `GET /sso/authorize`: one of `connection_id`, `organization_id`, `domain` or `email` picks the
 * connection; `redirect_uri` must be on the allow-list; `state` comes back unchanged.
 */
export const AuthorizeQuery = Type.Object(
  {
    connection_id: Type.Optional(Uuid),
    organization_id: Type.Optional(Uuid),
    domain: Type.Optional(DomainName),
    email: Type.Optional(EmailInput),
    redirect_uri: Type.String({ minLength: 8, maxLength: 2048 }),
    state: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
export type AuthorizeQuery = Static<typeof AuthorizeQuery>;

/** `POST /auth/sso/lookup`. */
export const SsoLookupBody = Type.Object({ email: EmailInput }, { additionalProperties: false });

/** Whether the email's domain belongs to an organization with an enabled connection. */
export const SsoLookupResponse = Type.Object({
  sso: Type.Boolean(),
  organization_id: Type.Union([Uuid, Type.Null()]),
  connection_id: Type.Union([Uuid, Type.Null()]),
  sso_required: Type.Boolean(),
});
export type SsoLookupResponse = Static<typeof SsoLookupResponse>;

/** The OIDC callback's query (the IdP's answer). */
export const OidcCallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 4096 })),
    state: Type.Optional(Type.String({ maxLength: 512 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
    error_description: Type.Optional(Type.String({ maxLength: 2048 })),
    iss: Type.Optional(Type.String({ maxLength: 2048 })),
    session_state: Type.Optional(Type.String({ maxLength: 2048 })),
  },
  { additionalProperties: true },
);
export type OidcCallbackQuery = Static<typeof OidcCallbackQuery>;

/** The SAML ACS form (HTTP-POST binding). */
export const AcsBody = Type.Object(
  {
    SAMLResponse: Type.String({ minLength: 1, maxLength: 200_000 }),
    RelayState: Type.Optional(Type.String({ maxLength: 2048 })),
  },
  { additionalProperties: false },
);

/** `POST /sso/token`. */
export const SsoTokenBody = Type.Object({ code: Type.String({ minLength: 20, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });

/** Who the IdP said the person is. `raw_attributes` are the IdP's claims or attributes. */
export const SsoProfileSchema = Type.Object({
  connection_id: Uuid,
  connection_type: Type.Union([Type.Literal('oidc'), Type.Literal('saml')]),
  organization_id: Uuid,
  idp_id: Type.String(),
  email: Type.String(),
  first_name: Type.Union([Type.String(), Type.Null()]),
  last_name: Type.Union([Type.String(), Type.Null()]),
  raw_attributes: Type.Record(Type.String(), Type.Unknown()),
});
export type SsoProfile = Static<typeof SsoProfileSchema>;

/**
 * `POST /sso/token`: the tokens of a new session (as `/auth/login`), scoped to the connection's
 * organization, plus the SSO profile.
 */
export const SsoTokenResponse = Type.Object({ ...TokenResponse.properties, sso_profile: SsoProfileSchema }, { title: 'SsoTokenResponse' });
export type SsoTokenResponse = Static<typeof SsoTokenResponse>;

// SQL of SSO: connections (tenant-owned: every query takes the organization id, except the public
// SP endpoints' look-up by connection id, which answers only what a login needs), login states,
// codes, the SAML replay cache and IdP identities.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.js';

export interface ConnectionRow {
  id: string;
  organization_id: string;
  type: 'oidc' | 'saml';
  name: string;
  enabled: boolean;
  default_role_id: string | null;
  allow_idp_initiated: boolean;
  allow_sha1: boolean;
  oidc_issuer: string | null;
  oidc_client_id: string | null;
  oidc_client_secret_enc: string | null;
  oidc_scopes: string | null;
  saml_idp_entity_id: string | null;
  saml_idp_sso_url: string | null;
  saml_idp_certificates: string[] | null;
  saml_idp_metadata_url: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export type ConnectionFields = Omit<ConnectionRow, 'created_at' | 'updated_at'>;

const COLUMNS = sql`id, organization_id, type, name, enabled, default_role_id, allow_idp_initiated, allow_sha1, oidc_issuer, oidc_client_id,
  oidc_client_secret_enc, oidc_scopes, saml_idp_entity_id, saml_idp_sso_url, saml_idp_certificates, saml_idp_metadata_url, created_at, updated_at`;

/** A text[] parameter (drizzle would spread a JS array into a list of parameters). */
const textArray = (values: string[] | null) => (values ? sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))` : sql`null`);

export async function insertConnection(ex: Executor, c: ConnectionFields): Promise<ConnectionRow> {
  const rows = await queryRows<ConnectionRow>(ex, sql`
    insert into sso_connections (id, organization_id, type, name, enabled, default_role_id, allow_idp_initiated, allow_sha1, oidc_issuer, oidc_client_id,
      oidc_client_secret_enc, oidc_scopes, saml_idp_entity_id, saml_idp_sso_url, saml_idp_certificates, saml_idp_metadata_url)
    values (${c.id}, ${c.organization_id}, ${c.type}, ${c.name}, ${c.enabled}, ${c.default_role_id}, ${c.allow_idp_initiated}, ${c.allow_sha1}, ${c.oidc_issuer},
      ${c.oidc_client_id}, ${c.oidc_client_secret_enc}, ${c.oidc_scopes}, ${c.saml_idp_entity_id}, ${c.saml_idp_sso_url},
      ${textArray(c.saml_idp_certificates)}, ${c.saml_idp_metadata_url})
    returning ${COLUMNS}`);
  return rows[0]!;
}

export async function updateConnection(ex: Executor, organizationId: string, c: ConnectionFields): Promise<ConnectionRow | null> {
  const rows = await queryRows<ConnectionRow>(ex, sql`
    update sso_connections set name = ${c.name}, enabled = ${c.enabled}, default_role_id = ${c.default_role_id}, allow_idp_initiated = ${c.allow_idp_initiated},
      allow_sha1 = ${c.allow_sha1}, oidc_issuer = ${c.oidc_issuer}, oidc_client_id = ${c.oidc_client_id}, oidc_client_secret_enc = ${c.oidc_client_secret_enc},
      oidc_scopes = ${c.oidc_scopes}, saml_idp_entity_id = ${c.saml_idp_entity_id}, saml_idp_sso_url = ${c.saml_idp_sso_url},
      saml_idp_certificates = ${textArray(c.saml_idp_certificates)},
      saml_idp_metadata_url = ${c.saml_idp_metadata_url}, updated_at = now()
     where organization_id = ${organizationId} and id = ${c.id}
    returning ${COLUMNS}`);
  return rows[0] ?? null;
}

export async function listConnections(ex: Executor, organizationId: string): Promise<ConnectionRow[]> {
  return queryRows<ConnectionRow>(ex, sql`select ${COLUMNS} from sso_connections where organization_id = ${organizationId} order by id limit 200`);
}

export async function findConnection(ex: Executor, organizationId: string, id: string): Promise<ConnectionRow | null> {
  const rows = await queryRows<ConnectionRow>(ex, sql`select ${COLUMNS} from sso_connections where organization_id = ${organizationId} and id = ${id}`);
  return rows[0] ?? null;
}

export async function deleteConnection(ex: Executor, organizationId: string, id: string): Promise<ConnectionRow | null> {
  const rows = await queryRows<ConnectionRow>(ex, sql`delete from sso_connections where organization_id = ${organizationId} and id = ${id} returning ${COLUMNS}`);
  return rows[0] ?? null;
}

/**
 * The public SP endpoints (ACS, callback, metadata, authorize by connection id) know only the
 * connection id: the row comes with its organization id, which every later query of the login uses.
 * A deleted organization's connections do not exist.
 */
export async function findConnectionForLogin(ex: Executor, id: string): Promise<ConnectionRow | null> {
  const rows = await queryRows<ConnectionRow>(ex, sql`
    select ${COLUMNS} from sso_connections c
     where c.id = ${id} and exists (select 1 from organizations o where o.id = c.organization_id and o.deleted_at is null)`);
  return rows[0] ?? null;
}

/** The organization's oldest enabled connection (for logins started with an organization, a domain or an email). */
export async function firstEnabledConnection(ex: Executor, organizationId: string): Promise<ConnectionRow | null> {
  const rows = await queryRows<ConnectionRow>(ex, sql`
    select ${COLUMNS} from sso_connections c
     where c.organization_id = ${organizationId} and c.enabled
       and exists (select 1 from organizations o where o.id = c.organization_id and o.deleted_at is null)
     order by c.id limit 1`);
  return rows[0] ?? null;
}

/** The organization's system Member role: what JIT grants when the connection names no role. */
export async function memberRoleId(ex: Executor, organizationId: string): Promise<string | null> {
  const rows = await queryRows<{ id: string }>(ex, sql`select id from roles where organization_id = ${organizationId} and is_system and name = 'Member'`);
  return rows[0]?.id ?? null;
}

export interface StateRow {
  id: string;
  organization_id: string;
  connection_id: string;
  redirect_uri: string;
  client_state: string | null;
  code_verifier_enc: string | null;
  nonce: string | null;
  saml_request_id: string | null;
  created_at: Date | string;
}

export async function insertState(ex: Executor, s: Omit<StateRow, 'created_at'> & { state_hash: string; expires_at: Date }): Promise<void> {
  // expired rows of any login go as new ones come (an index range on expires_at)
  await ex.execute(sql`delete from sso_login_states where id in (select id from sso_login_states where expires_at < now() - interval '10 minutes' limit 100)`);
  await ex.execute(sql`
    insert into sso_login_states (id, state_hash, organization_id, connection_id, redirect_uri, client_state, code_verifier_enc, nonce, saml_request_id, expires_at)
    values (${s.id}, ${s.state_hash}, ${s.organization_id}, ${s.connection_id}, ${s.redirect_uri}, ${s.client_state}, ${s.code_verifier_enc}, ${s.nonce},
      ${s.saml_request_id}, ${s.expires_at})`);
}

/** Uses the state once: the row comes back only to the first caller, only while unexpired. */
export async function consumeState(ex: Executor, organizationId: string, connectionId: string, stateHash: string): Promise<StateRow | null> {
  const rows = await queryRows<StateRow>(ex, sql`
    update sso_login_states set used_at = now()
     where state_hash = ${stateHash} and organization_id = ${organizationId} and connection_id = ${connectionId} and used_at is null and expires_at > now()
    returning id, organization_id, connection_id, redirect_uri, client_state, code_verifier_enc, nonce, saml_request_id, created_at`);
  return rows[0] ?? null;
}

export async function insertCode(ex: Executor, c: { code_hash: string; organization_id: string; connection_id: string; user_id: string; profile_enc: string; expires_at: Date }): Promise<void> {
  await ex.execute(sql`delete from sso_codes where code_hash in (select code_hash from sso_codes where expires_at < now() - interval '10 minutes' limit 100)`);
  await ex.execute(sql`
    insert into sso_codes (code_hash, organization_id, connection_id, user_id, profile_enc, expires_at)
    values (${c.code_hash}, ${c.organization_id}, ${c.connection_id}, ${c.user_id}, ${c.profile_enc}, ${c.expires_at})`);
}

/** Redeems a code once: concurrent redemptions serialise on the row and only the first gets it back. */
export async function consumeCode(ex: Executor, codeHash: string): Promise<{ code_hash: string; organization_id: string; connection_id: string; user_id: string; profile_enc: string } | null> {
  const rows = await queryRows<{ code_hash: string; organization_id: string; connection_id: string; user_id: string; profile_enc: string }>(ex, sql`
    update sso_codes set used_at = now() where code_hash = ${codeHash} and used_at is null and expires_at > now()
    returning code_hash, organization_id, connection_id, user_id, profile_enc`);
  return rows[0] ?? null;
}

/** Records an accepted assertion ID; false when this connection accepted it before (a replay). */
export async function rememberAssertion(ex: Executor, connectionId: string, assertionId: string, expiresAt: Date): Promise<boolean> {
  await ex.execute(sql`delete from sso_saml_assertions where connection_id = ${connectionId} and expires_at < now() - interval '10 minutes'`);
  const rows = await queryRows<{ assertion_id: string }>(ex, sql`
    insert into sso_saml_assertions (connection_id, assertion_id, expires_at) values (${connectionId}, ${assertionId}, ${expiresAt})
    on conflict do nothing returning assertion_id`);
  return rows.length === 1;
}

export async function findIdentity(ex: Executor, organizationId: string, connectionId: string, subject: string): Promise<string | null> {
  const rows = await queryRows<{ user_id: string }>(ex, sql`
    select user_id from sso_identities where organization_id = ${organizationId} and connection_id = ${connectionId} and idp_subject = ${subject}`);
  return rows[0]?.user_id ?? null;
}

export async function insertIdentity(ex: Executor, i: { organization_id: string; connection_id: string; idp_subject: string; user_id: string }): Promise<void> {
  await ex.execute(sql`
    insert into sso_identities (organization_id, connection_id, idp_subject, user_id) values (${i.organization_id}, ${i.connection_id}, ${i.idp_subject}, ${i.user_id})
    on conflict do nothing`);
}

/** Whether an organization requires SSO of its verified domains' members (settings.sso_required). */
export async function organizationRequiresSso(ex: Executor, organizationId: string): Promise<boolean> {
  const rows = await queryRows<{ required: boolean }>(ex, sql`select coalesce((settings->>'sso_required')::boolean, false) as required from organizations where id = ${organizationId} and deleted_at is null`);
  return rows[0]?.required ?? false;
}

/** The organization's own SSO redirect allow-list (settings.sso_redirect_uris), beside the instance's. */
export async function organizationRedirectUris(ex: Executor, organizationId: string): Promise<string[]> {
  const rows = await queryRows<{ uris: unknown }>(ex, sql`select settings->'sso_redirect_uris' as uris from organizations where id = ${organizationId} and deleted_at is null`);
  const uris = rows[0]?.uris;
  return Array.isArray(uris) ? uris.filter((u): u is string => typeof u === 'string') : [];
}

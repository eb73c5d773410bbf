import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { alreadyAdded, claimedElsewhere } from './errors.js';

export interface DomainRow {
  id: string;
  organization_id: string;
  domain: string;
  verification_token: string;
  verified_at: Date | string | null;
  created_at: Date | string;
}

const COLUMNS = sql`id, organization_id, domain, verification_token, verified_at, created_at`;

export async function insert(ex: Executor, row: { id: string; organization_id: string; domain: string; verification_token: string }): Promise<DomainRow> {
  const rows = await queryRows<DomainRow>(ex, sql`
    insert into organization_domains (id, organization_id, domain, verification_token)
    values (${row.id}, ${row.organization_id}, ${row.domain}, ${row.verification_token})
    on conflict (organization_id, domain) do nothing
    returning ${COLUMNS}`);
  if (rows[0]) return rows[0];
  const existing = await findByDomain(ex, row.organization_id, row.domain);
  throw alreadyAdded(existing?.id ?? '');
}

export async function list(ex: Executor, organizationId: string): Promise<DomainRow[]> {
  return queryRows<DomainRow>(ex, sql`select ${COLUMNS} from organization_domains where organization_id = ${organizationId} order by domain limit 500`);
}

export async function findById(ex: Executor, organizationId: string, id: string): Promise<DomainRow | null> {
  const rows = await queryRows<DomainRow>(ex, sql`select ${COLUMNS} from organization_domains where organization_id = ${organizationId} and id = ${id}`);
  return rows[0] ?? null;
}

async function findByDomain(ex: Executor, organizationId: string, domain: string): Promise<DomainRow | null> {
  const rows = await queryRows<DomainRow>(ex, sql`select ${COLUMNS} from organization_domains where organization_id = ${organizationId} and domain = ${domain}`);
  return rows[0] ?? null;
}

/**
 * Marks the domain verified. The partial unique index on verified domains decides a race between
 * two organizations: the loser gets `domain.claimed`, never a second verified row.
 */
export async function markVerified(ex: Executor, organizationId: string, id: string): Promise<DomainRow | null> {
  try {
    const rows = await queryRows<DomainRow>(ex, sql`
      update organization_domains set verified_at = coalesce(verified_at, now()), updated_at = now()
       where organization_id = ${organizationId} and id = ${id}
      returning ${COLUMNS}`);
    return rows[0] ?? null;
  } catch (err) {
    if (isUniqueViolation(err, 'organization_domains_verified_key')) throw claimedElsewhere();
    throw err;
  }
}

export async function delete_(ex: Executor, organizationId: string, id: string): Promise<DomainRow | null> {
  const rows = await queryRows<DomainRow>(ex, sql`delete from organization_domains where organization_id = ${organizationId} and id = ${id} returning ${COLUMNS}`);
  return rows[0] ?? null;
}
export { delete_ as delete };

/** Whether another live organization has verified this domain. */
export async function verifiedElsewhere(ex: Executor, organizationId: string, domain: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(ex, sql`
    select 1 as one from organization_domains d join organizations o on o.id = d.organization_id and o.deleted_at is null
     where d.domain = ${domain} and d.verified_at is not null and d.organization_id <> ${organizationId}`);
  return rows.length > 0;
}

/** Deletes every domain of the organization (it is being deleted); answers their names. */
export async function deleteAllOf(ex: Executor, organizationId: string): Promise<string[]> {
  const rows = await queryRows<{ domain: string }>(ex, sql`delete from organization_domains where organization_id = ${organizationId} returning domain`);
  return rows.map((r) => r.domain).sort();
}

/**
 * Deletes the verification a deleted organization still holds on the domain (one deleted before its
 * domains went with it): the partial unique index would otherwise keep the domain from anyone else.
 */
export async function releaseFromDeletedOrganizations(ex: Executor, domain: string): Promise<void> {
  await ex.execute(sql`
    delete from organization_domains d using organizations o
     where d.domain = ${domain} and d.verified_at is not null and o.id = d.organization_id and o.deleted_at is not null`);
}

/** The organization that verified the domain, if any: one probe of the partial unique index. */
export async function findVerifiedOwner(ex: Executor, domain: string): Promise<{ organization_id: string; id: string } | null> {
  const rows = await queryRows<{ organization_id: string; id: string }>(ex, sql`
    select d.organization_id, d.id from organization_domains d join organizations o on o.id = d.organization_id and o.deleted_at is null
     where d.domain = ${domain} and d.verified_at is not null`);
  return rows[0] ?? null;
}

export interface SsoEnforcementRow {
  organization_id: string;
  is_owner: boolean;
}

/**
 * The organization that verified the email's domain, requires SSO (settings.sso_required), has an
 * enabled connection and counts the user as an active member — or nothing. Index probes only.
 * `userId` is a uuid expression: a parameter, or a column of the query this sits in (login's read).
 */
export function ssoEnforcementSql(domain: string, userId: SQL): SQL {
  return sql`
    select d.organization_id, (r.is_system and r.name = 'Owner') as is_owner
      from organization_domains d
      join organizations o on o.id = d.organization_id and o.deleted_at is null
      join memberships m on m.organization_id = d.organization_id and m.user_id = ${userId} and m.status = 'active'
      join roles r on r.id = m.role_id and r.organization_id = m.organization_id
     where d.domain = ${domain} and d.verified_at is not null
       and coalesce((o.settings->>'sso_required')::boolean, false)
       and exists (select 1 from sso_connections c where c.organization_id = d.organization_id and c.enabled)
     limit 1`;
}

/** Whether the live organization enforces SSO: sso_required is on and a connection is enabled (ssoEnforcementSql's organization half). */
export async function ssoEnforced(ex: Executor, organizationId: string): Promise<boolean> {
  const rows = await queryRows<{ enforced: boolean }>(ex, sql`
    select coalesce((o.settings->>'sso_required')::boolean, false)
           and exists (select 1 from sso_connections c where c.organization_id = o.id and c.enabled) as enforced
      from organizations o where o.id = ${organizationId} and o.deleted_at is null`);
  return rows[0]?.enforced ?? false;
}

/**
 * SSO enforcement began: ends the password-based sessions (method other than `sso`) of the
 * organization's active members whose email is at one of its verified domains, Owners excepted
 * (their break-glass), while it has an enabled connection — exactly whom the login refuses. One
 * statement; answers the sessions ended and their users.
 */
export async function endPasswordSessionsForSso(ex: Executor, organizationId: string): Promise<{ sessions: number; users: number }> {
  const rows = await queryRows<{ user_id: string }>(ex, sql`
    update sessions s set revoked_at = now(), revoked_reason = 'sso_required'
      from memberships m
      join roles r on r.id = m.role_id and r.organization_id = m.organization_id
      join users u on u.id = m.user_id
     where m.organization_id = ${organizationId} and m.status = 'active' and not (r.is_system and r.name = 'Owner')
       and s.user_id = m.user_id and s.revoked_at is null and s.method <> 'sso'
       and exists (select 1 from organization_domains d
                    where d.organization_id = ${organizationId} and d.verified_at is not null and d.domain = substring(u.email from '@([^@]+)$'))
       and exists (select 1 from sso_connections c where c.organization_id = ${organizationId} and c.enabled)
    returning s.user_id`);
  return { sessions: rows.length, users: new Set(rows.map((r) => r.user_id)).size };
}

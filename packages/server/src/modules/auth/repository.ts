// The one statement a password login reads with before the password is checked: the account,
// whether its second factor is on, whether an organization requires SSO of it (the login's audit
// row is then written with its session in one more statement: service.ts, finishPasswordLogin).
// And the statement that spends the mfa_token of /auth/login/2fa, reading SSO enforcement again as
// that login completes. The parts come from their modules.
import { sql } from 'drizzle-orm';
import { preparedRows, queryRows, type Executor } from '../../db/client.js';
import { ssoEnforcementSubquery, type SsoEnforcementRow } from '../domains/service.js';
import type { UserRow } from '../users/service.js';

export interface LoginStanding {
  user: UserRow;
  twoFactorEnabled: boolean;
  /** the organization that requires SSO of this account, if any (domains.ssoEnforcementSubquery) */
  ssoEnforcement: SsoEnforcementRow | null;
}

type StandingRow = UserRow & { two_factor_enabled: boolean; sso_organization_id: string | null; sso_is_owner: boolean | null };

export async function findLoginStanding(ex: Executor, email: string): Promise<LoginStanding | null> {
  const [row] = await preparedRows<StandingRow>(ex, 'login_standing_v2', sql`
    select u.*, (f.enabled_at is not null) as two_factor_enabled,
           sso.organization_id as sso_organization_id, sso.is_owner as sso_is_owner
      from users u
      left join user_mfa f on f.user_id = u.id
      left join lateral (${ssoEnforcementSubquery(email, sql`u.id`)}) as sso on true
     where u.email = ${email}
     limit 1`);
  if (!row) return null;
  const { two_factor_enabled, sso_organization_id, sso_is_owner, ...user } = row;
  return {
    user: user as UserRow,
    twoFactorEnabled: Boolean(two_factor_enabled),
    ssoEnforcement: sso_organization_id ? { organization_id: sso_organization_id, is_owner: Boolean(sso_is_owner) } : null,
  };
}

/**
 * Spends the challenge (an mfa_token works once, within its lifetime) and reads, in the same
 * statement, which organization requires SSO of its account now: the login completes in this
 * transaction, so its break-glass (or refusal) is decided as it completes, not when the password was
 * checked. Null when the challenge was already used or has expired.
 */
export async function consumeChallenge(ex: Executor, challengeId: string, email: string): Promise<{ ssoEnforcement: SsoEnforcementRow | null } | null> {
  const [row] = await queryRows<{ sso_organization_id: string | null; sso_is_owner: boolean | null }>(ex, sql`
    with spent as (
      update mfa_challenges set used_at = now()
       where id = ${challengeId} and used_at is null and expires_at > now()
      returning user_id)
    select sso.organization_id as sso_organization_id, sso.is_owner as sso_is_owner
      from spent
      left join lateral (${ssoEnforcementSubquery(email, sql`spent.user_id`)}) as sso on true`);
  if (!row) return null;
  return { ssoEnforcement: row.sso_organization_id ? { organization_id: row.sso_organization_id, is_owner: Boolean(row.sso_is_owner) } : null };
}

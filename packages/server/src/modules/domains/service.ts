// Verified domains. Rules: a domain is lower-cased and stripped of a trailing dot; public email
// providers cannot be claimed; several organizations may add a domain, but only one can have it
// verified (a partial unique index decides races), and a deleted organization's domains go with it; verification reads a TXT record at
// `_saasready-verification.<domain>` through the configured resolver (DNS_SERVERS); every change
// and its audit row share one transaction. SSO linking and enforcement ask `verifiedOwner`; a domain
// verified while its organization enforces SSO ends its members' password sessions at once.
import { Resolver } from 'node:dns/promises';
import type { Domain } from '@saasready/contracts';
import type { SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { randomToken } from '../../lib/crypto.js';
import { newId } from '../../lib/ids.js';
import type { RequestContext } from '../../lib/request-context.js';
import { iso } from '../../lib/time.js';
import type { OrgAccess } from '../../types.js';
import { recordAudit } from '../audit-logs/service.js';
import * as memberships from '../memberships/service.js';
import { claimedElsewhere, domainNotFound, invalidDomain, publicProvider, verificationFailed } from './errors.js';
import { PUBLIC_EMAIL_DOMAINS } from './public-providers.js';
import * as repository from './repository.js';

export const VERIFICATION_PREFIX = '_saasready-verification';
const TXT_VALUE_PREFIX = 'saasready-verification=';

/** `Acme.COM.` → `acme.com`. */
export function normalizeDomain(raw: string): string {
  return raw.trim().toLowerCase().replace(/\.$/, '');
}

/** The domain part of an email address, normalised. */
export const domainOfEmail = (email: string): string => normalizeDomain(email.slice(email.lastIndexOf('@') + 1));

export function toDomain(row: repository.DomainRow): Domain {
  return {
    id: row.id,
    organization_id: row.organization_id,
    domain: row.domain,
    status: row.verified_at ? 'verified' : 'pending',
    verified_at: row.verified_at ? iso(row.verified_at) : null,
    verification: { type: 'TXT', name: `${VERIFICATION_PREFIX}.${row.domain}`, value: `${TXT_VALUE_PREFIX}${row.verification_token}` },
    created_at: iso(row.created_at),
  };
}

/** The organization that verified the domain (one index probe), or null. */
export async function verifiedOwner(ex: Executor, domain: string): Promise<string | null> {
  return (await repository.findVerifiedOwner(ex, normalizeDomain(domain)))?.organization_id ?? null;
}

/** Whether `organizationId` has verified the domain of `email`. */
export async function emailDomainVerifiedBy(ex: Executor, organizationId: string, email: string): Promise<boolean> {
  return (await verifiedOwner(ex, domainOfEmail(email))) === organizationId;
}

/**
 * The organization is being deleted: its domains go with it, in its transaction, so they stop
 * counting (SSO, SCIM, enforcement) and another organization can claim them. Answers their names.
 */
export const releaseAllOf = (tx: Executor, organizationId: string): Promise<string[]> => repository.deleteAllOf(tx, organizationId);

/** Whether the organization enforces SSO now: sso_required is on and a connection is enabled. */
export const ssoEnforced = (ex: Executor, organizationId: string): Promise<boolean> => repository.ssoEnforced(ex, organizationId);

/**
 * SSO enforcement reached people it did not govern a moment before — sso_required switched on, the
 * first connection enabled, or a domain verified, whichever of the three came last: their password
 * sessions end now, as the login refuses their passwords from now on, audited
 * `sso.required.sessions_ended` whichever it was. The caller holds the organization's row lock (the
 * three changes take it), so two of them committing together cannot each miss the other.
 */
export async function endPasswordSessionsForSso(tx: Executor, ctx: RequestContext, organizationId: string): Promise<void> {
  const ended = await repository.endPasswordSessionsForSso(tx, organizationId);
  await recordAudit(tx, ctx, { action: 'sso.required.sessions_ended', organizationId, targetType: 'organization', targetId: organizationId, metadata: ended });
}

/**
 * Whether a password login of this user must go through SSO instead: their email's domain is
 * verified by an organization that requires SSO, has an enabled connection, and counts them as an
 * active member (`is_owner` lets the caller offer the Owners' break-glass login). A subquery of the
 * login's read of the account (one statement): `userId` is that query's user id column; at most one
 * row, SsoEnforcementRow.
 */
export const ssoEnforcementSubquery = (email: string, userId: SQL): SQL => repository.ssoEnforcementSql(domainOfEmail(email), userId);
export type { SsoEnforcementRow } from './repository.js';

export class DomainsService {
  private readonly resolver: Resolver;

  constructor(private readonly db: Database, dnsServers: string[]) {
    this.resolver = new Resolver({ timeout: 3_000, tries: 2 });
    if (dnsServers.length) this.resolver.setServers(dnsServers);
  }

  async add(ctx: RequestContext, access: OrgAccess, rawDomain: string): Promise<Domain> {
    const domain = normalizeDomain(rawDomain);
    if (!domain.includes('.') || domain.length > 253) throw invalidDomain('A domain needs at least two labels, such as acme.com.');
    if (PUBLIC_EMAIL_DOMAINS.has(domain)) throw publicProvider(domain);
    return this.db.transaction(async (tx) => {
      const row = await repository.insert(tx, { id: newId(), organization_id: access.organizationId, domain, verification_token: randomToken(24) });
      await recordAudit(tx, ctx, { action: 'domain.added', organizationId: access.organizationId, targetType: 'domain', targetId: row.id, metadata: { domain } });
      return toDomain(row);
    });
  }

  async list(access: OrgAccess): Promise<Domain[]> {
    return (await repository.list(this.db, access.organizationId)).map(toDomain);
  }

  async get(access: OrgAccess, id: string): Promise<Domain> {
    const row = await repository.findById(this.db, access.organizationId, id);
    if (!row) throw domainNotFound();
    return toDomain(row);
  }

  /**
   * Looks the TXT record up and, when it holds the value, marks the domain verified. A failed
   * look-up is audited (`domain.verification_failed`) and answered 422.
   */
  async verify(ctx: RequestContext, access: OrgAccess, id: string): Promise<Domain> {
    const row = await repository.findById(this.db, access.organizationId, id);
    if (!row) throw domainNotFound();
    if (row.verified_at) return toDomain(row);
    if (await repository.verifiedElsewhere(this.db, access.organizationId, row.domain)) throw claimedElsewhere();
    const name = `${VERIFICATION_PREFIX}.${row.domain}`;
    if (!(await this.txtHolds(name, `${TXT_VALUE_PREFIX}${row.verification_token}`))) {
      await recordAudit(this.db, ctx, { action: 'domain.verification_failed', organizationId: access.organizationId, targetType: 'domain', targetId: row.id, metadata: { domain: row.domain } });
      throw verificationFailed(name);
    }
    return this.db.transaction(async (tx) => {
      await memberships.lockOrganization(tx, access.organizationId);
      await repository.releaseFromDeletedOrganizations(tx, row.domain);
      const verified = await repository.markVerified(tx, access.organizationId, id);
      if (!verified) throw domainNotFound();
      await recordAudit(tx, ctx, { action: 'domain.verified', organizationId: access.organizationId, targetType: 'domain', targetId: id, metadata: { domain: row.domain } });
      // the domain's members are governed from now on when the organization already enforces SSO
      if (await repository.ssoEnforced(tx, access.organizationId)) await endPasswordSessionsForSso(tx, ctx, access.organizationId);
      return toDomain(verified);
    });
  }

  async remove(ctx: RequestContext, access: OrgAccess, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await repository.delete(tx, access.organizationId, id);
      if (!row) throw domainNotFound();
      await recordAudit(tx, ctx, { action: 'domain.removed', organizationId: access.organizationId, targetType: 'domain', targetId: id, metadata: { domain: row.domain, was_verified: Boolean(row.verified_at) } });
    });
  }

  /** Step: any TXT record at `name` whose (joined) strings equal `expected`; no answer, NXDOMAIN or a timeout is "no". */
  private async txtHolds(name: string, expected: string): Promise<boolean> {
    try {
      const records = await this.resolver.resolveTxt(name);
      return records.some((chunks) => chunks.join('').trim() === expected);
    } catch {
      return false;
    }
  }
}

// Invitations. Rules: the inviter may only offer a role they could grant (no escalation, Owner only
// by Owners); one pending invitation per email and organization; the token is 256-bit, single use,
// stored as SHA-256 and expires after INVITATION_TTL; resending mints a new token and kills the old;
// only the invited email may accept, and concurrent acceptances yield one membership; an invitation
// is refused at acceptance (and revoked, audited `user.invite.refused`) when its inviter could no
// longer grant its role — no longer an active member, account disabled, or the role now holds
// something the inviter lacks. Every change, its audit row and its email share one transaction (or one statement).
// The inviter gets the emailed link back as `accept_url` on create and resend (never logged,
// audited or stored for an idempotent replay); the list cannot show it (tokens are stored hashed).
import type { AcceptInvitationResponse, CreatedInvitation, Invitation, InvitationPreview, InviteBody } from '@saasready/contracts';
import type { Static } from 'typebox';
import type { SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { newId } from '../../lib/ids.js';
import type { RequestContext } from '../../lib/request-context.js';
import { iso } from '../../lib/time.js';
import type { OrgAccess, UserPrincipal } from '../../types.js';
import { prepareStatementAppend, recordAudit, type AuditEvent, type StatementAppend } from '../audit-logs/service.js';
import { normalizeEmail } from '../../lib/email.js';
import { invitationAcceptUrl, invitationEmail, type Branding, type Mailer } from '../mail/service.js';
import { roleNotFound } from '../memberships/errors.js';
import * as memberships from '../memberships/service.js';
import { assertCanGrant } from '../memberships/rules.js';
import * as organizations from '../organizations/service.js';
import * as roles from '../roles/service.js';
import * as users from '../users/service.js';
import { AppError } from '../../lib/errors.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import { alreadyMember, emailMismatch, invitationGone, invitationNotFound, inviterLacksAuthority, notPending } from './errors.js';
import * as repository from './repository.js';

/** invitations (organization_id, role_id) → roles: the role must exist in the invitation's organization */
const ROLE_FOREIGN_KEY = 'invitations_organization_id_role_id_roles_organization_id_id_fk';

interface InvitationEmailData {
  email: string;
  roleName: string;
  token: string;
  expiresAt: Date;
}

export interface InvitationDeps {
  db: Database;
  mailer: Mailer;
  brand: Branding;
  invitationTtl: number;
  /** called after a transaction that enqueued mail has committed */
  mailEnqueued: () => void;
}

const isExpired = (row: { expires_at: Date | string }) => new Date(row.expires_at).getTime() <= Date.now();

export function toInvitation(row: repository.InvitationRow): Invitation {
  return {
    id: row.id,
    organization_id: row.organization_id,
    email: row.email,
    full_name: row.full_name,
    role_id: row.role_id,
    role_name: row.role_name,
    status: row.status === 'pending' && isExpired(row) ? 'expired' : row.status,
    invited_by: row.invited_by,
    expires_at: iso(row.expires_at),
    created_at: iso(row.created_at),
  };
}

export class InvitationsService {
  constructor(private readonly deps: InvitationDeps) {}

  /**
   * One statement when it can: not a member yet, the invitation, its email and its audit row (the
   * organization's chain head locked after the invitation is written). Webhooks listening for the
   * event, or a chain without its head row yet: one transaction, the audit row written at its commit.
   */
  async invite(ctx: RequestContext, access: OrgAccess, inviter: UserPrincipal, body: InviteBody): Promise<CreatedInvitation> {
    const db = this.deps.db;
    const email = normalizeEmail(body.email);
    const role = roles.systemRoleFacts(body.role_id) ?? (await roles.findById(db, access.organizationId, body.role_id));
    if (!role) throw roleNotFound();
    assertCanGrant(access, role);
    const token = randomToken();
    const expiresAt = new Date(Date.now() + this.deps.invitationTtl * 1000);
    const row = {
      id: newId(), organization_id: access.organizationId, email, full_name: body.full_name ?? null, role_id: role.id,
      invited_by: inviter.userId, token_hash: sha256(token), expires_at: expiresAt,
    };
    const event: AuditEvent = {
      action: 'user.invite.sent', organizationId: access.organizationId, targetType: 'invitation', targetId: row.id,
      metadata: { invited_email: email, role_id: role.id, role: role.name, inviter_id: inviter.userId },
    };
    const enqueueEmail = await this.invitationEmail(db, access, inviter, { email, roleName: role.name, token, expiresAt });
    const insert = (ex: Executor, audit?: (inserted: SQL) => StatementAppend) =>
      repository.insert(ex, row, { alreadyMember: memberships.memberWithEmailExists(access.organizationId, email), along: (inserted) => [enqueueEmail(inserted)], audit })
        .catch((err: unknown) => {
          // a custom role deleted by a transaction that committed after we read it: gone, as if never found
          if (isForeignKeyViolation(err, ROLE_FOREIGN_KEY)) throw roleNotFound();
          throw err;
        });
    const audit = await prepareStatementAppend(db, ctx, event);
    const inserted = (audit && (await insert(db, audit))) || (await db.transaction(async (tx) => {
      const written = (await insert(tx))!;
      await recordAudit(tx, ctx, event);
      return written;
    }));
    this.deps.mailEnqueued();
    return { ...toInvitation({ ...inserted, role_name: role.name }), accept_url: invitationAcceptUrl(this.deps.brand, token) };
  }

  async list(access: OrgAccess, status?: string): Promise<Invitation[]> {
    return (await repository.list(this.deps.db, access.organizationId, status)).map(toInvitation);
  }

  async resend(ctx: RequestContext, access: OrgAccess, inviter: UserPrincipal, id: string): Promise<CreatedInvitation> {
    const { invitation, token } = await this.deps.db.transaction(async (tx) => {
      const row = await repository.findById(tx, access.organizationId, id);
      if (!row) throw invitationNotFound();
      if (row.status !== 'pending') throw notPending();
      const token = randomToken();
      const expiresAt = new Date(Date.now() + this.deps.invitationTtl * 1000);
      await repository.replaceToken(tx, access.organizationId, id, sha256(token), expiresAt);
      await this.sendInvitationEmail(tx, access, inviter, { email: row.email, roleName: row.role_name, token, expiresAt });
      await recordAudit(tx, ctx, { action: 'user.invite.resent', organizationId: access.organizationId, targetType: 'invitation', targetId: id, metadata: { invited_email: row.email } });
      return { invitation: (await repository.findById(tx, access.organizationId, id))!, token };
    });
    this.deps.mailEnqueued();
    return { ...toInvitation(invitation), accept_url: invitationAcceptUrl(this.deps.brand, token) };
  }

  async revoke(ctx: RequestContext, access: OrgAccess, id: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const row = await repository.findById(tx, access.organizationId, id);
      if (!row) throw invitationNotFound();
      if (!(await repository.revoke(tx, access.organizationId, id))) throw notPending();
      await recordAudit(tx, ctx, { action: 'user.invite.revoked', organizationId: access.organizationId, targetType: 'invitation', targetId: id, metadata: { invited_email: row.email } });
    });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const row = await this.loadUsable(this.deps.db, token);
    return { organization_name: row.organization_name, inviter_name: row.inviter_name, role_name: row.role_name, email: row.email, expires_at: iso(row.expires_at) };
  }

  /** A logged-in user accepts an invitation sent to their own email. */
  async accept(ctx: RequestContext, principal: UserPrincipal, token: string): Promise<Static<typeof AcceptInvitationResponse>> {
    let loaded: repository.InvitationWithContext | null = null;
    const result = await this.deps.db
      .transaction(async (tx) => {
        const invitation = (loaded = await this.loadUsable(tx, token));
        if (normalizeEmail(principal.email) !== invitation.email) throw emailMismatch();
        const membershipId = await this.join(tx, ctx, invitation, { userId: principal.userId, email: principal.email });
        await users.markEmailVerified(tx, principal.userId);
        return { invitation, membershipId };
      })
      .catch(async (err: unknown) => {
        if (err instanceof AppError && err.code === 'invitation.inviter_lacks_authority' && loaded) await this.refuse(ctx, { userId: principal.userId, email: principal.email }, loaded, err);
        throw err;
      });
    const { invitation, membershipId } = result;
    return { organization: { id: invitation.organization_id, name: invitation.organization_name, slug: invitation.organization_slug }, membership_id: membershipId, role_name: invitation.role_name };
  }

  /** Step: the token names a pending, unexpired invitation of a live organization. */
  async loadUsable(ex: Executor, token: string): Promise<repository.InvitationWithContext> {
    const row = await repository.findByTokenHash(ex, sha256(token));
    if (!row || row.organization_deleted) throw invitationNotFound();
    if (row.status === 'accepted' || row.status === 'revoked') throw invitationGone(row.status);
    if (isExpired(row)) throw invitationGone('expired');
    return row;
  }

  /**
   * Step: the inviter could still grant the invited role now — an active member with an active
   * account whose role holds every permission of the invited one (Owner only from an Owner). Takes
   * the organization's row lock first (the lock order of memberships/rules.ts), then shares the
   * inviter's membership, so a concurrent removal or demotion is either seen or waits.
   */
  async assertInviterCanStillGrant(tx: Executor, invitation: repository.InvitationWithContext): Promise<void> {
    await memberships.lockOrganization(tx, invitation.organization_id);
    const inviter = invitation.invited_by ? await memberships.findStandingForShare(tx, invitation.organization_id, invitation.invited_by) : null;
    if (!inviter) throw inviterLacksAuthority('inviter_not_member');
    if (inviter.status !== 'active' || !inviter.user_active) throw inviterLacksAuthority('inviter_inactive');
    const held = new Set(inviter.permissions);
    // the invited role as it is now (read under the organization lock that role changes also take)
    const role = await roles.findById(tx, invitation.organization_id, invitation.role_id);
    if (!role) throw invitationGone('revoked');
    if ((invitation.role_is_owner && !inviter.is_owner) || role.permissions.some((p) => !held.has(p))) throw inviterLacksAuthority('role_exceeds_inviter');
  }

  /**
   * A refused acceptance ends the invitation and is audited once (its own transaction: the
   * acceptance's rolled back). `actor` is null when the acceptance was a registration (its account
   * was rolled back with it).
   */
  async refuse(ctx: RequestContext, actor: { userId: string; email: string } | null, invitation: repository.InvitationWithContext, err: AppError): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      if (!(await repository.revoke(tx, invitation.organization_id, invitation.id))) return; // someone else ended it meanwhile
      await recordAudit(tx, ctx, {
        action: 'user.invite.refused', actor, organizationId: invitation.organization_id,
        targetType: 'invitation', targetId: invitation.id,
        metadata: { invited_email: invitation.email, role_id: invitation.role_id, role: invitation.role_name, inviter_id: invitation.invited_by, reason: err.extra.meta?.reason },
      });
    });
  }

  /** Step: flip the invitation to accepted (exactly once) and create the membership with the invited role. */
  async join(tx: Executor, ctx: RequestContext, invitation: repository.InvitationWithContext, user: { userId: string; email: string }): Promise<string> {
    await this.assertInviterCanStillGrant(tx, invitation);
    if (await memberships.findByUser(tx, invitation.organization_id, user.userId)) throw alreadyMember();
    if (!(await repository.markAccepted(tx, invitation.organization_id, invitation.id, user.userId))) throw invitationGone('accepted');
    const membershipId = newId();
    await memberships.insert(tx, { id: membershipId, organization_id: invitation.organization_id, user_id: user.userId, role_id: invitation.role_id, status: 'active' });
    await recordAudit(tx, ctx, {
      action: 'user.invite.accepted', actor: user, organizationId: invitation.organization_id, targetType: 'membership', targetId: membershipId,
      metadata: { invitation_id: invitation.id, role: invitation.role_name },
    });
    return membershipId;
  }

  private async sendInvitationEmail(tx: Executor, access: OrgAccess, inviter: UserPrincipal, data: InvitationEmailData): Promise<void> {
    await this.deps.mailer.enqueue(tx, 'invitation', data.email, await this.renderInvitation(tx, access, inviter, data));
  }

  /** The invitation email as a WITH item of the statement that inserts the invitation (mail/service.ts enqueueWith). */
  private async invitationEmail(tx: Executor, access: OrgAccess, inviter: UserPrincipal, data: InvitationEmailData): Promise<(inserted: SQL) => SQL> {
    return this.deps.mailer.enqueueWith('invitation', data.email, await this.renderInvitation(tx, access, inviter, data));
  }

  private async renderInvitation(tx: Executor, access: OrgAccess, inviter: UserPrincipal, data: InvitationEmailData) {
    // the name the guard read with the inviter's membership (cached, dropped when the organization changes)
    const organizationName = access.organizationName ?? (await organizations.findById(tx, access.organizationId))?.name;
    return invitationEmail(this.deps.brand, {
      inviterName: inviter.user.full_name,
      organizationName: organizationName ?? 'an organization',
      roleName: data.roleName,
      token: data.token,
      expiresAt: data.expiresAt,
    });
  }
}

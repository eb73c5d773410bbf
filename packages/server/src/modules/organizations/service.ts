// Organization lifecycle. Rules: a new organization gets the four system roles and its creator as
// Owner, in the caller's transaction, together with its audit event.
import type { Executor } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import type { RequestContext } from '../../lib/request-context.js';
import { slugify } from '../../lib/slugs.js';
import { recordAudit } from '../audit-logs/service.js';
import * as memberships from '../memberships/repository.js';
import * as roles from '../roles/repository.js';
import * as repository from './repository.js';

export interface NewOrganization {
  name: string;
  /** text the slug is derived from when none is given */
  slugBase: string;
  description?: string | null;
  metadata?: Record<string, unknown>;
}

/** Creates the organization, seeds its system roles and makes `owner` its Owner. */
export async function createOrganizationWithOwner(
  tx: Executor,
  ctx: RequestContext,
  owner: { userId: string; email: string },
  input: NewOrganization,
): Promise<repository.OrganizationRow> {
  const org = await repository.insertWithFreeSlug(
    tx,
    { id: newId(), name: input.name, description: input.description ?? null, metadata: input.metadata ?? {} },
    slugify(input.slugBase),
  );
  const roleIds = await roles.insertSystemRoles(tx, org.id);
  const membershipId = newId();
  await memberships.insert(tx, { id: membershipId, organization_id: org.id, user_id: owner.userId, role_id: roleIds.Owner, status: 'active' });
  await recordAudit(tx, ctx, { action: 'org.created', actor: owner, organizationId: org.id, targetType: 'organization', targetId: org.id, metadata: { name: org.name, slug: org.slug } });
  await recordAudit(tx, ctx, { action: 'member.added', actor: owner, organizationId: org.id, targetType: 'membership', targetId: membershipId, metadata: { user_id: owner.userId, role: 'Owner' } });
  return org;
}

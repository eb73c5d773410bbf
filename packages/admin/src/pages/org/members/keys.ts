import type { ListMembersQuery } from '@saasready/sdk/client';

/** Every cached member listing of the organization (pages of the table, the audit directory…). */
export const membersKey = (orgId: string) => ['org', orgId, 'members'] as const;
export const memberPagesKey = (orgId: string, query: ListMembersQuery) => [...membersKey(orgId), 'pages', query] as const;

export const organizationKey = (orgId: string) => ['org', orgId, 'organization'] as const;

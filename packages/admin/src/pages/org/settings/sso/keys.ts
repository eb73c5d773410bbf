export const connectionsKey = (orgId: string) => ['org', orgId, 'sso', 'connections'] as const;
export const domainsKey = (orgId: string) => ['org', orgId, 'sso', 'domains'] as const;

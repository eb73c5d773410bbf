// Fastify type augmentation: what every route may declare and what every request may carry.
import type { Permission, User } from '@saasready/contracts';

/** Who is calling. Set by the authenticate plugin; absent on public routes. */
export interface UserPrincipal {
  type: 'user';
  userId: string;
  sessionId: string;
  email: string;
  isSuperuser: boolean;
  /** the user as of this request (loaded with the session check) */
  user: User;
  /** has a confirmed TOTP factor */
  twoFactorEnabled: boolean;
  /** the token's current-organization claim: informational only, never used to authorize */
  tokenOrgId: string | null;
}
export type Principal = UserPrincipal;

/** An organization API key calling: exactly one organization, exactly its permissions. */
export interface ApiKeyPrincipal {
  id: string;
  organizationId: string;
  name: string;
  permissions: ReadonlySet<string>;
}

/** A SCIM directory calling with its bearer token: exactly one organization, SCIM routes only. */
export interface DirectoryPrincipal {
  id: string;
  organizationId: string;
}

/** The caller's membership in the organization named by the route's path, once the guard loaded it. */
export interface OrgAccess {
  organizationId: string;
  membershipId: string;
  roleId: string;
  roleName: string;
  /** holds the system Owner role */
  isOwner: boolean;
  permissions: ReadonlySet<string>;
  /** the organization's name, when the guard read it with the membership (an API key's access has none) */
  organizationName?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** reachable without credentials */
    public?: boolean;
    /** needs a logged-in caller, but no organization permission */
    authenticated?: boolean;
    /** needs an active membership (any role) in the organization named by the `org_id` path parameter */
    member?: boolean;
    /** needs this permission in the organization named by the `org_id` path parameter */
    permission?: Permission;
    /** needs an instance superuser */
    superuser?: boolean;
    /** needs an API key (the route describes the calling key itself); a person's session is refused */
    apiKeyOnly?: boolean;
    /** body fields that need a permission beyond the route's own, e.g. `{ settings: 'org.settings' }` */
    fieldPermissions?: Partial<Record<string, Permission>>;
    /** reachable by a member who has not enabled 2FA although the organization requires it */
    twoFactorExempt?: boolean;
    /** answers are stored under the Idempotency-Key header and replayed for 24 hours */
    idempotent?: boolean;
    /**
     * API keys may call this `authenticated`, `member` or `superuser` route (they are refused on every
     * other one); a permission name instead of `true`: only keys that hold it, in their own organization
     */
    apiKeys?: boolean | string;
    /** registered by a library (docs UI): exempt from the response-schema rule */
    internal?: boolean;
    /** a SCIM endpoint: only a directory's bearer token (`scim_…`) reaches it, scoped to that directory's organization */
    directory?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    apiKey: ApiKeyPrincipal | null;
    orgAccess: OrgAccess | null;
    directory: DirectoryPrincipal | null;
  }
}

// The whole relational model. Tenant-owned tables carry organization_id NOT NULL, and the
// foreign keys that must stay inside one organization include it (wall 1 of tenant scoping).
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, date, foreignKey, index, inet, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const timestamps = {
  created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updated_at: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  password_hash: text('password_hash').notNull(),
  full_name: text('full_name').notNull(),
  is_active: boolean('is_active').notNull().default(true),
  is_superuser: boolean('is_superuser').notNull().default(false),
  email_verified_at: timestamp('email_verified_at', { withTimezone: true }),
  ...timestamps,
});

/**
 * Lockout counters per (subject, source): subject is a normalised email (password checks) or
 * 'mfa:<user id>' (second-factor checks), source 'ip:<address>' or '*' for the account-wide bucket.
 * Unknown and known emails throttle alike. See modules/lockout.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    subject: text('subject').notNull(),
    source: text('source').notNull(),
    failures: integer('failures').notNull().default(0),
    /** checks reserved and not yet finished */
    in_flight: integer('in_flight').notNull().default(0),
    /** the newest reservation; older than the lease means the reservations were lost */
    reserved_at: timestamp('reserved_at', { withTimezone: true }),
    locked_until: timestamp('locked_until', { withTimezone: true }),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.source] }), index('login_throttles_updated_at_idx').on(t.updated_at)],
);

export const permissions = pgTable('permissions', {
  key: text('key').primaryKey(),
  description: text('description').notNull(),
});

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  description: text('description'),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  is_active: boolean('is_active').notNull().default(true),
  deleted_at: timestamp('deleted_at', { withTimezone: true }),
  ...timestamps,
});

/**
 * An organization's roles. The four system roles have the same id in every organization
 * (SYSTEM_ROLE_IDS, migration 0024), so (organization_id, id) is the key; a custom role's id is
 * unique instance-wide (the partial index roles_custom_id_key, and the check roles_system_ids).
 */
export const roles = pgTable(
  'roles',
  {
    id: uuid('id').notNull(),
    organization_id: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    is_system: boolean('is_system').notNull().default(false),
    ...timestamps,
  },
  (t) => [primaryKey({ name: 'roles_pkey', columns: [t.organization_id, t.id] }), unique('roles_org_name_key').on(t.organization_id, t.name)],
);

/**
 * A role's permissions. A custom role's rows carry its organization; a system role's are shared by
 * every organization (organization_id null, migration 0024's check), found by role_id all the same.
 */
export const rolePermissions = pgTable(
  'role_permissions',
  {
    organization_id: uuid('organization_id'),
    role_id: uuid('role_id').notNull(),
    permission: text('permission').notNull().references(() => permissions.key),
  },
  (t) => [
    primaryKey({ columns: [t.role_id, t.permission] }),
    foreignKey({ columns: [t.organization_id, t.role_id], foreignColumns: [roles.organization_id, roles.id] }).onDelete('cascade'),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    organization_id: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    user_id: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role_id: uuid('role_id').notNull(),
    status: text('status').$type<'active' | 'suspended'>().notNull().default('active'),
    /** the user's latest session activity, copied here by migration 0019's triggers (member list order) */
    last_active_at: timestamp('last_active_at', { withTimezone: true }),
    /** the SCIM directory that manages this membership (migration 0017), or null */
    directory_id: uuid('directory_id'),
    ...timestamps,
  },
  (t) => [
    unique('memberships_org_user_key').on(t.organization_id, t.user_id),
    index('memberships_user_idx').on(t.user_id),
    // keyset pages of one organization's members, whatever the size of the others
    index('memberships_org_id_idx').on(t.organization_id, t.id),
    foreignKey({ columns: [t.organization_id, t.role_id], foreignColumns: [roles.organization_id, roles.id] }),
    // Not declared here (migration 0019, SQL): the member list's order indexes (name, role, last active).
    // Not declared here (migration 0010, SQL): search_text, the user's email and full name kept in
    // step by triggers, and its GIN index on (organization_id, search_text) for member search.
  ],
);

/** One login. Its refresh tokens form the rotation family; revoking it kills every token of it. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    user_id: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    organization_id: uuid('organization_id'),
    ip: inet('ip'),
    user_agent: text('user_agent'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    last_used_at: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    expires_at: timestamp('expires_at', { withTimezone: true }).notNull(),
    revoked_at: timestamp('revoked_at', { withTimezone: true }),
    revoked_reason: text('revoked_reason'),
    /** SHA-256 of the session's current refresh token; the ones it replaced are in refresh_tokens */
    refresh_hash: text('refresh_hash'),
    /** how it was opened: `sso` (POST /sso/token) or `password` (every other way in) */
    method: text('method').notNull().default('password'),
  },
  (t) => [index('sessions_user_idx').on(t.user_id), uniqueIndex('sessions_refresh_hash_key').on(t.refresh_hash)],
);

/** Refresh tokens a session has replaced (history): presenting one is reuse and ends the session. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey(),
    session_id: uuid('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    token_hash: text('token_hash').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expires_at: timestamp('expires_at', { withTimezone: true }).notNull(),
    rotated_at: timestamp('rotated_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('refresh_tokens_hash_key').on(t.token_hash), index('refresh_tokens_session_idx').on(t.session_id)],
);

/** JWT signing keys; the private half is AES-256-GCM encrypted under MASTER_KEY. */
export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg').notNull(),
  public_jwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  private_key_enc: text('private_key_enc').notNull(),
  created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** set when a newer key took over signing; the key stays in the JWKS until its last token expires */
  retired_at: timestamp('retired_at', { withTimezone: true }),
});

export const auditLogs = pgTable(
  'audit_logs',
  {
    id: uuid('id').primaryKey(),
    organization_id: uuid('organization_id'),
    actor_type: text('actor_type').$type<'user' | 'api_key' | 'system' | 'directory'>().notNull(),
    actor_user_id: uuid('actor_user_id'),
    actor_api_key_id: uuid('actor_api_key_id'),
    actor_email: text('actor_email'),
    action: text('action').notNull(),
    target_type: text('target_type'),
    target_id: text('target_id'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    ip_address: inet('ip_address'),
    user_agent: text('user_agent'),
    request_id: text('request_id'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * the chain of an event with no organization: its user's id (migration 0021); null for an
     * organization's events, which chain by organization, and for the nil chain (older rows, no user)
     */
    chain_key: uuid('chain_key'),
    /** position in its chain, `coalesce(chain_key, organization_id, nil)` */
    seq: bigint('seq', { mode: 'number' }),
    prev_hash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_logs_org_created_idx').on(t.organization_id, t.created_at.desc(), t.id.desc()),
    index('audit_logs_actor_idx').on(t.actor_user_id).where(sql`${t.actor_user_id} is not null`),
    uniqueIndex('audit_logs_chain_key').on(sql`coalesce(${t.chain_key}, ${t.organization_id}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.seq),
    index('audit_logs_org_action_idx').on(t.organization_id, t.action, t.seq),
  ],
);

/** Where a pruned chain now starts: the hash of the last row removed by retention. */
/**
 * Each chain's head (key as in audit_chain_anchors): the last row's seq and hash. Appending bumps
 * seq in place, which locks the row until the transaction ends: that is what serialises one chain's
 * writers. A chain without a head row (new, or from before migration 0014) starts from its rows.
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain_key: uuid('chain_key').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash'),
});

export const auditChainAnchors = pgTable('audit_chain_anchors', {
  chain_key: uuid('chain_key').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  updated_at: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The last row a verification found intact, per chain (key as in audit_chain_anchors): the next
 * verification starts there. `hash` is '' when that row predates the hash chain.
 */
export const auditChainCheckpoints = pgTable('audit_chain_checkpoints', {
  chain_key: uuid('chain_key').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  verified_at: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Organization API keys: `sr_<prefix>_<secret>`, stored as the prefix plus SHA-256 of the whole key. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    organization_id: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    key_hash: text('key_hash').notNull(),
    created_by: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    last_used_at: timestamp('last_used_at', { withTimezone: true }),
    expires_at: timestamp('expires_at', { withTimezone: true }),
    revoked_at: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_prefix_key').on(t.prefix), index('api_keys_org_idx').on(t.organization_id, t.id), unique('api_keys_org_id_key').on(t.organization_id, t.id)],
);

export const apiKeyPermissions = pgTable(
  'api_key_permissions',
  {
    organization_id: uuid('organization_id').notNull(),
    api_key_id: uuid('api_key_id').notNull(),
    permission: text('permission').notNull().references(() => permissions.key),
  },
  (t) => [
    primaryKey({ columns: [t.api_key_id, t.permission] }),
    foreignKey({ columns: [t.organization_id, t.api_key_id], foreignColumns: [apiKeys.organization_id, apiKeys.id] }).onDelete('cascade'),
  ],
);

/** Idempotency-Key records: the first answer to a create, replayed for 24 hours. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    body_hash: text('body_hash').notNull(),
    status: text('status').$type<'in_progress' | 'completed'>().notNull(),
    response_status: integer('response_status'),
    response_body: jsonb('response_body'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expires_at: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] }), index('idempotency_keys_expires_idx').on(t.expires_at)],
);

/** An invitation to join an organization. The token lives only in the email; we keep its SHA-256. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    organization_id: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    full_name: text('full_name'),
    role_id: uuid('role_id').notNull(),
    invited_by: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    token_hash: text('token_hash').notNull(),
    status: text('status').$type<'pending' | 'accepted' | 'revoked'>().notNull().default('pending'),
    expires_at: timestamp('expires_at', { withTimezone: true }).notNull(),
    accepted_at: timestamp('accepted_at', { withTimezone: true }),
    accepted_by: uuid('accepted_by'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('invitations_token_hash_key').on(t.token_hash),
    // at most one pending invitation per email and organization
    uniqueIndex('invitations_pending_email_key').on(t.organization_id, t.email).where(sql`${t.status} = 'pending'`),
    index('invitations_org_idx').on(t.organization_id, t.id),
    foreignKey({ columns: [t.organization_id, t.role_id], foreignColumns: [roles.organization_id, roles.id] }).onDelete('cascade'),
  ],
);

/** Single-use emailed tokens (password reset, email verification), stored as SHA-256. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: uuid('id').primaryKey(),
    user_id: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<'password_reset' | 'email_verification'>().notNull(),
    token_hash: text('token_hash').notNull(),
    expires_at: timestamp('expires_at', { withTimezone: true }).notNull(),
    used_at: timestamp('used_at', { withTimezone: true }),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_tokens_hash_key').on(t.token_hash), index('user_tokens_user_idx').on(t.user_id, t.purpose)],
);

/**
 * The transactional outbox: an email is written here in the transaction of the action that causes
 * it, and delivered by the worker. Bodies carry links with bearer tokens, so they are encrypted
 * under MASTER_KEY, and erased once delivered over SMTP.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey(),
    template: text('template').notNull(),
    to_address: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body_enc: text('body_enc'),
    status: text('status').$type<'pending' | 'sending' | 'sent' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    next_attempt_at: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    locked_until: timestamp('locked_until', { withTimezone: true }),
    last_error: text('last_error'),
    transport: text('transport'),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sent_at: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('email_outbox_due_idx').on(t.next_attempt_at).where(sql`${t.status} in ('pending', 'sending')`)],
);

/** A user's TOTP factor. The secret is AES-256-GCM encrypted; enabled_at is null until the first code is confirmed. */
export const userMfa = pgTable('user_mfa', {
  user_id: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  secret_enc: text('secret_enc').notNull(),
  enabled_at: timestamp('enabled_at', { withTimezone: true }),
  /** the last 30-second step a code was accepted for: a code works once */
  last_used_step: bigint('last_used_step', { mode: 'number' }),
  created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Single-use backup codes, stored as HMAC-SHA256 under MASTER_KEY. */
export const mfaBackupCodes = pgTable(
  'mfa_backup_codes',
  {
    id: uuid('id').primaryKey(),
    user_id: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    code_hash: text('code_hash').notNull(),
    used_at: timestamp('used_at', { withTimezone: true }),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mfa_backup_codes_user_hash_key').on(t.user_id, t.code_hash)],
);

/** The second step of a login: a short-lived, single-use token bound to the user. */
export const mfaChallenges = pgTable(
  'mfa_challenges',
  {
    id: uuid('id').primaryKey(),
    user_id: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    token_hash: text('token_hash').notNull(),
    expires_at: timestamp('expires_at', { withTimezone: true }).notNull(),
    used_at: timestamp('used_at', { withTimezone: true }),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mfa_challenges_hash_key').on(t.token_hash)],
);

/** Global feature flags (instance-wide, managed by superusers). */
export const featureFlags = pgTable('feature_flags', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  description: text('description'),
  default_enabled: boolean('default_enabled').notNull().default(false),
  rollout_percent: integer('rollout_percent'),
  rollout_unit: text('rollout_unit').$type<'organization' | 'user'>().notNull().default('organization'),
  ...timestamps,
});

/** One organization's override of a flag. */
export const featureFlagOverrides = pgTable(
  'feature_flag_overrides',
  {
    organization_id: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    flag_id: uuid('flag_id').notNull().references(() => featureFlags.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull(),
    rollout_percent: integer('rollout_percent'),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.organization_id, t.flag_id] })],
);

/** Users active on a day / in a month (UTC), written by migration 0019's sessions trigger: the overview's active-user counts. */
export const userActivityDays = pgTable(
  'user_activity_days',
  { day: date('day', { mode: 'string' }).notNull(), user_id: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }) },
  (t) => [primaryKey({ columns: [t.day, t.user_id] })],
);
export const userActivityMonths = pgTable(
  'user_activity_months',
  { month: date('month', { mode: 'string' }).notNull(), user_id: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }) },
  (t) => [primaryKey({ columns: [t.month, t.user_id] })],
);

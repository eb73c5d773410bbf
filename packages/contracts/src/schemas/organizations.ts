import { Type, type Static } from 'typebox';
import { descriptionInput, nameInput, Timestamp, Uuid } from './common.js';

/** Organization slugs: lower-case letters, digits and single dashes, 3–48 characters. */
export const Slug = Type.String({ pattern: '^[a-z0-9](?:[a-z0-9]|-(?!-)){1,46}[a-z0-9]$', minLength: 3, maxLength: 48 });

/** Free-form data for the app's own use (≤ 8 KiB as JSON), e.g. `{"stripe_customer_id": "cus_…"}`. */
export const Metadata = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { description: 'JSON object, at most 8 KiB' });

/** Organization security settings. */
export const OrganizationSettingsSchema = Type.Object({
  require_2fa: Type.Optional(Type.Boolean({ description: 'members must enable two-factor authentication' })),
  sso_required: Type.Optional(Type.Boolean({ description: 'members whose email is in a verified domain must sign in through SSO (Owners keep a password + 2FA break-glass login)' })),
  sso_redirect_uris: Type.Optional(Type.Array(Type.String({ minLength: 8, maxLength: 2048, pattern: '^https?://[^\\s]+$' }), { maxItems: 20, description: 'exact URLs this organization’s SSO logins may return to, beside the instance’s SSO_REDIRECT_URIS' })),
});

/**
 * An organization (tenant).
 *
 * @example
 * ```json
 * { "id": "0193…", "name": "Acme", "slug": "acme", "description": null, "metadata": {}, "settings": {},
 *   "is_active": true, "created_at": "…", "updated_at": "…" }
 * ```
 */
export const OrganizationSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    slug: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    metadata: Type.Record(Type.String(), Type.Unknown()),
    settings: Type.Record(Type.String(), Type.Unknown()),
    is_active: Type.Boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'Organization' },
);
export type Organization = Static<typeof OrganizationSchema>;

/**
 * An organization with the caller's role in it: each entry of `GET /orgs`, and the answer of
 * `POST /orgs` (where `your_role` is always `"Owner"`).
 *
 * @example
 * ```json
 * { "id": "0193…", "name": "Acme", "slug": "acme", "your_role": "Owner", "your_role_id": "0193…", "…": "…" }
 * ```
 */
export const MyOrganizationSchema = Type.Object({
  ...OrganizationSchema.properties,
  your_role: Type.String({ description: "name of the caller's role in this organization, e.g. \"Owner\"" }),
  your_role_id: Uuid,
});
export type MyOrganization = Static<typeof MyOrganizationSchema>;

/** `POST /orgs`. */
export const CreateOrganizationBody = Type.Object(
  {
    name: nameInput(100),
    slug: Type.Optional(Slug),
    description: Type.Optional(Type.Union([descriptionInput(1000), Type.Null()])),
    metadata: Type.Optional(Metadata),
  },
  { additionalProperties: false },
);
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>;

/** `PATCH /orgs/{org_id}`: only the given fields change. */
export const UpdateOrganizationBody = Type.Object(
  {
    name: Type.Optional(nameInput(100)),
    slug: Type.Optional(Slug),
    description: Type.Optional(Type.Union([descriptionInput(1000), Type.Null()])),
    metadata: Type.Optional(Metadata),
    /** needs the `org.settings` permission as well (`PATCH /orgs/{org_id}/settings` needs only that one) */
    settings: Type.Optional(Type.Object({ require_2fa: Type.Optional(Type.Boolean()), sso_required: Type.Optional(Type.Boolean()), sso_redirect_uris: Type.Optional(Type.Array(Type.String({ minLength: 8, maxLength: 2048, pattern: '^https?://[^\\s]+$' }), { maxItems: 20, description: 'exact URLs this organization’s SSO logins may return to, beside the instance’s SSO_REDIRECT_URIS' })) }, { additionalProperties: false })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;

/** `PATCH /orgs/{org_id}/settings`: the organization's security settings (`org.settings`). */
export const UpdateOrganizationSettingsBody = Type.Object(
  {
    require_2fa: Type.Optional(Type.Boolean({ description: 'members must enable two-factor authentication' })),
    sso_required: Type.Optional(Type.Boolean({ description: 'members whose email is in a verified domain must sign in through SSO (Owners keep a password + 2FA break-glass login)' })),
    sso_redirect_uris: Type.Optional(Type.Array(Type.String({ minLength: 8, maxLength: 2048, pattern: '^https?://[^\\s]+$' }), { maxItems: 20, description: 'exact URLs this organization’s SSO logins may return to, beside the instance’s SSO_REDIRECT_URIS' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrganizationSettingsBody = Static<typeof UpdateOrganizationSettingsBody>;

/** Path of every organization-scoped route. */
export const OrgParams = Type.Object({ org_id: Uuid });

/** `POST /auth/switch-org`. */
export const SwitchOrgBody = Type.Object({ org_id: Uuid }, { additionalProperties: false });

/** The answer to `POST /auth/switch-org`: an access token scoped to the organization (the refresh token is unchanged). */
export const SwitchOrgResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('bearer'),
  expires_in: Type.Integer(),
  organization: Type.Object({ id: Uuid, name: Type.String(), slug: Type.String() }),
});
export type SwitchOrgResponse = Static<typeof SwitchOrgResponse>;

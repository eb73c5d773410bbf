import { Type, type Static } from 'typebox';
import { nameInput, Timestamp, Uuid } from './common.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * A SCIM directory of an organization (`directory.manage`): the IdP's provisioning connection.
 * The bearer token is shown once, by `POST …/directories` and `POST …/rotate-token`.
 *
 * @example
 * ```json
 * { "id": "…", "organization_id": "…", "name": "Okta", "scim_base_url": "https://auth.example.com/scim/v2",
 *   "token_prefix": "scim_AbCd", "default_role_id": null, "user_count": 120, "group_count": 8,
 *   "last_sync_at": "2026-12-05T17:40:00.000Z", "created_at": "…" }
 * ```
 */
export const DirectorySchema = Type.Object(
  {
    id: Uuid,
    organization_id: Uuid,
    name: Type.String(),
    scim_base_url: Type.String({ description: 'the SCIM 2.0 base URL the IdP is given (Tenant URL in Entra ID, SCIM connector base URL in Okta)' }),
    token_prefix: Type.String({ description: 'the first characters of the current token, to tell tokens apart' }),
    default_role_id: Nullable(Uuid),
    user_count: Type.Integer(),
    group_count: Type.Integer(),
    last_sync_at: Nullable(Timestamp),
    created_at: Timestamp,
  },
  { $id: 'Directory' },
);
export type Directory = Static<typeof DirectorySchema>;

/** `POST /orgs/{org_id}/directories`: the directory with its bearer `token` (`scim_…`), shown this once. */
export const CreatedDirectorySchema = Type.Object({
  ...DirectorySchema.properties,
  token: Type.String({ description: 'the bearer token the IdP sends (Secret Token in Entra ID, API token in Okta); shown once' }),
});
export type CreatedDirectory = Static<typeof CreatedDirectorySchema>;

/** `POST /orgs/{org_id}/directories/{directory_id}/rotate-token`: the new token; the old one stops working at once. */
export const RotatedDirectoryTokenSchema = Type.Object({ token: Type.String(), token_prefix: Type.String() });
export type RotatedDirectoryToken = Static<typeof RotatedDirectoryTokenSchema>;

/** Body of `POST /orgs/{org_id}/directories`. */
export const CreateDirectoryBody = Type.Object(
  {
    name: nameInput(100),
    default_role_id: Type.Optional(Type.Union([Uuid, Type.Null()], { description: 'role of a provisioned member in no mapped group (default: Member)' })),
  },
  { additionalProperties: false },
);
export type CreateDirectoryBody = Static<typeof CreateDirectoryBody>;

export const DirectoryParams = Type.Object({ org_id: Uuid, directory_id: Uuid });
export const DirectoryGroupParams = Type.Object({ org_id: Uuid, directory_id: Uuid, group_id: Uuid });

/** A group the IdP pushed, with the role its members hold (`null`: it grants nothing). */
export const DirectoryGroupSchema = Type.Object(
  {
    id: Uuid,
    display_name: Type.String(),
    external_id: Nullable(Type.String()),
    member_count: Type.Integer(),
    role_id: Nullable(Uuid),
    role_name: Nullable(Type.String()),
  },
  { $id: 'DirectoryGroup' },
);
export type DirectoryGroup = Static<typeof DirectoryGroupSchema>;

/** Body of `PUT /orgs/{org_id}/directories/{directory_id}/groups/{group_id}/role`. */
export const SetGroupRoleBody = Type.Object({ role_id: Type.Union([Uuid, Type.Null()]) }, { additionalProperties: false });
export type SetGroupRoleBody = Static<typeof SetGroupRoleBody>;

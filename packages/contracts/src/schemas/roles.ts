import { Type, type Static } from 'typebox';
import { descriptionInput, nameInput, Timestamp, Uuid } from './common.js';

/** A permission of the catalog (`GET /permissions`). */
export const PermissionSchema = Type.Object({ key: Type.String(), description: Type.String() }, { $id: 'Permission' });

/**
 * A role of one organization, with its permissions. System roles (Owner, Admin, Member, Viewer)
 * cannot be edited or deleted.
 */
export const RoleSchema = Type.Object(
  {
    id: Uuid,
    organization_id: Uuid,
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    is_system: Type.Boolean(),
    permissions: Type.Array(Type.String()),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'Role' },
);
export type Role = Static<typeof RoleSchema>;

const RoleName = nameInput(64);
const PermissionList = Type.Array(Type.String({ maxLength: 64 }), { maxItems: 64, uniqueItems: true });

export const CreateRoleBody = Type.Object(
  { name: RoleName, description: Type.Optional(Type.Union([descriptionInput(500), Type.Null()])), permissions: PermissionList },
  { additionalProperties: false },
);
export type CreateRoleBody = Static<typeof CreateRoleBody>;

export const UpdateRoleBody = Type.Object(
  { name: Type.Optional(RoleName), description: Type.Optional(Type.Union([descriptionInput(500), Type.Null()])), permissions: Type.Optional(PermissionList) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRoleBody = Static<typeof UpdateRoleBody>;

export const RoleParams = Type.Object({ org_id: Uuid, role_id: Uuid });
export const DeleteRoleQuery = Type.Object({ reassign_to: Type.Optional(Uuid) }, { additionalProperties: false });

/** `POST /orgs/{org_id}/authorize`: which of these permissions does the caller hold here? */
export const AuthorizeBody = Type.Object({ permissions: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 64 }) }, { additionalProperties: false });
export const AuthorizeResponse = Type.Object({
  allowed: Type.Boolean({ description: 'true when every requested permission is held' }),
  permissions: Type.Record(Type.String(), Type.Boolean()),
  role: Type.String(),
});

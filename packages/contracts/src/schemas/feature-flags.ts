import { Type, type Static } from 'typebox';
import { descriptionInput, nameInput, Timestamp, Uuid } from './common.js';

/** Flag keys: lower-case letters, digits, `-`, `_`, `.`; 1–100 characters. */
export const FlagKey = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,99}$', maxLength: 100 });
const Percent = Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()]);
const RolloutUnit = Type.Union([Type.Literal('organization'), Type.Literal('user')]);

/** A global feature flag (managed by the instance superuser). */
export const FeatureFlagSchema = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    default_enabled: Type.Boolean(),
    rollout_percent: Percent,
    rollout_unit: RolloutUnit,
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'FeatureFlag' },
);
export type FeatureFlag = Static<typeof FeatureFlagSchema>;

export const CreateFeatureFlagBody = Type.Object(
  {
    key: FlagKey,
    name: nameInput(200),
    description: Type.Optional(Type.Union([descriptionInput(1000), Type.Null()])),
    default_enabled: Type.Optional(Type.Boolean({ default: false })),
    rollout_percent: Type.Optional(Percent),
    rollout_unit: Type.Optional(RolloutUnit),
  },
  { additionalProperties: false },
);
export type CreateFeatureFlagBody = Static<typeof CreateFeatureFlagBody>;

export const UpdateFeatureFlagBody = Type.Object(
  {
    name: Type.Optional(nameInput(200)),
    description: Type.Optional(Type.Union([descriptionInput(1000), Type.Null()])),
    default_enabled: Type.Optional(Type.Boolean()),
    rollout_percent: Type.Optional(Percent),
    rollout_unit: Type.Optional(RolloutUnit),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateFeatureFlagBody = Static<typeof UpdateFeatureFlagBody>;

/** A flag as one organization sees it (the seeds' shape). */
export const OrgFeatureFlagSchema = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    default_enabled: Type.Boolean(),
    enabled: Type.Boolean({ description: 'the effective value for this organization' }),
    overridden: Type.Boolean(),
    rollout_percent: Percent,
  },
  { $id: 'OrgFeatureFlag' },
);
export type OrgFeatureFlag = Static<typeof OrgFeatureFlagSchema>;

/** `PUT /orgs/{org_id}/feature-flags/{key}`. */
export const SetFlagOverrideBody = Type.Object(
  { enabled: Type.Boolean(), rollout_percent: Type.Optional(Percent) },
  { additionalProperties: false },
);
export type SetFlagOverrideBody = Static<typeof SetFlagOverrideBody>;

export const FlagKeyParams = Type.Object({ key: FlagKey });
export const OrgFlagParams = Type.Object({ org_id: Uuid, key: FlagKey });
export const EvaluateQuery = Type.Object({ keys: Type.Optional(Type.String({ maxLength: 4000, description: 'comma-separated flag keys; all flags when absent' })) }, { additionalProperties: false });
export const EvaluateResponse = Type.Object({ flags: Type.Record(Type.String(), Type.Boolean()) });

/** `GET /feature-flags/snapshot`: every rule, so an SDK can evaluate locally. */
export const FlagSnapshotSchema = Type.Object({
  version: Type.String(),
  flags: Type.Array(
    Type.Object({
      key: Type.String(),
      default_enabled: Type.Boolean(),
      rollout_percent: Percent,
      rollout_unit: RolloutUnit,
      overrides: Type.Record(Type.String(), Type.Object({ enabled: Type.Boolean(), rollout_percent: Percent }), { description: 'by organization id' }),
    }),
  ),
});
export type FlagSnapshot = Static<typeof FlagSnapshotSchema>;

-- The permission catalog; must equal PERMISSIONS in @saasready/contracts (a test checks).
INSERT INTO "permissions" ("key", "description") VALUES
  ('org.read', 'See the organization and its members'),
  ('org.update', 'Rename the organization and edit its details'),
  ('org.delete', 'Delete the organization'),
  ('org.settings', 'Change organization security settings such as the 2FA policy'),
  ('user.read', 'See members and their roles'),
  ('user.invite', 'Invite people and manage pending invitations'),
  ('user.manage', 'Change members’ roles, suspend and remove members'),
  ('role.read', 'See roles and their permissions'),
  ('role.manage', 'Create, edit and delete custom roles'),
  ('audit.read', 'Read and export the audit log'),
  ('api_key.manage', 'Create, list and revoke API keys'),
  ('feature_flags.read', 'See the organization’s feature flags'),
  ('feature_flags.manage', 'Override feature flags for the organization'),
  ('settings.read', 'Read organization settings'),
  ('settings.update', 'Change organization settings')
ON CONFLICT ("key") DO UPDATE SET "description" = EXCLUDED."description";

-- Review of issues 21 and 23: an SSO connection's IdP speaks for every account at the organization's
-- verified domains, Owners' included (JIT links them), and a SCIM directory's token can suspend,
-- delete or re-role any member the directory links, Owners included. Holding either is holding an
-- Owner's power, so sso.manage and directory.manage are the Owner's alone: the system Admin role
-- loses them (custom roles can still be given them, by an Owner).
DELETE FROM "role_permissions" rp
 USING "roles" r
 WHERE rp.role_id = r.id AND r.is_system AND r.name = 'Admin' AND rp.permission IN ('sso.manage', 'directory.manage');

// The organization's roles: the four system roles (read-only) and custom ones, which `role.manage`
// can create, edit and delete.
import { useState } from 'react';
import { Button, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useParams } from 'react-router';
import type { Role } from '@saasready/sdk/client';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useMembership } from '../../session/session';
import { MissingPermission } from '../../components/forbidden';
import { DeleteRoleModal } from './roles/delete-role-modal';
import { RoleFormModal } from './roles/role-form-modal';
import { holderCounts, RoleList } from './roles/role-list';
import { useMemberDirectory } from './audit/use-member-directory';
import { sortRoles, usePermissionCatalog, useRoles } from './roles/use-roles';

export function RolesPage() {
  const { orgId = '' } = useParams<{ orgId: string }>();
  const { can, membership } = useMembership(orgId);
  if (!can('role.read')) return <MissingPermission title="Roles" membership={membership} permission="role.read" doing="see the roles" />;
  return <RolesView orgId={orgId} />;
}

function RolesView({ orgId }: { orgId: string }) {
  const { can } = useMembership(orgId);
  const canManage = can('role.manage');
  const roles = useRoles(orgId);
  const catalog = usePermissionCatalog();
  // how many members hold each role, from the directory (one page of up to 200 members)
  const directory = useMemberDirectory(orgId, can('user.read'));
  const holders = holderCounts(directory.members);
  // the role stays set while a dialog closes, so its content does not vanish mid-animation
  const [form, setForm] = useState<{ open: boolean; role?: Role | undefined }>({ open: false });
  const [removal, setRemoval] = useState<{ open: boolean; role?: Role | undefined }>({ open: false });

  const all = sortRoles(roles.data ?? []);
  const system = all.filter((r) => r.is_system);
  const custom = all.filter((r) => !r.is_system);
  const listProps = {
    catalog: catalog.data,
    canManage,
    onEdit: (role: Role) => setForm({ open: true, role }),
    onDelete: (role: Role) => setRemoval({ open: true, role }),
    holders,
  };

  return (
    <>
      <PageHeader
        title="Roles"
        description="A role is a set of permissions; every member holds exactly one role."
        actions={canManage && <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ open: true })}>Create role</Button>}
      />
      {!roles.data ? (
        roles.isError ? <ErrorState error={roles.error} onRetry={() => void roles.refetch()} /> : <Loading label="Loading roles…" />
      ) : (
        <Stack gap="xl">
          <section aria-labelledby="system-roles">
            <Title order={3} size="h4" mb="sm" id="system-roles">System roles</Title>
            <RoleList roles={system} {...listProps} />
          </section>
          <section aria-labelledby="custom-roles">
            <Title order={3} size="h4" mb="sm" id="custom-roles">Custom roles</Title>
            {custom.length ? (
              <RoleList roles={custom} {...listProps} />
            ) : (
              <EmptyState title="No custom roles yet">
                {canManage ? 'Create one when the system roles give too much or too little.' : 'Someone with the role.manage permission can create them.'}
              </EmptyState>
            )}
          </section>
        </Stack>
      )}
      <RoleFormModal orgId={orgId} opened={form.open} role={form.role} onClose={() => setForm((f) => ({ ...f, open: false }))} />
      <DeleteRoleModal orgId={orgId} opened={removal.open} role={removal.role} roles={all} onClose={() => setRemoval((r) => ({ ...r, open: false }))} />
    </>
  );
}

// Create a custom role, or edit one (only the changed fields are sent).
import { useState } from 'react';
import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Permission, Role, UpdateRoleBody } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { fieldErrors, isProblem } from '../../../api/problems';
import { notifySuccess } from '../../../components/notify';
import { ErrorState, FormError, Loading } from '../../../components/states';
import { useMembership } from '../../../session/session';
import { membersKey } from '../members/keys';
import { PermissionChecklist } from './permission-checklist';
import { rolesKey, usePermissionCatalog } from './use-roles';

/** `role` undefined: create; a role: edit it. */
export function RoleFormModal({ orgId, opened, role, onClose }: { orgId: string; opened: boolean; role: Role | undefined; onClose: () => void }) {
  const catalog = usePermissionCatalog(opened);
  return (
    <Modal opened={opened} onClose={onClose} title={role ? `Edit role ${role.name}` : 'Create role'} size="xl">
      {catalog.data ? (
        <RoleForm key={role?.id ?? 'new'} orgId={orgId} role={role} catalog={catalog.data} onDone={onClose} />
      ) : catalog.isError ? (
        <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} />
      ) : (
        <Loading label="Loading permissions…" />
      )}
    </Modal>
  );
}

function RoleForm({ orgId, role, catalog, onDone }: { orgId: string; role: Role | undefined; catalog: Permission[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { membership } = useMembership(orgId);
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [permissions, setPermissions] = useState<string[]>(role?.permissions ?? []);

  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), description: description.trim() || null, permissions };
      if (!role) return client.orgs.createRole(orgId, body, { idempotencyKey: crypto.randomUUID() });
      const changes: UpdateRoleBody = {};
      if (body.name !== role.name) changes.name = body.name;
      if (body.description !== role.description) changes.description = body.description;
      if ([...permissions].sort().join() !== [...role.permissions].sort().join()) changes.permissions = permissions;
      return Object.keys(changes).length ? client.orgs.updateRole(orgId, role.id, changes) : Promise.resolve(role);
    },
    onSuccess: async (saved) => {
      // members show role names, and the caller's own permissions may come from this role
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: rolesKey(orgId) }),
        queryClient.invalidateQueries({ queryKey: membersKey(orgId) }),
        membership?.role_id === saved.id ? queryClient.invalidateQueries({ queryKey: ['me'] }) : undefined,
      ]);
      notifySuccess(role ? `Saved ${saved.name}` : `Created ${saved.name}`);
      onDone();
    },
  });

  const errors = fieldErrors(save.error);
  const nameError = errors.name ?? (isProblem(save.error, 'role.name_taken') ? 'A role with this name already exists.' : undefined);
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }} aria-label={role ? 'Edit role' : 'Create role'}>
      <Stack>
        <TextInput label="Name" required maxLength={64} data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} />
        <Textarea label="Description" autosize minRows={2} maxRows={4} maxLength={500} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
        <PermissionChecklist catalog={catalog} value={permissions} onChange={setPermissions} held={membership?.permissions ?? []} error={errors.permissions} />
        {!nameError && !errors.description && !errors.permissions && <FormError error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending} disabled={!name.trim()}>Save role</Button>
        </Group>
      </Stack>
    </form>
  );
}

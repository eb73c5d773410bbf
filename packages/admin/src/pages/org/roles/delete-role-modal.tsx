// Delete a custom role. Members who hold it move to another role the caller could grant; the server
// only needs that when someone holds the role, but asking every time keeps the dialog predictable.
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { isProblem } from '../../../api/problems';
import { notifySuccess } from '../../../components/notify';
import { FormError } from '../../../components/states';
import { useMembership } from '../../../session/session';
import { membersKey } from '../members/keys';
import { canGrant, rolesKey, sortRoles } from './use-roles';

export function DeleteRoleModal(props: { orgId: string; opened: boolean; role: Role | undefined; roles: Role[]; onClose: () => void }) {
  const { orgId, opened, role, roles, onClose } = props;
  return (
    <Modal opened={opened && !!role} onClose={onClose} title={role ? `Delete role ${role.name}?` : ''}>
      {role && <DeleteRoleForm key={role.id} orgId={orgId} role={role} roles={roles} onDone={onClose} />}
    </Modal>
  );
}

function DeleteRoleForm({ orgId, role, roles, onDone }: { orgId: string; role: Role; roles: Role[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { membership } = useMembership(orgId);
  const targets = sortRoles(roles).filter((r) => r.id !== role.id && canGrant(r, membership));
  const [chosen, setChosen] = useState<string | null>(null);
  // who moves: the members holding this role (one page of 200 is enough to say how many, or "200+")
  const holders = useQuery({
    queryKey: [...membersKey(orgId), 'holding', role.id],
    queryFn: async () => (await client.orgs.listMembers(orgId, { role_id: role.id, limit: 200 })).length,
  });
  const reassignTo = chosen ?? (targets.find((r) => r.name === 'Member') ?? targets.at(-1))?.id ?? null;

  const remove = useMutation({
    mutationFn: () => client.orgs.deleteRole(orgId, role.id, reassignTo ? { reassign_to: reassignTo } : {}),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: rolesKey(orgId) }),
        queryClient.invalidateQueries({ queryKey: membersKey(orgId) }),
        membership?.role_id === role.id ? queryClient.invalidateQueries({ queryKey: ['me'] }) : undefined,
      ]);
      notifySuccess(`Deleted ${role.name}`);
      onDone();
    },
  });

  return (
    <form onSubmit={(e) => { e.preventDefault(); remove.mutate(); }}>
      <Stack>
        <Text size="sm">
          The role <strong>{role.name}</strong> goes away for good.{' '}
          {holders.data === undefined
            ? 'Members who hold it get the role you choose below.'
            : holders.data === 0
              ? 'Nobody holds it, so no member changes role.'
              : `${holders.data === 1 ? '1 member holds' : `${holders.data}${holders.data >= 200 ? '+' : ''} members hold`} it and will move to the role you choose below.`}
        </Text>
        <Select
          label="Move its members to"
          data={targets.map((r) => ({ value: r.id, label: r.name }))}
          value={reassignTo}
          onChange={setChosen}
          allowDeselect={false}
          disabled={!targets.length}
          error={!targets.length ? 'There is no other role you may grant: the deletion only works if nobody holds this role.' : undefined}
          comboboxProps={{ withinPortal: true }}
        />
        {isProblem(remove.error, 'role.in_use') ? (
          <FormError error={new Error(`${String(remove.error.meta.members ?? 'Some')} member(s) still hold this role. Give them another role on the Members page first.`)} />
        ) : (
          <FormError error={remove.error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" color="red" loading={remove.isPending}>Delete role</Button>
        </Group>
      </Stack>
    </form>
  );
}

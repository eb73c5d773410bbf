// A member's role, changed in place. The new role shows at once and falls back to the saved one when
// the server refuses (last Owner, Owner required, escalation), with the reason in a notification.
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../components/notify';
import { membersKey } from './keys';
import { ConfirmModal } from '../../../components/confirm-modal';
import { useMembership } from '../../../session/session';

export interface RoleOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export function MemberRoleSelect({ orgId, member, options, isSelf }: { orgId: string; member: Member; options: RoleOption[]; isSelf: boolean }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (roleId: string) => client.orgs.updateMemberRole(orgId, member.id, { role_id: roleId }),
    onMutate: (roleId) => setPending(roleId),
    onSuccess: async (saved) => {
      // the caller's own permissions (navigation, buttons) come from the session
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: membersKey(orgId) }),
        isSelf ? queryClient.invalidateQueries({ queryKey: ['me'] }) : undefined,
      ]);
      notifySuccess(`${member.user_full_name || member.user_email} is now ${saved.role_name}`);
    },
    onError: notifyError,
    onSettled: () => setPending(null),
  });

  // granting Owner and changing one's own role cannot be undone by the person who does it: ask first
  const { membership } = useMembership(orgId);
  const [confirming, setConfirming] = useState<RoleOption | null>(null);
  const name = member.user_full_name || member.user_email;
  const org = membership?.organization_name ?? 'this organization';
  const choose = (roleId: string | null) => {
    if (!roleId || roleId === member.role_id) return;
    const option = options.find((o) => o.value === roleId);
    if (isSelf || option?.label === 'Owner') setConfirming(option ?? { value: roleId, label: 'the new role' });
    else change.mutate(roleId);
  };

  // the current role is always an option, even when the role list is not readable or not loaded
  const data = options.some((o) => o.value === member.role_id) ? options : [{ value: member.role_id, label: member.role_name }, ...options];
  return (
    <>
    <Select
      aria-label={`Role for ${member.user_email}`}
      data={data}
      value={pending ?? member.role_id}
      onChange={choose}
      allowDeselect={false}
      disabled={change.isPending}
      size="xs"
      w={160}
      comboboxProps={{ withinPortal: true }}
    />
    <ConfirmModal
      opened={confirming !== null}
      title={isSelf ? 'Change your own role?' : `Make ${name} an Owner of ${org}?`}
      confirmLabel={isSelf ? `Change my role to ${confirming?.label ?? ''}` : 'Make Owner'}
      onConfirm={() => change.mutateAsync(confirming!.value)}
      onClose={() => setConfirming(null)}
    >
      {isSelf ? (
        <>
          You are changing your own role in {org} from <strong>{member.role_name}</strong> to <strong>{confirming?.label}</strong>. If the new
          role allows less, you lose access to what it does not include at once, and only another Owner or Admin can give it back.
        </>
      ) : (
        <>
          Owners can do everything in {org}: delete it, change its security settings, manage every member and grant or remove the Owner
          role, yours included. Make {name} an Owner only if you trust them with the whole organization.
        </>
      )}
    </ConfirmModal>
    </>
  );
}

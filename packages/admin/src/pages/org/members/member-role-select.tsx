// A member's role, changed in place. The new role shows at once and falls back to the saved one when
// the server refuses (last Owner, Owner required, escalation), with the reason in a notification.
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../components/notify';
import { membersKey } from './keys';

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

  // the current role is always an option, even when the role list is not readable or not loaded
  const data = options.some((o) => o.value === member.role_id) ? options : [{ value: member.role_id, label: member.role_name }, ...options];
  return (
    <Select
      aria-label={`Role for ${member.user_email}`}
      data={data}
      value={pending ?? member.role_id}
      onChange={(roleId) => roleId && roleId !== member.role_id && change.mutate(roleId)}
      allowDeselect={false}
      disabled={change.isPending}
      size="xs"
      w={160}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

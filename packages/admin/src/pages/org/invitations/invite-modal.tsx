// "Invite member": email, optional name, and a role the inviter could grant themselves (the server
// refuses anything else, so offering it would only produce an error).
import { useState } from 'react';
import { Anchor, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../../api/client';
import { fieldErrors, isProblem, problemMessage } from '../../../api/problems';
import { notifyError, notifySuccess } from '../../../components/notify';
import { FormError } from '../../../components/states';
import { useMembership } from '../../../session/session';
import { canGrant, sortRoles, useRoles } from '../roles/use-roles';
import { invitationsKey } from './keys';

export function InviteModal({ orgId, opened, onClose, onSent }: { orgId: string; opened: boolean; onClose: () => void; onSent: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Invite member">
      {opened && <InviteForm orgId={orgId} onCancel={onClose} onSent={onSent} />}
    </Modal>
  );
}

function InviteForm({ orgId, onCancel, onSent }: { orgId: string; onCancel: () => void; onSent: () => void }) {
  const queryClient = useQueryClient();
  const { membership } = useMembership(orgId);
  const roles = useRoles(orgId);
  const grantable = sortRoles(roles.data ?? []).filter((r) => canGrant(r, membership));
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [chosenRole, setRoleId] = useState<string | null>(null);
  // Member is the usual choice; fall back to the least privileged role the inviter may grant
  const roleId = chosenRole ?? (grantable.find((r) => r.name === 'Member') ?? grantable.at(-1))?.id ?? null;

  const invite = useMutation({
    mutationFn: () =>
      client.orgs.inviteMember(orgId, { email: email.trim(), role_id: roleId!, ...(fullName.trim() ? { full_name: fullName.trim() } : {}) }, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: async (invitation) => {
      await queryClient.invalidateQueries({ queryKey: invitationsKey(orgId) });
      notifySuccess(`Invitation sent to ${invitation.email}`);
      onSent();
    },
  });
  const pendingId = isProblem(invite.error, 'invitation.pending_exists') ? (invite.error.meta.invitation_id as string | undefined) : undefined;
  const resend = useMutation({
    mutationFn: (id: string) => client.orgs.resendInvitation(orgId, id),
    onSuccess: async (invitation) => {
      await queryClient.invalidateQueries({ queryKey: invitationsKey(orgId) });
      notifySuccess(`A new link went to ${invitation.email}`);
      onSent();
    },
    onError: notifyError,
  });

  const errors = fieldErrors(invite.error);
  const emailError =
    errors.email ??
    (isProblem(invite.error, 'invitation.already_member') ? 'This person is already a member of the organization.' : undefined) ??
    (pendingId ? (
      <>
        An invitation to this email is already pending.{' '}
        <Anchor component="button" type="button" size="xs" onClick={() => resend.mutate(pendingId)} disabled={resend.isPending}>Resend it</Anchor>
      </>
    ) : isProblem(invite.error, 'invitation.pending_exists') ? 'An invitation to this email is already pending.' : undefined);
  const roleError = errors.role_id ?? (roles.isError ? problemMessage(roles.error) : roles.data && !grantable.length ? 'There is no role you may grant.' : undefined);

  return (
    <form onSubmit={(e) => { e.preventDefault(); if (roleId) invite.mutate(); }}>
      <Stack>
        <TextInput
          label="Email"
          type="email"
          required
          data-autofocus
          autoComplete="off"
          value={email}
          onChange={(e) => { setEmail(e.currentTarget.value); if (invite.error) invite.reset(); }}
          error={emailError}
        />
        <TextInput
          label="Full name"
          description="Optional: shown beside the email in this list"
          maxLength={200}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          error={errors.full_name}
        />
        <Select
          label="Role"
          required
          placeholder={roles.isLoading ? 'Loading roles…' : 'Choose a role'}
          data={grantable.map((r) => ({ value: r.id, label: r.name }))}
          value={roleId}
          onChange={setRoleId}
          allowDeselect={false}
          disabled={!grantable.length}
          error={roleError}
          comboboxProps={{ withinPortal: true }}
        />
        {!emailError && !roleError && !errors.full_name && <FormError error={invite.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={invite.isPending} disabled={!roleId}>Send invitation</Button>
        </Group>
      </Stack>
    </form>
  );
}

// A signed-in visitor accepts with one click, provided they are signed in as the invited address.
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { InvitationPreview, Me } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { isProblem } from '../../../api/problems';
import { FormError } from '../../../components/states';
import { notifySuccess } from '../../../components/notify';
import { useSession } from '../../../session/session';

export function AcceptAsMember({ token, invitation, me }: { token: string; invitation: InvitationPreview; me: Me }) {
  const { signOut } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const accept = useMutation({
    mutationFn: () => client.invitations.accept({ token }),
    onSuccess: async ({ organization, role_name }) => {
      // the new membership must be in `me` before its pages check permissions
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      notifySuccess(`You joined ${organization.name} as ${role_name}.`);
      navigate(`/orgs/${organization.id}/members`);
    },
  });
  const logOut = useMutation({ mutationFn: signOut });

  if (me.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Signed in with another email">
        <Stack gap="sm" align="flex-start">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            You are signed in as <strong>{me.email}</strong>, but this invitation was sent to <strong>{invitation.email}</strong>. Log out,
            then log in or create an account with the invited address.
          </Text>
          <Button size="xs" variant="default" onClick={() => logOut.mutate()} loading={logOut.isPending}>
            Log out
          </Button>
        </Stack>
      </Alert>
    );
  }

  const alreadyMember = isProblem(accept.error, 'invitation.already_member');
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        Signed in as <strong>{me.email}</strong>.
      </Text>
      <FormError error={accept.error} />
      {alreadyMember ? (
        <Button component={Link} to="/">Go to dashboard</Button>
      ) : (
        <Button onClick={() => accept.mutate()} loading={accept.isPending} fullWidth>
          Accept invitation
        </Button>
      )}
      <Text size="sm" ta="center">
        <Anchor component={Link} to="/">Not now</Anchor>
      </Text>
    </Stack>
  );
}

// Who you are: email (and whether it is verified), your name, and the organizations you belong to.
import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '../../api/client';
import { fieldErrors } from '../../api/problems';
import { notifyError, notifySuccess } from '../../components/notify';
import { FormError } from '../../components/states';
import { useMe } from '../../session/session';
import { MembershipsList } from './memberships-list';
import { RelativeTime } from '../../components/dates';

export function ProfileTab() {
  const me = useMe();
  return (
    <Stack gap="lg" maw={720}>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Group gap="xs" wrap="wrap">
            <Title order={3} size="h4">Profile</Title>
            {me.is_superuser && <Badge color="grape" variant="light">Superuser</Badge>}
          </Group>
          <EmailRow />
          <NameForm />
          <div>
            <Text size="sm" fw={500}>Member since</Text>
            <Group gap={6} wrap="wrap">
              <Text size="sm">{new Date(me.created_at).toLocaleDateString(undefined, { dateStyle: 'long' })}</Text>
              <Text size="sm" c="dimmed">·</Text>
              <Text size="sm" c="dimmed" component="span"><RelativeTime value={me.created_at} /></Text>
            </Group>
          </div>
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <Title order={3} size="h4" mb="sm">Organizations</Title>
        <MembershipsList memberships={me.memberships} />
      </Paper>
    </Stack>
  );
}

function EmailRow() {
  const me = useMe();
  const resend = useMutation({
    mutationFn: () => client.auth.resendVerification(),
    onSuccess: () => notifySuccess(`We sent a new verification link to ${me.email}.`),
    onError: notifyError,
  });
  return (
    <div>
      <Text size="sm" fw={500}>Email</Text>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{me.email}</Text>
        {me.email_verified ? (
          <Badge color="green" variant="light">Verified</Badge>
        ) : (
          <Badge color="orange" variant="light">Unverified</Badge>
        )}
      </Group>
      {!me.email_verified && (
        <Group gap="xs" mt="xs" wrap="wrap">
          <Text size="sm" c="dimmed">Follow the link we emailed you to confirm this address.</Text>
          <Button size="xs" variant="light" leftSection={<IconMailForward size={14} />} loading={resend.isPending} onClick={() => resend.mutate()}>
            Resend verification email
          </Button>
        </Group>
      )}
    </div>
  );
}

function NameForm() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.full_name);
  const save = useMutation({
    mutationFn: () => client.auth.updateProfile({ full_name: name.trim() }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['me'], updated);
      setName(updated.full_name);
      notifySuccess('Your name was saved.');
    },
  });
  const errors = fieldErrors(save.error);
  const unchanged = name.trim() === me.full_name;

  return (
    <form onSubmit={(e) => { e.preventDefault(); if (!unchanged) save.mutate(); }} aria-label="Your name">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Full name"
            autoComplete="name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => { setName(e.currentTarget.value); if (save.error) save.reset(); }}
            error={errors.full_name}
            style={{ flex: '1 1 240px' }}
          />
          <Button type="submit" loading={save.isPending} disabled={unchanged || !name.trim()}>Save</Button>
        </Group>
        {!errors.full_name && <FormError error={save.error} />}
      </Stack>
    </form>
  );
}

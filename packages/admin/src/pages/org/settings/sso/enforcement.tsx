// Requiring SSO: members at a verified domain must sign in through the IdP, and turning it on ends
// their password sessions at once. The confirmation names who that is (one page of 200 members);
// Owners keep a password + two-factor break-glass login and their sessions.
import { useState } from 'react';
import { List, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Organization } from '@saasready/sdk/client';
import { client } from '../../../../api/client';
import { ConfirmModal } from '../../../../components/confirm-modal';
import { notifySuccess } from '../../../../components/notify';
import { FormError } from '../../../../components/states';
import { useMembership } from '../../../../session/session';
import { organizationKey } from '../keys';
import { connectionsKey, domainsKey } from './keys';

export function Enforcement({ org }: { org: Organization }) {
  const { can } = useMembership(org.id);
  const queryClient = useQueryClient();
  const required = org.settings.sso_required === true;
  const connections = useQuery({ queryKey: connectionsKey(org.id), queryFn: () => client.sso.listConnections(org.id) });
  const domains = useQuery({ queryKey: domainsKey(org.id), queryFn: () => client.sso.listDomains(org.id) });
  const verified = (domains.data ?? []).filter((d) => d.status === 'verified').map((d) => d.domain);
  const ready = verified.length > 0 && (connections.data ?? []).some((c) => c.enabled);
  const [confirmOn, setConfirmOn] = useState(false);

  const affected = useQuery({
    queryKey: ['org', org.id, 'members', 'sso-affected', verified],
    queryFn: async () => {
      const page = await client.orgs.listMembers(org.id, { status: 'active', limit: 200 });
      const atDomains = [...page].filter((m) => verified.includes(m.user_email.slice(m.user_email.lastIndexOf('@') + 1).toLowerCase()));
      return {
        members: atDomains.filter((m) => m.role_name !== 'Owner'),
        ownersWithout2fa: atDomains.filter((m) => m.role_name === 'Owner' && !m.two_factor_enabled).length,
        more: page.nextCursor !== null,
      };
    },
    enabled: confirmOn && can('user.read'),
  });

  const toggle = useMutation({
    mutationFn: (sso_required: boolean) => client.orgs.updateSettings(org.id, { sso_required }),
    onSuccess: (saved) => {
      queryClient.setQueryData(organizationKey(org.id), saved);
      notifySuccess(saved.settings.sso_required === true ? 'SSO is now required' : 'SSO is now optional');
    },
  });
  const mayChange = can('org.settings');
  const checked = toggle.isPending ? toggle.variables : required;
  const shown = affected.data?.members.slice(0, 8) ?? [];

  return (
    <Stack gap="xs" aria-label="SSO enforcement" component="section">
      <Text fw={600}>Enforcement</Text>
      <Switch
        label="Require SSO"
        description="Members whose email is at a verified domain must sign in through your identity provider; their password logins are refused. Owners keep a password + two-factor break-glass login."
        checked={checked}
        disabled={!mayChange || toggle.isPending || (!required && !ready)}
        onChange={(e) => (e.currentTarget.checked ? setConfirmOn(true) : toggle.mutate(false))}
      />
      {!required && !ready && <Text size="sm" c="dimmed">Needs an enabled connection and a verified domain first.</Text>}
      {!mayChange && <Text size="sm" c="dimmed">Changing this needs the <strong>org.settings</strong> permission.</Text>}
      <ConfirmModal opened={confirmOn} title={`Require SSO in ${org.name}?`} confirmLabel="Require SSO" onConfirm={() => toggle.mutateAsync(true)} onClose={() => setConfirmOn(false)}>
        {affected.data ? (
          affected.data.members.length === 0 && !affected.data.more ? (
            <>No member other than Owners has an email at {verified.join(', ')}: nobody is signed out. </>
          ) : (
            <>
              <strong>
                {affected.data.members.length}
                {affected.data.more ? ' or more' : ''} {affected.data.members.length === 1 && !affected.data.more ? 'member' : 'members'}
              </strong>{' '}
              at {verified.join(', ')} will be signed out of the sessions they opened with a password, at once, and from now on sign in through SSO only:
              <List size="sm" my="xs">
                {shown.map((m) => <List.Item key={m.id}>{m.user_email} ({m.role_name})</List.Item>)}
                {affected.data.members.length > shown.length && <List.Item>and {affected.data.members.length - shown.length} more</List.Item>}
              </List>
            </>
          )
        ) : (
          <>Every member (except Owners) whose email is at {verified.join(', ') || 'a verified domain'} is signed out of their password sessions at once and must then sign in through SSO. </>
        )}
        Owners keep their sessions and may still log in with their password and two-factor authentication (audited).
        {affected.data && affected.data.ownersWithout2fa > 0 && (
          <> <strong>{affected.data.ownersWithout2fa} Owner(s) without two-factor</strong> could then only sign in through SSO.</>
        )}
      </ConfirmModal>
      <FormError error={toggle.error} />
    </Stack>
  );
}

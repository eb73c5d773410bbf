// The organization's two-factor policy. Whoever turns it on must have two-factor themselves (the
// server refuses otherwise, so nobody locks themselves out); the refusal is shown under the switch.
import { useState } from 'react';
import { Anchor, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Organization } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { notifySuccess } from '../../../components/notify';
import { FormError } from '../../../components/states';
import { useMe, useMembership } from '../../../session/session';
import { organizationKey } from './keys';
import { Section } from './section';
import { ConfirmModal } from '../../../components/confirm-modal';

export function SecuritySection({ org }: { org: Organization }) {
  const me = useMe();
  const { can } = useMembership(org.id);
  const queryClient = useQueryClient();
  const required = org.settings.require_2fa === true;

  const toggle = useMutation({
    mutationFn: (require_2fa: boolean) => client.orgs.update(org.id, { settings: { require_2fa } }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(organizationKey(org.id), saved);
      // members' `require_2fa` and the "set up two-factor" banner come from the session
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      notifySuccess(saved.settings.require_2fa === true ? 'Two-factor authentication is now required' : 'Two-factor authentication is now optional');
    },
  });
  const mayChange = can('org.settings');
  // turning the requirement on locks members out until they enrol: ask first; turning it off is harmless
  const [confirmOn, setConfirmOn] = useState(false);
  // who would be locked out: active members without two-factor (one page of 200 says how many, or "200+")
  const lacking = useQuery({
    queryKey: ['org', org.id, 'members', 'without-2fa'],
    queryFn: async () => {
      const page = await client.orgs.listMembers(org.id, { status: 'active', limit: 200 });
      return { count: [...page].filter((m) => !m.two_factor_enabled).length, more: page.nextCursor !== null };
    },
    enabled: confirmOn && can('user.read'),
  });
  const checked = toggle.isPending ? toggle.variables : required;

  return (
    <Section title="Security">
      <Stack gap="xs">
        <Switch
          label="Require two-factor authentication"
          description="Members without two-factor authentication lose access to this organization until they set it up."
          checked={checked}
          disabled={!mayChange || toggle.isPending}
          onChange={(e) => (e.currentTarget.checked ? setConfirmOn(true) : toggle.mutate(false))}
        />
        <ConfirmModal
          opened={confirmOn}
          title={`Require two-factor authentication in ${org.name}?`}
          confirmLabel="Require two-factor"
          onConfirm={() => toggle.mutateAsync(true)}
          onClose={() => setConfirmOn(false)}
        >
          {lacking.data ? (
            lacking.data.count === 0 && !lacking.data.more ? (
              <>Every active member of {org.name} already uses two-factor authentication: nobody is locked out. </>
            ) : (
              <>
                <strong>
                  {lacking.data.count}
                  {lacking.data.more ? ' or more' : ''} {lacking.data.count === 1 && !lacking.data.more ? 'member has' : 'members have'} not set up
                  two-factor authentication
                </strong>{' '}
                and will lose access to {org.name} at once, until they set it up from their account page.{' '}
              </>
            )
          ) : (
            <>Every member of {org.name} who has not set up two-factor authentication loses access to {org.name} at once, until they set it up from their account page. </>
          )}
          Their accounts and other organizations are not affected. Tell your members before you turn this on.
        </ConfirmModal>
        {!mayChange && <Text size="sm" c="dimmed">Changing this needs the <strong>org.settings</strong> permission.</Text>}
        {mayChange && !required && !me.two_factor_enabled && (
          <Text size="sm" c="dimmed">
            You need two-factor authentication on your own account first.{' '}
            <Anchor component={Link} to="/account?tab=2fa" size="sm">Set it up</Anchor>
          </Text>
        )}
        <FormError error={toggle.error} />
      </Stack>
    </Section>
  );
}

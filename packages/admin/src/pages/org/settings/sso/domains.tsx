// Domains: claim one, publish the TXT record shown, verify it. A verified domain is what lets SSO
// sign people in (the IdP speaks only for these) and what the login page's lookup finds.
import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Domain } from '@saasready/sdk/client';
import { client } from '../../../../api/client';
import { fieldErrors } from '../../../../api/problems';
import { ConfirmModal } from '../../../../components/confirm-modal';
import { notifySuccess } from '../../../../components/notify';
import { ErrorState, FormError, Loading } from '../../../../components/states';
import { CopyField } from './copy-field';
import { domainsKey } from './keys';

export function Domains({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const domains = useQuery({ queryKey: domainsKey(orgId), queryFn: () => client.sso.listDomains(orgId) });
  const [domain, setDomain] = useState('');
  const [removing, setRemoving] = useState<Domain | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: domainsKey(orgId) });
  const add = useMutation({
    mutationFn: () => client.sso.addDomain(orgId, domain.trim()),
    onSuccess: async () => {
      setDomain('');
      await refresh();
    },
  });

  return (
    <Stack gap="sm" aria-label="Domains" component="section">
      <Text fw={600}>Domains</Text>
      <Text size="sm" c="dimmed">
        SSO signs in only people whose email is at one of this organization’s verified domains, and the login page offers SSO to them.
      </Text>
      <form onSubmit={(e) => { e.preventDefault(); add.mutate(); }} aria-label="Add domain">
        <Group align="flex-start" gap="xs">
          <TextInput placeholder="acme.com" aria-label="Domain" value={domain} onChange={(e) => setDomain(e.currentTarget.value)} error={fieldErrors(add.error).domain} style={{ flex: 1 }} />
          <Button type="submit" loading={add.isPending} disabled={!domain.trim()}>Add domain</Button>
        </Group>
        {!fieldErrors(add.error).domain && <FormError error={add.error} />}
      </form>
      {domains.isError ? (
        <ErrorState error={domains.error} onRetry={() => void domains.refetch()} />
      ) : !domains.data ? (
        <Loading label="Loading domains…" />
      ) : (
        domains.data.map((d) => <DomainRow key={d.id} orgId={orgId} domain={d} onRemove={() => setRemoving(d)} onChanged={refresh} />)
      )}
      <ConfirmModal
        opened={removing !== null}
        title={`Remove ${removing?.domain ?? 'this domain'}?`}
        confirmLabel="Remove domain"
        onConfirm={async () => {
          await client.sso.removeDomain(orgId, removing!.id);
          await refresh();
          notifySuccess(`${removing!.domain} removed`);
        }}
        onClose={() => setRemoving(null)}
      >
        People at {removing?.domain} can no longer sign in through this organization’s SSO, and SSO enforcement no longer applies to them.
      </ConfirmModal>
    </Stack>
  );
}

function DomainRow({ orgId, domain, onRemove, onChanged }: { orgId: string; domain: Domain; onRemove: () => void; onChanged: () => Promise<unknown> }) {
  const verify = useMutation({
    mutationFn: () => client.sso.verifyDomain(orgId, domain.id),
    onSuccess: async () => {
      notifySuccess(`${domain.domain} is verified`);
      await onChanged();
    },
  });
  const verified = domain.status === 'verified';
  return (
    <Paper withBorder p="sm" aria-label={`Domain ${domain.domain}`} component="article">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={500}>{domain.domain}</Text>
            <Badge color={verified ? 'green' : 'yellow'} variant="light">{verified ? 'Verified' : 'Pending'}</Badge>
          </Group>
          <Group gap="xs">
            {!verified && <Button size="xs" onClick={() => verify.mutate()} loading={verify.isPending}>Verify</Button>}
            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={onRemove}>Remove</Button>
          </Group>
        </Group>
        {!verified && (
          <>
            <Text size="sm">Publish this TXT record in {domain.domain}’s DNS, then press Verify (DNS changes can take a few minutes to show).</Text>
            <CopyField label="TXT record name" value={domain.verification.name} />
            <CopyField label="TXT record value" value={domain.verification.value} />
            <FormError error={verify.error} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

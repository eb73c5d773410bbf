// The hash-chain check: every row's hash covers the previous one, so an edited, removed or reordered
// row shows up as the first broken link.
import { Badge, Button, Group, Loader, Text } from '@mantine/core';
import { IconRefresh, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { client } from '../../../api/client';
import { problemMessage } from '../../../api/problems';

export function ChainStatus({ orgId }: { orgId: string }) {
  const verify = useQuery({
    queryKey: ['org', orgId, 'audit', 'verify'],
    queryFn: () => client.orgs.verifyAuditLogs(orgId),
    staleTime: 60_000,
  });

  return (
    <Group gap="sm" mb="md" wrap="wrap" role="status" aria-live="polite">
      {verify.isPending ? (
        <Badge size="lg" tt="none" variant="light" color="gray" leftSection={<Loader size={12} color="gray" />}>Verifying chain…</Badge>
      ) : verify.isError ? (
        <>
          <Badge size="lg" tt="none" variant="light" color="orange">Could not verify the chain</Badge>
          <Text size="sm" c="dimmed">{problemMessage(verify.error)}</Text>
        </>
      ) : verify.data.ok ? (
        <Badge size="lg" tt="none" variant="light" color="green" leftSection={<IconShieldCheck size={14} />}>
          Chain verified ({verify.data.checked.toLocaleString()} {verify.data.checked === 1 ? 'entry' : 'entries'})
        </Badge>
      ) : (
        <>
          <Badge size="lg" tt="none" variant="filled" color="red" leftSection={<IconShieldX size={14} />}>
            Chain broken at entry #{verify.data.first_broken?.seq ?? '?'}
          </Badge>
          {verify.data.first_broken && (
            <Text size="sm" c="red">
              {verify.data.first_broken.reason} (event {verify.data.first_broken.id})
            </Text>
          )}
        </>
      )}
      <Button
        size="xs"
        variant="default"
        leftSection={<IconRefresh size={14} />}
        loading={verify.isFetching && !verify.isPending}
        disabled={verify.isPending}
        onClick={() => void verify.refetch()}
      >
        Verify again
      </Button>
    </Group>
  );
}

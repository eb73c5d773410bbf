// The organization's audit log: filter, page through, open one event, export, and check the chain.
import { useState } from 'react';
import { Button, Center, Stack, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { AuditLog } from '@saasready/sdk/client';
import { client } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useMembership } from '../../session/session';
import { MissingPermission } from '../../components/forbidden';
import { AuditDrawer } from './audit/audit-drawer';
import { AuditFilterBar } from './audit/audit-filter-bar';
import { AuditTable } from './audit/audit-table';
import { ChainStatus } from './audit/chain-status';
import { ExportButtons } from './audit/export-buttons';
import { hasFilters, toQuery, useAuditFilters } from './audit/filters';
import { useMemberDirectory } from './audit/use-member-directory';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { orgId = '' } = useParams<{ orgId: string }>();
  const { can, membership } = useMembership(orgId);
  if (!can('audit.read')) {
    return <MissingPermission title="Audit log" membership={membership} permission="audit.read" doing="read the audit log" />;
  }
  return <AuditLogView orgId={orgId} />;
}

function AuditLogView({ orgId }: { orgId: string }) {
  const { can } = useMembership(orgId);
  // names for the sentences (the actor filter shares this query)
  const { byUserId } = useMemberDirectory(orgId, can('user.read'));
  const [filters, setFilters] = useAuditFilters();
  const [open, setOpen] = useState<AuditLog | null>(null);
  const query = toQuery(filters);

  const logs = useInfiniteQuery({
    queryKey: ['org', orgId, 'audit', 'logs', query],
    // the cursor travels on the page array as a hidden property, which query caching does not keep
    queryFn: async ({ pageParam }) => {
      const page = await client.orgs.listAuditLogs(orgId, { ...query, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) });
      return { items: [...page], nextCursor: page.nextCursor };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // while a new filter loads, the previous rows stay (dimmed) instead of flashing a spinner
    placeholderData: keepPreviousData,
  });
  const rows = logs.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every security-relevant change in this organization, newest first. Entries cannot be edited or deleted."
        actions={<ExportButtons orgId={orgId} query={query} />}
      />
      <ChainStatus orgId={orgId} />
      <AuditFilterBar orgId={orgId} filters={filters} onChange={setFilters} />
      {!logs.data ? (
        logs.isError ? <ErrorState error={logs.error} onRetry={() => void logs.refetch()} /> : <Loading label="Loading audit log…" />
      ) : rows.length === 0 ? (
        <EmptyState title={hasFilters(filters) ? 'No events match these filters' : 'No audit events yet'}>
          {hasFilters(filters) ? 'Try a wider time range or another action.' : 'Changes to members, roles, keys and settings will appear here.'}
        </EmptyState>
      ) : (
        <Stack gap="sm" style={{ opacity: logs.isPlaceholderData ? 0.6 : 1 }} aria-busy={logs.isPlaceholderData}>
          <AuditTable logs={rows} directory={byUserId} onOpen={setOpen} />
          {logs.isFetchNextPageError && <ErrorState error={logs.error} onRetry={() => void logs.fetchNextPage()} />}
          <Center>
            {logs.hasNextPage ? (
              <Button variant="default" loading={logs.isFetchingNextPage} onClick={() => void logs.fetchNextPage()}>
                Load more
              </Button>
            ) : (
              <Text size="sm" c="dimmed">{rows.length === 1 ? '1 event' : `${rows.length} events`} · end of the log</Text>
            )}
          </Center>
        </Stack>
      )}
      <AuditDrawer log={open} directory={byUserId} onClose={() => setOpen(null)} />
    </>
  );
}

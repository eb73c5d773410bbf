// The organization's members: search and filter, page through (keyset "Load more"), and — for those
// with `user.manage` — change roles, suspend, reactivate and remove.
import { Button, Center, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSend } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ListMembersQuery, Member } from '@saasready/sdk/client';
import { client } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useMembership } from '../../session/session';
import { MissingPermission } from '../../components/forbidden';
import { hasFilters, isMemberSort, MemberFilterBar, type MemberFilters } from './members/filters';
import { memberPagesKey } from './members/keys';
import type { RoleOption } from './members/member-role-select';
import { MembersTable } from './members/members-table';
import { canGrant, sortRoles, useRoles } from './roles/use-roles';

const PAGE_SIZE = 50;

export function MembersPage() {
  const { orgId = '' } = useParams<{ orgId: string }>();
  const { can, membership } = useMembership(orgId);
  if (!can('user.read')) return <MissingPermission title="Members" membership={membership} permission="user.read" doing="see the members" />;
  return <MembersView orgId={orgId} />;
}

function MembersView({ orgId }: { orgId: string }) {
  const { can, membership } = useMembership(orgId);
  const [filters, setFilters] = useMemberFilters();
  const [search] = useDebouncedValue(filters.search.trim(), 300);
  const query: ListMembersQuery = {
    ...(search ? { search } : {}),
    ...(filters.roleId ? { role_id: filters.roleId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.sort ? { sort: filters.sort } : {}),
  };

  const members = useInfiniteQuery({
    queryKey: memberPagesKey(orgId, query),
    // the page's cursor is a property of the returned array, which the query cache would not keep
    queryFn: async ({ pageParam }) => {
      const page = await client.orgs.listMembers(orgId, { ...query, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) });
      return { items: [...page], nextCursor: page.nextCursor };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
  const rows = members.data?.pages.flatMap((p) => p.items) ?? [];

  const roles = useRoles(orgId, can('role.read'));
  const roleOptions: RoleOption[] = roles.data
    ? sortRoles(roles.data).map((r) => ({ value: r.id, label: r.name, disabled: !canGrant(r, membership) }))
    : rolesSeenIn(rows);

  return (
    <>
      <PageHeader
        title="Members"
        description={`People with access to ${membership?.organization_name ?? 'this organization'}.`}
        actions={can('user.invite') && (
          <Button component={Link} to={`/orgs/${orgId}/invitations?invite=1`} leftSection={<IconSend size={16} />} variant="light">
            Invite people
          </Button>
        )}
      />
      <MemberFilterBar filters={filters} onChange={setFilters} roleOptions={roleOptions.map(({ value, label }) => ({ value, label }))} />
      {!members.data ? (
        members.isError ? <ErrorState error={members.error} onRetry={() => void members.refetch()} /> : <Loading label="Loading members…" />
      ) : rows.length === 0 ? (
        <EmptyState title={hasFilters(filters) ? 'No members match' : 'No members yet'}>
          {hasFilters(filters) ? 'Try another search, role or status.' : 'Invite people to start working together.'}
        </EmptyState>
      ) : (
        <Stack gap="sm" style={{ opacity: members.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }} aria-busy={members.isPlaceholderData}>
          <MembersTable orgId={orgId} members={rows} viewer={membership} canManage={can('user.manage')} roleOptions={roleOptions} />
          {members.isFetchNextPageError && <ErrorState error={members.error} onRetry={() => void members.fetchNextPage()} />}
          <Center>
            {members.hasNextPage ? (
              <Button variant="default" loading={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()}>Load more</Button>
            ) : (
              <Text size="sm" c="dimmed">{rows.length === 1 ? '1 member' : `${rows.length} members`}</Text>
            )}
          </Center>
        </Stack>
      )}
    </>
  );
}

/** Without `role.read` the role list is unknown: offer the roles the loaded members hold. */
function rolesSeenIn(members: Member[]): RoleOption[] {
  const seen = new Map(members.map((m) => [m.role_id, m.role_name]));
  return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The filters and the order live in the address (`?q=ann&role=…&status=suspended&sort=name`): a reload,
 * the back button and a shared link keep them. Each change replaces the entry, so Back leaves the page
 * instead of undoing a keystroke.
 */
function useMemberFilters(): [MemberFilters, (next: MemberFilters) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const sort = params.get('sort');
  const filters: MemberFilters = {
    search: params.get('q') ?? '',
    roleId: params.get('role') || null,
    status: status === 'active' || status === 'suspended' ? status : null,
    sort: isMemberSort(sort) && sort !== 'joined' ? sort : null,
  };
  const update = (next: MemberFilters) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        for (const [key, value] of [['q', next.search], ['role', next.roleId], ['status', next.status], ['sort', next.sort]] as const) {
          if (value) out.set(key, value);
          else out.delete(key);
        }
        return out;
      },
      { replace: true },
    );
  return [filters, update];
}

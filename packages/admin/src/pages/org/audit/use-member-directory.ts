// Members of an organization by user id, to show people instead of ids (audit actors, key creators).
// One page of 200 covers most organizations; beyond that, unknown ids fall back to a short id.
import { useQuery } from '@tanstack/react-query';
import type { Member } from '@saasready/sdk/client';
import { client } from '../../../api/client';

const LIMIT = 200;

export function useMemberDirectory(orgId: string, enabled = true) {
  const query = useQuery({
    queryKey: ['org', orgId, 'members', 'directory'],
    queryFn: async () => [...(await client.orgs.listMembers(orgId, { limit: LIMIT }))],
    enabled,
    staleTime: 60_000,
  });
  const byUserId = new Map<string, Member>((query.data ?? []).map((m) => [m.user_id, m]));
  return { members: query.data, byUserId, isLoading: query.isLoading, error: query.error };
}

// UUIDv7s share their leading (time) digits: the tail is what tells two ids apart
export const shortId = (id: string) => `…${id.slice(-8)}`;

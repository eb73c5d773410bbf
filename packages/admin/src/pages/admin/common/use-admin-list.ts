// A superuser listing: search (applied after a pause in typing) and keyset pages behind "Load more".
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AdminListQuery, Page } from '@saasready/sdk/client';

const PAGE_SIZE = 50;

export function useAdminList<T>(name: 'users' | 'organizations', fetchPage: (query: AdminListQuery) => Promise<Page<T>>) {
  // the search starts from the address (`?q=`), where the command palette sends a superuser
  const [params] = useSearchParams();
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const query = useInfiniteQuery({
    queryKey: ['admin', name, { search: debounced }],
    // the cursor travels on the page array as a hidden property, which query caching does not keep
    queryFn: async ({ pageParam }) => {
      const page = await fetchPage({ limit: PAGE_SIZE, ...(debounced ? { search: debounced } : {}), ...(pageParam ? { cursor: pageParam } : {}) });
      return { items: [...page], nextCursor: page.nextCursor };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.pages.flatMap((p) => p.items);
  return { search, setSearch, searching: debounced !== '', rows, query };
}

import type { QueryClient } from '@tanstack/react-query';

export const globalFlagsKey = ['admin', 'feature-flags'] as const;

/** A global rule change also changes what every organization's flag page shows. */
export const invalidateFlags = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: globalFlagsKey }),
    queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'org' && q.queryKey[2] === 'feature-flags' }),
  ]);

import { Button, Center, Text } from '@mantine/core';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { ErrorState } from '../../../components/states';

/** The foot of a cursor-paginated table: "Load more", or how many rows there are in all. */
export function LoadMore({ query, count, noun }: { query: UseInfiniteQueryResult; count: number; noun: [string, string] }) {
  return (
    <>
      {query.isFetchNextPageError && <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} />}
      <Center mt="sm">
        {query.hasNextPage ? (
          <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Load more
          </Button>
        ) : (
          <Text size="sm" c="dimmed">{count === 1 ? `1 ${noun[0]}` : `${count} ${noun[1]}`}</Text>
        )}
      </Center>
    </>
  );
}

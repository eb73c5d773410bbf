// The shape of both superuser listings: a search box, a table, cursor pages, and the usual states.
import type { ReactNode } from 'react';
import { Table, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { AdminListQuery, Page } from '@saasready/sdk/client';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { LoadMore } from './load-more';
import { SuperuserOnly } from './superuser-only';
import { useAdminList } from './use-admin-list';

interface Props<T> {
  kind: 'users' | 'organizations';
  title: string;
  description: string;
  fetchPage: (query: AdminListQuery) => Promise<Page<T>>;
  search: { label: string; placeholder: string; hint: string };
  /** [singular, plural] */
  noun: [string, string];
  columns: string[];
  minWidth: number;
  row: (item: T) => ReactNode;
}

export function AdminListPage<T extends { id: string }>(props: Props<T>) {
  return (
    <SuperuserOnly title={props.title}>
      <AdminList {...props} />
    </SuperuserOnly>
  );
}

function AdminList<T extends { id: string }>({ kind, title, description, fetchPage, search: copy, noun, columns, minWidth, row }: Props<T>) {
  const { search, setSearch, searching, rows, query } = useAdminList(kind, fetchPage);
  return (
    <>
      <PageHeader title={title} description={description} />
      <TextInput
        label={copy.label}
        placeholder={copy.placeholder}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maxLength={200}
        mb="md"
        maw={420}
      />
      {!rows ? (
        query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <Loading label={`Loading ${noun[1]}…`} />
      ) : rows.length === 0 ? (
        <EmptyState title={searching ? `No ${noun[0]} matches` : `No ${noun[1]} yet`}>{searching ? copy.hint : undefined}</EmptyState>
      ) : (
        <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }} aria-busy={query.isPlaceholderData}>
          <Table.ScrollContainer minWidth={minWidth}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => <Table.Th key={column}>{column}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((item) => <Table.Tr key={item.id}>{row(item)}</Table.Tr>)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore query={query} count={rows.length} noun={noun} />
        </div>
      )}
    </>
  );
}

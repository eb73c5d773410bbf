// Search (debounced by the page), role and status filters above the member table.
import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

export interface MemberFilters {
  search: string;
  roleId: string | null;
  status: 'active' | 'suspended' | null;
  /** the server's order (`sort`); join order when null */
  sort: MemberSort | null;
}

export type MemberSort = 'joined' | '-joined' | 'name' | '-name' | 'role' | '-role' | 'last_active' | '-last_active';

export const SORT_OPTIONS: { value: MemberSort; label: string }[] = [
  { value: 'joined', label: 'Joined, oldest first' },
  { value: '-joined', label: 'Joined, newest first' },
  { value: 'name', label: 'Name, A–Z' },
  { value: '-name', label: 'Name, Z–A' },
  { value: 'role', label: 'Role, A–Z' },
  { value: '-role', label: 'Role, Z–A' },
  { value: '-last_active', label: 'Last active, most recent first' },
  { value: 'last_active', label: 'Last active, longest ago first' },
];

export const isMemberSort = (value: string | null): value is MemberSort => SORT_OPTIONS.some((o) => o.value === value);

export const NO_FILTERS: MemberFilters = { search: '', roleId: null, status: null, sort: null };

export const hasFilters = (f: MemberFilters) => !!f.search.trim() || !!f.roleId || !!f.status;

export function MemberFilterBar({
  filters,
  onChange,
  roleOptions,
}: {
  filters: MemberFilters;
  onChange: (next: MemberFilters) => void;
  roleOptions: { value: string; label: string }[];
}) {
  return (
    <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
      <TextInput
        label="Search members"
        placeholder="Name or email"
        leftSection={<IconSearch size={16} />}
        type="search"
        value={filters.search}
        onChange={(e) => onChange({ ...filters, search: e.currentTarget.value })}
        style={{ flex: '1 1 16rem' }}
        maxLength={200}
      />
      {/* the selects share a line, also on a phone where the search takes its own */}
      <Group gap="sm" wrap="nowrap" style={{ flex: '0 1 24rem' }}>
        <Select
          label="Role"
          placeholder="Any role"
          data={roleOptions}
          value={filters.roleId}
          onChange={(roleId) => onChange({ ...filters, roleId })}
          clearable
          style={{ flex: 1 }}
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={[{ value: 'active', label: 'Active' }, { value: 'suspended', label: 'Suspended' }]}
          value={filters.status}
          onChange={(status) => onChange({ ...filters, status: status as MemberFilters['status'] })}
          clearable
          style={{ flex: 1 }}
        />
      </Group>
      <Select
        label="Sort by"
        data={SORT_OPTIONS}
        value={filters.sort ?? 'joined'}
        onChange={(sort) => onChange({ ...filters, sort: sort === 'joined' || !isMemberSort(sort) ? null : sort })}
        allowDeselect={false}
        style={{ flex: '0 1 16rem' }}
      />
    </Group>
  );
}

// Search (debounced by the page), role and status filters above the member table.
import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

export interface MemberFilters {
  search: string;
  roleId: string | null;
  status: 'active' | 'suspended' | null;
}

export const NO_FILTERS: MemberFilters = { search: '', roleId: null, status: null };

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
      {/* the two selects share a line, also on a phone where the search takes its own */}
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
    </Group>
  );
}

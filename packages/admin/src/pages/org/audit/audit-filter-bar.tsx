// The filter row above the audit table. Typing in "Action" applies after a short pause; the other
// filters apply at once. Invalid values are flagged here and left out of the request.
import { useId, useState } from 'react';
import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { filterErrors, hasFilters, type AuditFilters } from './filters';
import { ACTION_SUGGESTIONS } from './known-actions';
import { useMemberDirectory } from './use-member-directory';

interface Props {
  orgId: string;
  filters: AuditFilters;
  onChange: (next: Partial<AuditFilters>) => void;
}

export function AuditFilterBar({ orgId, filters, onChange }: Props) {
  const listId = useId();
  const [action, setAction] = useState(filters.action);
  const applyAction = useDebouncedCallback((value: string) => onChange({ action: value.trim() }), 350);
  const errors = filterErrors({ ...filters, action: action.trim() });

  const clear = () => {
    applyAction.cancel();
    setAction('');
    onChange({ action: '', actor: '', from: '', to: '' });
  };

  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm" style={{ flex: 1, minWidth: 0 }}>
        {/* a native datalist: suggestions without a second element answering to the "Action" label */}
        <TextInput
          label="Action"
          placeholder="e.g. user.*"
          list={listId}
          value={action}
          onChange={(e) => {
            setAction(e.currentTarget.value);
            applyAction(e.currentTarget.value);
          }}
          onKeyDown={(e) => e.key === 'Enter' && applyAction.flush()}
          error={errors.action}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
        />
        <ActorFilter orgId={orgId} value={filters.actor} error={errors.actor} onChange={(actor) => onChange({ actor })} />
        <TextInput label="From" type="datetime-local" value={filters.from} onChange={(e) => onChange({ from: e.currentTarget.value })} error={errors.from} />
        <TextInput label="To" type="datetime-local" value={filters.to} onChange={(e) => onChange({ to: e.currentTarget.value })} error={errors.to} />
      </SimpleGrid>
      <datalist id={listId}>
        {ACTION_SUGGESTIONS.map((a) => <option key={a} value={a} />)}
      </datalist>
      {(hasFilters(filters) || action) && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={clear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}

/** Members to choose from (a native select: long lists stay usable by typing, on phones too); when they cannot be listed (no `user.read`), a plain user-id field. */
function ActorFilter({ orgId, value, error, onChange }: { orgId: string; value: string; error?: string; onChange: (value: string) => void }) {
  const { members, error: loadError, isLoading } = useMemberDirectory(orgId);
  if (loadError) {
    return <TextInput label="Actor" placeholder="User id" value={value} onChange={(e) => onChange(e.currentTarget.value.trim())} error={error} spellCheck={false} />;
  }
  const options = (members ?? []).map((m) => ({ value: m.user_id, label: m.user_full_name ? `${m.user_full_name} (${m.user_email})` : m.user_email }));
  // a former member chosen through the address still needs an option to show
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return (
    <NativeSelect
      label="Actor"
      data={[{ value: '', label: isLoading ? 'Loading members…' : 'Anyone' }, ...options]}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

// The permission picker of the role form: one fieldset per area with an "all of them" checkbox.
// Permissions the editor lacks cannot be added (the server refuses escalation) but can be removed.
import { Checkbox, Code, Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Permission } from '@saasready/sdk/client';
import { groupPermissions } from './permission-groups';

export function PermissionChecklist({
  catalog,
  value,
  onChange,
  held,
  error,
}: {
  catalog: Permission[];
  value: string[];
  onChange: (next: string[]) => void;
  held: string[];
  error?: string | undefined;
}) {
  const chosen = new Set(value);
  const set = (keys: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const k of keys) if (on) next.add(k); else next.delete(k);
    onChange(catalog.map((p) => p.key).filter((k) => next.has(k)));
  };
  const allowed = (key: string) => held.includes(key) || chosen.has(key);

  return (
    <Stack gap="sm">
      <Text size="sm" fw={500}>Permissions <Text span c="dimmed" size="sm">({value.length} of {catalog.length})</Text></Text>
      {error && <Text size="sm" c="red" role="alert">{error}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {groupPermissions(catalog.map((p) => p.key), catalog).map((group) => {
          const keys = group.permissions.map((p) => p.key).filter(allowed);
          const on = keys.filter((k) => chosen.has(k)).length;
          return (
            <Fieldset key={group.area} legend={group.label} variant="filled" p="sm">
              <Stack gap="xs">
                {group.permissions.length > 1 && (
                  <Checkbox
                    label={<Text size="sm" fw={500}>All {group.label.toLowerCase()} permissions</Text>}
                    checked={keys.length > 0 && on === keys.length}
                    indeterminate={on > 0 && on < keys.length}
                    disabled={!keys.length}
                    onChange={(e) => set(keys, e.currentTarget.checked)}
                  />
                )}
                {group.permissions.map((p) => (
                  <Checkbox
                    key={p.key}
                    label={<Code>{p.key}</Code>}
                    description={allowed(p.key) ? p.description || undefined : `${p.description ? `${p.description}. ` : ''}You do not hold this permission.`}
                    checked={chosen.has(p.key)}
                    disabled={!allowed(p.key)}
                    onChange={(e) => set([p.key], e.currentTarget.checked)}
                  />
                ))}
              </Stack>
            </Fieldset>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

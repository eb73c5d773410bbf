// The create form: a name, some of the creator's own permissions, an optional expiry date.
import { useState } from 'react';
import { Button, Checkbox, Code, Group, ScrollArea, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { client } from '../../../api/client';
import { fieldErrors, isProblem } from '../../../api/problems';
import { ErrorState, FormError, Loading } from '../../../components/states';
import { useMembership } from '../../../session/session';
import { USER_ONLY_PERMISSIONS } from '@saasready/sdk/client';

export interface KeyBody {
  name: string;
  permissions: string[];
  expires_at?: string;
}

interface FormProps {
  orgId: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: KeyBody) => void;
}

export function KeyForm({ orgId, pending, error, onSubmit }: FormProps) {
  const { membership } = useMembership(orgId);
  const catalog = useQuery({ queryKey: ['permissions'], queryFn: () => client.orgs.listPermissions(), staleTime: Infinity });
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [expires, setExpires] = useState('');
  const [missingPermissions, setMissingPermissions] = useState(false);

  const held = new Set(membership?.permissions ?? []);
  // what a key may hold first; the people-only permissions last (the server refuses them for keys)
  const offered = (catalog.data ?? [])
    .filter((p) => held.has(p.key))
    .sort((a, b) => Number(USER_ONLY_PERMISSIONS.has(a.key)) - Number(USER_ONLY_PERMISSIONS.has(b.key)));
  const errors = fieldErrors(error);
  const expiryError = isProblem(error, 'api_key.expiry_in_past') ? 'Choose a date in the future' : errors.expires_at;
  const permissionsError = missingPermissions ? 'Choose at least one permission' : errors.permissions;
  const shownInline = errors.name || permissionsError || expiryError;

  const submit = () => {
    if (permissions.length === 0) return setMissingPermissions(true);
    // a date means "until the end of that day" in the viewer's time zone
    const expires_at = expires ? new Date(`${expires}T23:59:59.999`).toISOString() : undefined;
    onSubmit({ name: name.trim(), permissions, ...(expires_at ? { expires_at } : {}) });
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Stack>
        <TextInput label="Name" description="What uses this key, e.g. “CI deploys”" required maxLength={100} data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        {catalog.isPending ? (
          <Loading label="Loading permissions…" />
        ) : catalog.isError ? (
          <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} />
        ) : (
          <Checkbox.Group
            label="Permissions"
            description="A key can hold only permissions you have yourself."
            withAsterisk
            value={permissions}
            onChange={(next) => {
              setPermissions(next);
              setMissingPermissions(false);
            }}
            error={permissionsError}
          >
            <ScrollArea.Autosize mah={280} type="auto" mt="xs">
              <Stack gap="xs" pr="sm">
                {offered.map((p) => (
                  <Checkbox
                    key={p.key}
                    value={p.key}
                    label={<Code>{p.key}</Code>}
                    description={USER_ONLY_PERMISSIONS.has(p.key) ? `${p.description} — reserved to people; the server refuses it for keys.` : p.description}
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Checkbox.Group>
        )}
        <TextInput
          label="Expires"
          description="Optional. The key works until the end of this day; empty means it never expires."
          type="date"
          min={todayLocal()}
          value={expires}
          onChange={(e) => setExpires(e.currentTarget.value)}
          error={expiryError}
        />
        {!shownInline && <FormError error={error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={pending} disabled={!catalog.data}>Create key</Button>
        </Group>
      </Stack>
    </form>
  );
}

function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

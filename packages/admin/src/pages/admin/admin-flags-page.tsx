// Global feature flags (superusers only): the rule every organization starts from.
import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { FeatureFlag } from '@saasready/sdk/client';
import { client } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { SuperuserOnly } from './common/superuser-only';
import { DeleteFlagModal } from './flags/delete-flag-modal';
import { FlagFormModal } from './flags/flag-form-modal';
import { FlagsTable } from './flags/flags-table';
import { globalFlagsKey } from './flags/invalidate';

export function AdminFlagsPage() {
  return (
    <SuperuserOnly title="Global flags">
      <GlobalFlags />
    </SuperuserOnly>
  );
}

function GlobalFlags() {
  // undefined: closed; null: creating; a flag: editing it
  const [editing, setEditing] = useState<FeatureFlag | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<FeatureFlag | null>(null);
  const flags = useQuery({ queryKey: globalFlagsKey, queryFn: () => client.admin.listFlags() });

  return (
    <>
      <PageHeader
        title="Global flags"
        description="Each flag's default and rollout apply to every organization unless it overrides them."
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>Create flag</Button>}
      />
      {!flags.data ? (
        flags.isError ? <ErrorState error={flags.error} onRetry={() => void flags.refetch()} /> : <Loading label="Loading flags…" />
      ) : flags.data.length === 0 ? (
        <EmptyState title="No feature flags yet">Create one; organizations then see it under Feature flags and can override it.</EmptyState>
      ) : (
        <FlagsTable flags={flags.data} onEdit={setEditing} onDelete={setDeleting} />
      )}
      <FlagFormModal opened={editing !== undefined} flag={editing ?? null} onClose={() => setEditing(undefined)} />
      <DeleteFlagModal flag={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

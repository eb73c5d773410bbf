// API keys of the organization: list, create (the secret is shown once), revoke.
import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { ApiKey } from '@saasready/sdk/client';
import { client } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useMembership } from '../../session/session';
import { MissingPermission } from '../../components/forbidden';
import { ApiKeyTable } from './api-keys/api-key-table';
import { CreateKeyModal } from './api-keys/create-key-modal';
import { RevokeKeyModal } from './api-keys/revoke-key-modal';

export function ApiKeysPage() {
  const { orgId = '' } = useParams<{ orgId: string }>();
  const { can, membership } = useMembership(orgId);
  if (!can('api_key.manage')) {
    return <MissingPermission title="API keys" membership={membership} permission="api_key.manage" doing="manage API keys" />;
  }
  return <ApiKeys orgId={orgId} />;
}

function ApiKeys({ orgId }: { orgId: string }) {
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = useQuery({ queryKey: ['org', orgId, 'api-keys'], queryFn: () => client.apiKeys.list(orgId) });

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let your servers and scripts call the API as this organization, with the permissions you give them."
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>Create API key</Button>}
      />
      {!keys.data ? (
        keys.isError ? <ErrorState error={keys.error} onRetry={() => void keys.refetch()} /> : <Loading label="Loading API keys…" />
      ) : keys.data.length === 0 ? (
        <EmptyState title="No API keys yet">Create one for a backend job or an integration; you choose exactly what it may do.</EmptyState>
      ) : (
        <ApiKeyTable orgId={orgId} keys={keys.data} onRevoke={setRevoking} />
      )}
      <CreateKeyModal orgId={orgId} opened={creating} onClose={() => setCreating(false)} />
      <RevokeKeyModal orgId={orgId} apiKey={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

// Feature flags as this organization sees them, with per-organization overrides for those allowed.
import { Alert, Anchor, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { client } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useMe, useMembership } from '../../session/session';
import { MissingPermission } from '../../components/forbidden';
import { FlagCard } from './flags/flag-card';
import { flagsKey } from './flags/use-flag-mutations';

export function FlagsPage() {
  const { orgId = '' } = useParams<{ orgId: string }>();
  const { can, membership } = useMembership(orgId);
  if (!can('feature_flags.read')) {
    return <MissingPermission title="Feature flags" membership={membership} permission="feature_flags.read" doing="see the feature flags" />;
  }
  return <FlagList orgId={orgId} canManage={can('feature_flags.manage')} />;
}

function FlagList({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const me = useMe();
  const flags = useQuery({ queryKey: flagsKey(orgId), queryFn: () => client.features.list(orgId) });

  return (
    <>
      <PageHeader
        title="Feature flags"
        description="Flags are defined for the whole instance; an override here decides them for this organization only."
      />
      {!canManage && (
        <Alert color="blue" icon={<IconInfoCircle size={18} />} mb="md">
          You can see the flags but not change them: overrides need the <strong>feature_flags.manage</strong> permission.
        </Alert>
      )}
      {!flags.data ? (
        flags.isError ? <ErrorState error={flags.error} onRetry={() => void flags.refetch()} /> : <Loading label="Loading feature flags…" />
      ) : flags.data.length === 0 ? (
        <EmptyState title="No feature flags yet">
          A superuser creates flags for the whole instance under{' '}
          {me.is_superuser ? <Anchor component={Link} to="/admin/feature-flags">Global flags</Anchor> : 'Global flags'}.
        </EmptyState>
      ) : (
        <Stack gap="sm">
          {flags.data.map((flag) => (
            <FlagCard key={flag.key} orgId={orgId} flag={flag} canManage={canManage} />
          ))}
        </Stack>
      )}
    </>
  );
}

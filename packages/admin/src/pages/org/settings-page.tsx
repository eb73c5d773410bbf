// One organization: what it is, its details (for those who may edit them), its security policy and
// single sign-on, the irreversible actions, each section shown only to whoever may use it.
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { client } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { ErrorState, Loading } from '../../components/states';
import { useMembership } from '../../session/session';
import { DangerZone } from './settings/danger-zone';
import { OrgDetailsForm } from './settings/org-details-form';
import { OrgSummary } from './settings/org-summary';
import { organizationKey } from './settings/keys';
import { SecuritySection } from './settings/security-section';
import { SsoSection } from './settings/sso-section';

export function OrgSettingsPage() {
  const { orgId = '' } = useParams<{ orgId: string }>();
  const { can } = useMembership(orgId);
  const org = useQuery({ queryKey: organizationKey(orgId), queryFn: () => client.orgs.get(orgId) });

  return (
    <>
      <PageHeader title="Organization settings" description={org.data ? org.data.name : undefined} />
      {!org.data ? (
        org.isError ? <ErrorState error={org.error} onRetry={() => void org.refetch()} /> : <Loading label="Loading organization…" />
      ) : (
        <Stack gap="lg" maw={760}>
          <OrgSummary org={org.data} editable={can('org.update')} />
          {/* keyed by the last update so the form starts again from what the server saved */}
          {can('org.update') && <OrgDetailsForm key={org.data.updated_at} org={org.data} />}
          <SecuritySection org={org.data} />
          <SsoSection org={org.data} />
          <DangerZone org={org.data} />
        </Stack>
      )}
    </>
  );
}

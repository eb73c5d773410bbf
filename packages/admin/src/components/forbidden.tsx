// Why someone cannot see a page, in the words of the real reason: not a member (or no such
// organization — the server answers both alike, on purpose), a suspended membership, or a role
// without the permission the page needs. Each says whom to ask; the permission key is a footnote.
import type { ReactNode } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { MyMembership } from '@saasready/sdk/client';
import { PageHeader } from './page-header';
import { useMe } from '../session/session';

/** A page the person may not see, for a reason other than an organization role (superuser pages). */
export function Forbidden({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <Alert color="gray" icon={<IconLock size={18} />} title="You do not have access to this page">
        {children}
      </Alert>
    </>
  );
}

/**
 * A page of an organization whose role does not include `permission`. `doing` completes "Your role
 * … does not let you …": `see the members`.
 */
export function MissingPermission({ title, membership, permission, doing }: { title: string; membership: MyMembership | undefined; permission: string; doing: string }) {
  const org = membership?.organization_name ?? 'this organization';
  return (
    <>
      <PageHeader title={title} />
      <Alert color="gray" icon={<IconLock size={18} />} title={`You cannot ${doing} in ${org}`}>
        <Stack gap={6}>
          <Text size="sm">
            Your role in {org}, {membership ? <strong>{membership.role_name}</strong> : 'unknown'}, does not let you {doing}. Ask an Owner of {org} for access.
          </Text>
          <Text size="xs" c="dimmed">Needed permission: {permission}</Text>
        </Stack>
      </Alert>
    </>
  );
}

/** The organization in the address is not one the person can use: not a member, or suspended. */
export function OrgAccessProblem({ membership }: { membership: MyMembership | undefined }) {
  const me = useMe();
  if (membership?.status === 'suspended') {
    const org = membership.organization_name;
    return (
      <Alert color="orange" icon={<IconLock size={18} />} title={`Your membership in ${org} is suspended`} role="alert" maw={720}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            While it is suspended you cannot see or change anything in {org}; your account and your other organizations are not affected.
            Ask an Owner or Admin of {org} to reactivate it.
          </Text>
          <OtherOrganizations />
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="gray" icon={<IconLock size={18} />} title="Organization not found" role="alert" maw={720}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          You are not a member of an organization at this address. It may have been deleted, the link may be mistyped, or you were removed
          from it. If you should have access, ask one of its Owners to invite you.
        </Text>
        {me.is_superuser && (
          <Text size="sm">
            As an instance superuser you can look it up under <Anchor component={Link} to="/admin/organizations">All organizations</Anchor>.
          </Text>
        )}
        <OtherOrganizations />
      </Stack>
    </Alert>
  );
}

function OtherOrganizations() {
  const me = useMe();
  const usable = me.memberships.filter((m) => m.status === 'active');
  return (
    <Group gap="xs">
      {usable.length > 0 ? (
        <Button size="xs" variant="light" component={Link} to="/">Go to your organizations</Button>
      ) : (
        <Button size="xs" variant="light" component={Link} to="/account">Go to your account</Button>
      )}
    </Group>
  );
}

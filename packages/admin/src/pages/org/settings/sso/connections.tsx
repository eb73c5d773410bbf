// The organization's SSO connections: what each is, the values to give the IdP (copyable), a test
// login in a new tab, edit and delete (with a confirmation).
import { useState } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SsoConnection } from '@saasready/sdk/client';
import { client } from '../../../../api/client';
import { ConfirmModal } from '../../../../components/confirm-modal';
import { notifySuccess } from '../../../../components/notify';
import { ErrorState, Loading } from '../../../../components/states';
import { startSsoLogin } from '../../../../session/sso-login';
import { ConnectionModal } from './connection-modal';
import { CopyField } from './copy-field';
import { connectionsKey } from './keys';

export function Connections({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const connections = useQuery({ queryKey: connectionsKey(orgId), queryFn: () => client.sso.listConnections(orgId) });
  const [editing, setEditing] = useState<SsoConnection | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SsoConnection | null>(null);

  return (
    <Stack gap="sm" aria-label="SSO connections" component="section">
      <Group justify="space-between">
        <Text fw={600}>Connections</Text>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>Add connection</Button>
      </Group>
      {connections.isError ? (
        <ErrorState error={connections.error} onRetry={() => void connections.refetch()} />
      ) : !connections.data ? (
        <Loading label="Loading connections…" />
      ) : connections.data.length === 0 ? (
        <Text size="sm" c="dimmed">No connection yet. Add your identity provider (SAML 2.0 or OpenID Connect).</Text>
      ) : (
        connections.data.map((c) => (
          <Paper key={c.id} withBorder p="md" aria-label={`Connection ${c.name}`} component="article">
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap">
                <Group gap="xs">
                  <Text fw={600}>{c.name}</Text>
                  <Badge variant="light">{c.type === 'saml' ? 'SAML' : 'OIDC'}</Badge>
                  <Badge variant="light" color={c.enabled ? 'green' : 'gray'}>{c.enabled ? 'Enabled' : 'Disabled'}</Badge>
                  {c.allow_idp_initiated && <Badge variant="light" color="orange">IdP-initiated allowed</Badge>}
                </Group>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconExternalLink size={14} />}
                    disabled={!c.enabled}
                    // a test login in a new tab; the callback shows who signed in and ends that session
                    onClick={() => window.open(startSsoLogin(c.id, { test: true }), '_blank', 'noopener')}
                  >
                    Test
                  </Button>
                  <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(c)}>Edit</Button>
                  <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(c)}>Delete</Button>
                </Group>
              </Group>
              <Text size="sm" c="dimmed">
                {c.type === 'saml'
                  ? `IdP ${c.saml?.idp_entity_id} · ${c.saml?.idp_certificate_count} signing certificate(s)`
                  : `Issuer ${c.oidc?.issuer} · client ${c.oidc?.client_id}`}
              </Text>
              <Text size="sm" fw={500}>Give your identity provider these values</Text>
              {c.type === 'saml' ? (
                <SimpleGrid cols={{ base: 1, sm: 1 }} spacing="xs">
                  <CopyField label="ACS URL" description="Single sign-on / Reply / ACS URL (also Recipient and Destination)" value={c.sp.acs_url ?? ''} />
                  <CopyField label="Entity ID" description="Audience URI / SP entity ID / Identifier" value={c.sp.entity_id ?? ''} />
                  <CopyField label="SP metadata URL" value={c.sp.metadata_url ?? ''} />
                </SimpleGrid>
              ) : (
                <CopyField label="Redirect URI" description="Sign-in redirect URI of the app in your IdP" value={c.sp.redirect_uri ?? ''} />
              )}
            </Stack>
          </Paper>
        ))
      )}
      <ConnectionModal orgId={orgId} editing={editing === 'new' ? null : editing} opened={editing !== null} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'this connection'}?`}
        confirmLabel="Delete connection"
        onConfirm={async () => {
          await client.sso.deleteConnection(orgId, deleting!.id);
          await queryClient.invalidateQueries({ queryKey: connectionsKey(orgId) });
          notifySuccess(`${deleting!.name} deleted`);
        }}
        onClose={() => setDeleting(null)}
      >
        People can no longer sign in through it; logins in progress fail. Their accounts and memberships stay. If this organization
        requires SSO and this was its only enabled connection, password logins work again.
      </ConfirmModal>
    </Stack>
  );
}

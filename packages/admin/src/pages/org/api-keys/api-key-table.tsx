// The organization's keys with what each may do, who made it, and whether it still works.
import { Badge, Button, Code, Group, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ApiKey } from '@saasready/sdk/client';
import { useMe } from '../../../session/session';
import { RelativeTime, localTime } from '../../../components/dates';
import { shortId, useMemberDirectory } from '../audit/use-member-directory';
import { INACTIVE_REASON, STATUS_COLOR, keyStatus, withheldPermissions, type KeyStatus } from './key-status';

const SHOWN_PERMISSIONS = 3;
// working keys first; the server's newest-first order within each group
const STATUS_ORDER: Record<KeyStatus, number> = { active: 0, inactive: 1, expired: 2, revoked: 3 };

export function ApiKeyTable({ orgId, keys, onRevoke }: { orgId: string; keys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const me = useMe();
  const { byUserId } = useMemberDirectory(orgId);
  const creator = (id: string | null) => {
    if (!id) return <Text size="sm" c="dimmed">Deleted user</Text>;
    if (id === me.id) return <Text size="sm">You</Text>;
    const member = byUserId.get(id);
    return <Text size="sm" truncate maw={200} title={member?.user_email ?? id}>{member?.user_email ?? shortId(id)}</Text>;
  };

  const sorted = [...keys].sort((a, b) => STATUS_ORDER[keyStatus(a)] - STATUS_ORDER[keyStatus(b)]);
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="API keys">
        {sorted.map((key) => {
          const status = keyStatus(key);
          return (
            <Paper key={key.id} withBorder p="sm" component="li">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500}>{key.name}</Text>
                  <Code style={{ whiteSpace: 'nowrap', alignSelf: 'flex-start' }}>sr_{key.prefix}_…</Code>
                </Stack>
                <Badge variant="light" color={STATUS_COLOR[status]} style={{ flexShrink: 0 }}>{status}</Badge>
              </Group>
              <Stack gap={4} mt="xs">
                <Permissions permissions={key.permissions} />
                <Text size="xs" c="dimmed">
                  Last used {key.last_used_at ? <RelativeTime value={key.last_used_at} size="xs" c="dimmed" span /> : 'never'} · expires{' '}
                  {key.expires_at ? localTime(key.expires_at) : 'never'}
                </Text>
              </Stack>
              {(status === 'active' || status === 'inactive') && (
                <Group justify="flex-end" mt="xs">
                  <Button size="xs" variant="light" color="red" aria-label={`Revoke ${key.name}`} onClick={() => onRevoke(key)}>Revoke</Button>
                </Group>
              )}
            </Paper>
          );
        })}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Prefix</Table.Th>
            <Table.Th>Permissions</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Last used</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((key) => {
            const status = keyStatus(key);
            return (
              <Table.Tr key={key.id}>
                <Table.Td><Text size="sm" fw={500}>{key.name}</Text></Table.Td>
                <Table.Td><Code style={{ whiteSpace: 'nowrap' }}>sr_{key.prefix}_…</Code></Table.Td>
                <Table.Td>
                  <Permissions permissions={key.permissions} />
                  {withheldPermissions(key).length > 0 && (
                    <Text size="xs" c="orange">Not now (its creator no longer holds): {withheldPermissions(key).join(', ')}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {creator(key.created_by)}
                  <RelativeTime value={key.created_at} size="xs" c="dimmed" />
                </Table.Td>
                <Table.Td>{key.last_used_at ? <RelativeTime value={key.last_used_at} /> : <Text size="sm" c="dimmed">Never</Text>}</Table.Td>
                <Table.Td>{key.expires_at ? <Text size="sm">{localTime(key.expires_at)}</Text> : <Text size="sm" c="dimmed">Never</Text>}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLOR[status]} style={{ minWidth: 'max-content' }}>{status}</Badge>
                  {status === 'inactive' && key.inactive_reason && (
                    <Text size="xs" c="dimmed">{INACTIVE_REASON[key.inactive_reason] ?? key.inactive_reason}</Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {(status === 'active' || status === 'inactive') && (
                    <Button size="xs" variant="subtle" color="red" aria-label={`Revoke ${key.name}`} onClick={() => onRevoke(key)}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Permissions({ permissions }: { permissions: string[] }) {
  const rest = permissions.slice(SHOWN_PERMISSIONS);
  return (
    <Group gap={4} wrap="wrap" maw={320}>
      {permissions.slice(0, SHOWN_PERMISSIONS).map((p) => (
        <Badge key={p} size="sm" variant="outline" tt="none">{p}</Badge>
      ))}
      {rest.length > 0 && (
        <Tooltip label={rest.join(', ')} multiline maw={300}>
          <Badge size="sm" variant="light" color="gray" tt="none" tabIndex={0} aria-label={`${rest.length} more: ${rest.join(', ')}`}>
            +{rest.length}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

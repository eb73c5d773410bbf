// Who did it: a person's email, an API key, or the system itself.
import { Badge, Group, Text } from '@mantine/core';
import type { AuditLog } from '@saasready/sdk/client';
import { shortId } from './use-member-directory';
import { readableId } from './sentence';

export function Actor({ log }: { log: AuditLog }) {
  if (log.actor_type === 'api_key') {
    return (
      <Group gap={6} wrap="nowrap">
        <Badge size="sm" variant="light" color="grape">API key</Badge>
        {log.actor_api_key_id && <Text size="xs" c="dimmed" ff="monospace">{shortId(log.actor_api_key_id)}</Text>}
      </Group>
    );
  }
  if (log.actor_type === 'system') return <Badge size="sm" variant="light" color="gray">system</Badge>;
  return (
    <Text size="sm" truncate maw={260} title={log.actor_email ?? log.actor_user_id ?? undefined}>
      {log.actor_email ?? (log.actor_user_id ? shortId(log.actor_user_id) : 'Unknown user')}
    </Text>
  );
}

export function Target({ log }: { log: AuditLog }) {
  if (!log.target_type && !log.target_id) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      {log.target_type && <Text size="sm">{log.target_type}</Text>}
      {log.target_id && (
        <Text size="xs" c="dimmed" ff="monospace" title={log.target_id}>
          {readableId(log.target_id)}
        </Text>
      )}
    </Group>
  );
}

// The whole page, when the session cannot be checked or the user cannot be loaded for a reason that
// is not the person's: the server answered 5xx, a proxy's page, or nothing. The session is kept.
import { Alert, Button, Center, Group, Stack, Text } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';
import { problemMessage } from '../api/problems';

export function ServerUnavailable({ title, error, onRetry, onLogout }: { title: string; error: unknown; onRetry: () => void; onLogout?: () => void }) {
  return (
    <Center mih="100vh" p="md">
      <Alert color="orange" icon={<IconCloudOff size={20} />} title={title} role="alert" maw={520} w="100%">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{problemMessage(error)}</Text>
          <Text size="sm" c="dimmed">You are still signed in; nothing was lost. Try again in a moment.</Text>
          <Group gap="xs">
            <Button size="xs" onClick={onRetry}>Try again</Button>
            {onLogout && <Button size="xs" variant="default" onClick={onLogout}>Log out</Button>}
          </Group>
        </Stack>
      </Alert>
    </Center>
  );
}

// The new key, shown this one time, with a copy button and a plain warning.
import { PRODUCT_NAME } from '../../../brand';
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { CreatedApiKey } from '@saasready/sdk/client';

export function RevealKey({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const raw = created.raw_key;
  return (
    <Stack>
      {raw ? (
        <>
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Store it now: it is shown only once">
            {PRODUCT_NAME} keeps only a hash of the key. If you lose it, revoke <strong>{created.name}</strong> and create another.
          </Alert>
          <Group gap="xs" wrap="nowrap" align="stretch">
            <Code block data-testid="raw-key" style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {raw}
            </Code>
            <CopyButton value={raw} timeout={2000}>
              {({ copied, copy }) => (
                <Button variant={copied ? 'light' : 'default'} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy} h="auto">
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            Send it as <Code>Authorization: Bearer sr_…</Code>. It acts in this organization with exactly the permissions you chose.
          </Text>
        </>
      ) : (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="The key was created, but its secret was not returned">
          This happens when a request is replayed. Revoke <strong>{created.name}</strong> and create a new key.
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

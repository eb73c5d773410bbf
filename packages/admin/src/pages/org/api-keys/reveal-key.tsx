// The new key, shown this one time, with a copy button and a plain warning.
import { PRODUCT_NAME } from '../../../brand';
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CopyableCode } from '../../../components/copyable-code';
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
          <CopyableCode value={raw} testId="raw-key" label="API key" />
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

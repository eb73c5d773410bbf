// A signing secret, shown this one time (after creating an endpoint or rotating its secret), with a
// copy button and a plain warning. Nothing keeps it once the modal closes.
import type { ReactNode } from 'react';
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { PRODUCT_NAME } from '../../../brand';
import { CopyableCode } from '../../../components/copyable-code';

export function RevealSecret({ secret, children, onDone }: { secret: string; children?: ReactNode; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Copy it now: you will not see it again">
        {PRODUCT_NAME} shows the signing secret only this once. If you lose it, rotate the secret to get a new one.
      </Alert>
      <CopyableCode value={secret} testId="webhook-secret" label="Signing secret" />
      <Text size="sm" c="dimmed">
        Your receiver verifies each delivery's <Code>webhook-signature</Code> header with it (Standard Webhooks: the <Code>standardwebhooks</Code> or{' '}
        <Code>svix</Code> libraries, or the SDK's <Code>WebhookVerifier</Code>).
      </Text>
      {children}
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

// A signing secret, shown this one time (after creating an endpoint or rotating its secret), with a
// copy button and a plain warning. Nothing keeps it once the modal closes.
import type { ReactNode } from 'react';
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { PRODUCT_NAME } from '../../../brand';

export function RevealSecret({ secret, children, onDone }: { secret: string; children?: ReactNode; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Copy it now: you will not see it again">
        {PRODUCT_NAME} shows the signing secret only this once. If you lose it, rotate the secret to get a new one.
      </Alert>
      <Group gap="xs" wrap="nowrap" align="stretch">
        <Code block data-testid="webhook-secret" aria-label="Signing secret" style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {secret}
        </Code>
        <CopyButton value={secret} timeout={2000}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'default'} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy} h="auto">
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
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

// A value shown as a code block with a copy button: an API key, a signing secret or a SCIM token in
// the one moment it is shown, or a URL to paste into another console.
import { Button, Code, CopyButton, Group } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

export function CopyableCode({ value, testId, label }: { value: string; testId: string; label?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="stretch">
      <Code block data-testid={testId} aria-label={label} style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Button variant={copied ? 'light' : 'default'} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy} h="auto">
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

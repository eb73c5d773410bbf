// Backup codes, shown this once: copy or download them before leaving.
import { Alert, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';

export function BackupCodesPanel({ codes, email, onDone }: { codes: string[]; email: string; onDone: () => void }) {
  const clipboard = useClipboard({ timeout: 2000 });
  const text = codes.join('\n');

  const download = () => {
    const content = `SaaSReady backup codes for ${email}\nCreated ${new Date().toLocaleString()}\nEach code works once.\n\n${text}\n`;
    const url = URL.createObjectURL(new Blob([content], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'saasready-backup-codes.txt';
    document.body.append(link);
    link.click();
    link.remove();
    // some browsers read the URL after the click returns
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Stack>
      <Title order={3} size="h4">Save your backup codes</Title>
      <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Shown only once">
        If you lose your authenticator app, each of these codes lets you log in one time. Store them somewhere safe, such as a
        password manager: you will not see them again.
      </Alert>
      <Code block data-testid="backup-codes" fz="md" style={{ lineHeight: 1.8, letterSpacing: '0.05em' }} maw={260}>
        {text}
      </Code>
      <Group gap="sm" wrap="wrap">
        <Button variant="default" leftSection={clipboard.copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={() => clipboard.copy(text)}>
          Copy codes
        </Button>
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={download}>
          Download codes
        </Button>
        <Button onClick={onDone}>Done</Button>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {clipboard.copied ? 'Copied to the clipboard.' : clipboard.error ? 'Could not copy: download the codes instead.' : ' '}
      </Text>
    </Stack>
  );
}

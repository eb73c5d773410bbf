// One outgoing email: subject, recipient, time, delivery status, its links, and the text body on demand.
import { useId, useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Card, Code, Collapse, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconChevronDown, IconCopy, IconLink } from '@tabler/icons-react';
import type { MailboxMessage } from '@saasready/sdk/client';
import { fromNow } from '../../components/dates';
import { mailLinks } from './mail-links';

const STATUS_COLORS: Record<string, string> = { sent: 'teal', pending: 'yellow', sending: 'blue', failed: 'red' };

export function MessageCard({ message }: { message: MailboxMessage }) {
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const bodyId = useId();
  const links = mailLinks(message.text);
  const created = new Date(message.created_at);

  return (
    <Card withBorder padding="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Text fw={600} id={titleId} style={{ overflowWrap: 'anywhere' }}>
            {message.subject}
          </Text>
          <Badge variant="light" color={STATUS_COLORS[message.status] ?? 'gray'} style={{ flexShrink: 0 }}>
            {message.status}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          To <Text span c="var(--mantine-color-text)" inherit>{message.to}</Text> ·{' '}
          <time dateTime={message.created_at} title={created.toLocaleString()}>{fromNow(message.created_at)}</time> · {message.template.replace(/_/g, ' ')}
        </Text>

        {links.length > 0 && (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Links in this email">
            {links.map((link) => (
              <Group key={link.href} component="li" gap={6} wrap="nowrap" align="flex-start">
                <IconLink size={16} style={{ flexShrink: 0, marginTop: 3 }} aria-hidden />
                <Anchor href={link.href} size="sm" ff="monospace" style={{ wordBreak: 'break-all', minWidth: 0 }}>
                  {link.label}
                </Anchor>
                <CopyButton value={link.href} timeout={1500}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? 'Copied' : 'Copy link'} withArrow>
                      <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" onClick={copy} aria-label={copied ? 'Link copied' : 'Copy link'}>
                        {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
            ))}
          </Stack>
        )}

        {message.text !== null && (
          <div>
            <Button
              variant="subtle"
              size="compact-sm"
              px={4}
              onClick={() => setOpen((v) => !v)}
              aria-expanded={open}
              aria-controls={bodyId}
              rightSection={<IconChevronDown size={14} style={{ transform: open ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }} />}
            >
              {open ? 'Hide email' : 'Show email'}
            </Button>
            <Collapse expanded={open} id={bodyId}>
              {/* the text body only: the HTML body is never rendered, it could carry markup from user input */}
              <Code block mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', border: '1px solid var(--mantine-color-default-border)' }}>
                {message.text}
              </Code>
            </Collapse>
          </div>
        )}
        {message.text === null && (
          <Text size="xs" c="dimmed">The body is no longer stored for this message.</Text>
        )}
      </Stack>
    </Card>
  );
}

// `/dev/mailbox`: what the server would have emailed, for development without SMTP. Outside both
// layouts (anyone testing a flow needs it, signed in or not), so it brings its own frame.
import { useState } from 'react';
import { Alert, Anchor, Box, Button, CloseButton, Container, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft, IconRefresh, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { SaaSReadyError, type MailboxMessage } from '@saasready/sdk/client';
import { client } from '../../api/client';
import { problemMessage } from '../../api/problems';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { PageHeader } from '../../components/page-header';
import { MessageCard } from './message-card';

const REFRESH_MS = 3000;
/** The route is not registered in production or when SMTP_URL is set. */
const mailboxOff = (error: unknown) => error instanceof SaaSReadyError && error.status === 404;

export function MailboxPage() {
  const [recipient, setRecipient] = useState('');
  const [autoRefresh, setAutoRefresh] = useState(true);
  const [to] = useDebouncedValue(recipient.trim().toLowerCase(), 300);

  const mailbox = useQuery({
    queryKey: ['dev', 'mailbox', to],
    queryFn: () => client.dev.mailbox({ ...(to ? { to } : {}), limit: 50 }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (autoRefresh && !mailboxOff(query.state.error) ? REFRESH_MS : false),
    select: (messages) => [...messages].sort((a, b) => b.created_at.localeCompare(a.created_at)),
  });

  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Container size="md" py="lg" px="md" component="main">
        <Anchor component={Link} to="/" size="sm" mb="md" display="inline-block">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            Back to dashboard
          </Group>
        </Anchor>
        <PageHeader
          title="Development mailbox"
          description="The emails this server would have sent. It exists only on a development server without SMTP."
          actions={
            <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void mailbox.refetch()} loading={mailbox.isRefetching && !autoRefresh}>
              Refresh
            </Button>
          }
        />
        <Group align="flex-end" gap="md" mb="lg" wrap="wrap">
          <TextInput
            label="Recipient"
            placeholder="alice@acme.test"
            description="The full address; empty shows everyone's mail."
            type="email"
            autoComplete="off"
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={recipient ? <CloseButton size="sm" aria-label="Clear filter" onClick={() => setRecipient('')} /> : null}
            value={recipient}
            onChange={(e) => setRecipient(e.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
          />
          <Switch label={`Refresh every ${REFRESH_MS / 1000} s`} checked={autoRefresh} onChange={(e) => setAutoRefresh(e.currentTarget.checked)} mb={8} />
        </Group>
        <Messages query={mailbox} to={to} />
      </Container>
    </Box>
  );
}

function Messages({ query, to }: { query: UseQueryResult<MailboxMessage[]>; to: string }) {
  if (query.isPending) return <Loading label="Loading messages…" />;
  if (query.isError && !query.data) {
    if (mailboxOff(query.error)) {
      return (
        <EmptyState title="The development mailbox is off">
          This server delivers real email (SMTP_URL is set) or runs in production, so outgoing mail is not kept here. Look in the
          recipient's inbox instead.
        </EmptyState>
      );
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const messages = query.data ?? [];
  return (
    <Stack gap="sm" aria-busy={query.isPlaceholderData}>
      {query.isError && (
        <Alert color="yellow" variant="light" py="xs">
          Could not refresh: {problemMessage(query.error)} Showing the last messages received.
        </Alert>
      )}
      {messages.length === 0 ? (
        <EmptyState title={to ? `No messages to ${to}` : 'No messages yet'}>
          {to
            ? 'The filter matches the whole address. Check the spelling, or clear it to see every message.'
            : 'Invitations, password resets and verification emails appear here as soon as they are sent.'}
        </EmptyState>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            {messages.length} message{messages.length === 1 ? '' : 's'}, newest first
            {query.dataUpdatedAt ? ` · updated ${new Date(query.dataUpdatedAt).toLocaleTimeString()}` : ''}
          </Text>
          {messages.map((message) => <MessageCard key={message.id} message={message} />)}
        </>
      )}
    </Stack>
  );
}

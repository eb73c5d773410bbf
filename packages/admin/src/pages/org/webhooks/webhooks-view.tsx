// The two webhook screens, for an organization or the instance alike: the endpoints, and one
// endpoint with its delivery log.
import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { isProblem } from '../../../api/problems';
import { localTime } from '../../../components/dates';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { CreateEndpointModal } from './create-endpoint-modal';
import { DeliveryLog } from './delivery-log';
import { EndpointActions } from './endpoint-actions';
import { EndpointList, EndpointStatus, EventBadges } from './endpoint-list';
import type { WebhookScope } from './scope';

export function WebhookEndpointsView({ scope, title, description, cannotSubscribe }: { scope: WebhookScope; title: string; description: ReactNode; cannotSubscribe?: ReactNode }) {
  const [creating, setCreating] = useState(false);
  const endpoints = useQuery({ queryKey: scope.key, queryFn: () => scope.list() });
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} disabled={!!cannotSubscribe}>Add endpoint</Button>}
      />
      {cannotSubscribe && <Alert color="gray" icon={<IconInfoCircle size={18} />} mb="md">{cannotSubscribe}</Alert>}
      {!endpoints.data ? (
        endpoints.isError ? <ErrorState error={endpoints.error} onRetry={() => void endpoints.refetch()} /> : <Loading label="Loading webhook endpoints…" />
      ) : endpoints.data.length === 0 ? (
        <EmptyState title="No webhook endpoints yet">Add one to have changes sent to your server as signed HTTP requests, retried until it answers.</EmptyState>
      ) : (
        <EndpointList scope={scope} endpoints={endpoints.data} />
      )}
      <CreateEndpointModal scope={scope} opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

export function WebhookEndpointView({ scope, endpointId, listTitle }: { scope: WebhookScope; endpointId: string; listTitle: string }) {
  const navigate = useNavigate();
  const endpoint = useQuery({ queryKey: [...scope.key, endpointId], queryFn: () => scope.get(endpointId) });
  const back = (
    <Anchor component={Link} to={scope.path} size="sm">
      <Group gap={4} component="span"><IconArrowLeft size={14} />{listTitle}</Group>
    </Anchor>
  );
  if (!endpoint.data) {
    return (
      <Stack>
        {back}
        {endpoint.isError ? (
          isProblem(endpoint.error, 'webhook.not_found')
            ? <EmptyState title="Webhook endpoint not found">It was deleted, or the link is wrong.</EmptyState>
            : <ErrorState error={endpoint.error} onRetry={() => void endpoint.refetch()} />
        ) : <Loading label="Loading webhook endpoint…" />}
      </Stack>
    );
  }
  const e = endpoint.data;
  return (
    <Stack gap="md">
      {back}
      <PageHeader title="Webhook endpoint" description={<Text span size="sm" style={{ overflowWrap: 'anywhere' }}>{e.url}</Text>} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          {e.description && <Text size="sm">{e.description}</Text>}
          <Group gap="xl" align="flex-start" wrap="wrap">
            <Field label="Status"><EndpointStatus endpoint={e} /></Field>
            <Field label="Events"><EventBadges events={e.event_types} /></Field>
            <Field label="Created"><Text size="sm">{localTime(e.created_at)}</Text></Field>
            {e.organization_id === null && <Field label="Scope"><Text size="sm">Every organization (instance)</Text></Field>}
          </Group>
          <EndpointActions scope={scope} endpoint={e} variant="buttons" onDeleted={() => void navigate(scope.path)} />
        </Stack>
      </Paper>
      <Title order={3} size="h4">Delivery log</Title>
      <Text size="sm" c="dimmed">
        Each event is signed and sent with a <Code>webhook-id</Code> that stays the same on every retry. Failed attempts are retried after 5 s, 5 min,
        30 min, 2 h, 5 h, 10 h and 10 h.
      </Text>
      <DeliveryLog scope={scope} endpoint={e} />
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      {children}
    </Stack>
  );
}

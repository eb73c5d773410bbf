// An endpoint's delivery log, newest first: each event's delivery with its last attempt (HTTP
// status, latency, the start of the answer, when the next try is due) and every attempt on demand.
// A failed delivery can be sent again; the log refreshes itself while deliveries are under way.
import { Fragment, useState } from 'react';
import { Badge, Button, Code, Group, Paper, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WebhookDelivery, WebhookEndpoint } from '@saasready/sdk/client';
import { RelativeTime } from '../../../components/dates';
import { notifyError, notifySuccess } from '../../../components/notify';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { DELIVERY_COLOR, deliveryState } from './endpoint-state';
import type { WebhookScope } from './scope';

type Attempt = WebhookDelivery['attempt_log'][number];
type Filter = 'all' | 'failed' | 'pending' | 'succeeded';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: 'All' }, { value: 'failed', label: 'Failed' }, { value: 'pending', label: 'Queued' }, { value: 'succeeded', label: 'Succeeded' },
];
const LIMIT = 50;

export const deliveriesKey = (scope: WebhookScope, endpointId: string) => [...scope.key, endpointId, 'deliveries'];

export function DeliveryLog({ scope, endpoint }: { scope: WebhookScope; endpoint: WebhookEndpoint }) {
  const [filter, setFilter] = useState<Filter>('all');
  const deliveries = useQuery({
    queryKey: [...deliveriesKey(scope, endpoint.id), filter],
    queryFn: () => scope.listDeliveries(endpoint.id, { limit: LIMIT, ...(filter === 'all' ? {} : { status: filter }) }),
    // while something is queued or being sent, watch it land
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'pending' || d.status === 'delivering') ? 1000 : false),
  });
  const phone = useMediaQuery('(max-width: 48em)');

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <SegmentedControl size="xs" aria-label="Show deliveries" data={FILTERS} value={filter} onChange={(v) => setFilter(v as Filter)} />
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={() => void deliveries.refetch()} loading={deliveries.isFetching && !deliveries.isPending}>
          Refresh
        </Button>
      </Group>
      {!deliveries.data ? (
        deliveries.isError ? <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} /> : <Loading label="Loading deliveries…" />
      ) : deliveries.data.length === 0 ? (
        <EmptyState title={filter === 'all' ? 'No deliveries yet' : 'No deliveries match'}>
          {filter === 'all' ? 'Events this endpoint subscribes to appear here as they are sent. Send a test event to try the receiver.' : 'Choose “All” to see every delivery kept.'}
        </EmptyState>
      ) : phone ? (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Deliveries">
          {deliveries.data.map((d) => <DeliveryCard key={d.id} scope={scope} delivery={d} enabled={endpoint.enabled} />)}
        </Stack>
      ) : (
        <DeliveryTable scope={scope} deliveries={deliveries.data} enabled={endpoint.enabled} />
      )}
      {deliveries.data && deliveries.data.length === LIMIT && (
        <Text size="xs" c="dimmed">Showing the newest {LIMIT}. Older deliveries are kept for the retention period set by the operator.</Text>
      )}
    </Stack>
  );
}

const lastAttempt = (d: WebhookDelivery): Attempt | undefined => [...d.attempt_log].sort((a, b) => b.attempt - a.attempt)[0];

function DeliveryTable({ scope, deliveries, enabled }: { scope: WebhookScope; deliveries: WebhookDelivery[]; enabled: boolean }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" aria-label="Deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Response</Table.Th>
            <Table.Th>Latency</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Next retry</Table.Th>
            <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((d) => {
            const last = lastAttempt(d);
            const expanded = open === d.id;
            return (
              <Fragment key={d.id}>
                <Table.Tr>
                  <Table.Td>
                    <Code>{d.event_type}</Code>
                    <RelativeTime value={d.created_at} size="xs" c="dimmed" />
                  </Table.Td>
                  <Table.Td><DeliveryStatus delivery={d} /></Table.Td>
                  <Table.Td maw={320}>{last ? <AttemptOutcome attempt={last} /> : <Text size="sm" c="dimmed">Not sent yet</Text>}</Table.Td>
                  <Table.Td>{last ? <Text size="sm">{last.latency_ms} ms</Text> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
                  <Table.Td><NextRetry delivery={d} /></Table.Td>
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {d.attempt_log.length > 0 && (
                        <Button size="xs" variant="subtle" aria-expanded={expanded} onClick={() => setOpen(expanded ? null : d.id)}>
                          {expanded ? 'Hide attempts' : `Attempts (${d.attempt_log.length})`}
                        </Button>
                      )}
                      <RetryButton scope={scope} delivery={d} enabled={enabled} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td colSpan={6} bg="var(--mantine-color-default-hover)">
                      <AttemptList attempts={d.attempt_log} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeliveryCard({ scope, delivery, enabled }: { scope: WebhookScope; delivery: WebhookDelivery; enabled: boolean }) {
  const [expanded, setExpanded] = useState(false);
  const last = lastAttempt(delivery);
  return (
    <Paper withBorder p="sm" component="li">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Code style={{ alignSelf: 'flex-start', overflowWrap: 'anywhere' }}>{delivery.event_type}</Code>
          <RelativeTime value={delivery.created_at} size="xs" c="dimmed" />
        </Stack>
        <DeliveryStatus delivery={delivery} />
      </Group>
      <Stack gap={4} mt="xs">
        {last ? <AttemptOutcome attempt={last} /> : <Text size="sm" c="dimmed">Not sent yet</Text>}
        <Text size="xs" c="dimmed">
          {last ? `${last.latency_ms} ms · ` : ''}next retry: <NextRetry delivery={delivery} inline />
        </Text>
      </Stack>
      {expanded && <AttemptList attempts={delivery.attempt_log} />}
      <Group justify="flex-end" gap="xs" mt="xs">
        {delivery.attempt_log.length > 0 && (
          <Button size="xs" variant="subtle" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Hide attempts' : `Attempts (${delivery.attempt_log.length})`}
          </Button>
        )}
        <RetryButton scope={scope} delivery={delivery} enabled={enabled} />
      </Group>
    </Paper>
  );
}

function DeliveryStatus({ delivery }: { delivery: WebhookDelivery }) {
  const state = deliveryState(delivery);
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant="light" color={DELIVERY_COLOR[state]} style={{ minWidth: 'max-content' }}>{state}</Badge>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{delivery.attempts} {delivery.attempts === 1 ? 'attempt' : 'attempts'}</Text>
    </Stack>
  );
}

/** The receiver's answer (HTTP status and the start of its body), or why there was none. */
function AttemptOutcome({ attempt }: { attempt: Attempt }) {
  const ok = attempt.status_code !== null && attempt.status_code >= 200 && attempt.status_code < 300;
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      {attempt.status_code !== null ? (
        <Text size="sm" fw={500} c={ok ? 'teal' : 'red'}>HTTP {attempt.status_code}</Text>
      ) : (
        <Text size="sm" fw={500} c="red">No answer</Text>
      )}
      {attempt.error && <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{attempt.error}</Text>}
      {attempt.response_excerpt && (
        <Code title={attempt.response_excerpt} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', maxHeight: '4.5em', overflow: 'hidden' }}>
          {attempt.response_excerpt.slice(0, 200)}
        </Code>
      )}
    </Stack>
  );
}

function NextRetry({ delivery, inline }: { delivery: WebhookDelivery; inline?: boolean }) {
  if (delivery.status === 'pending' && delivery.next_attempt_at) return <RelativeTime value={delivery.next_attempt_at} size={inline ? 'xs' : 'sm'} span={inline} />;
  const none = delivery.status === 'failed' ? 'none (gave up)' : '—';
  return inline ? <>{none}</> : <Text size="sm" c="dimmed">{none}</Text>;
}

function AttemptList({ attempts }: { attempts: Attempt[] }) {
  return (
    <Stack gap="xs" component="ol" p={0} m={0} mt="xs" style={{ listStyle: 'none' }} aria-label="Attempts">
      {[...attempts].sort((a, b) => b.attempt - a.attempt).map((a) => (
        <Paper key={a.attempt} withBorder p="xs" component="li">
          <Group gap="xs" wrap="wrap">
            <Text size="xs" fw={600}>Attempt {a.attempt}</Text>
            <RelativeTime value={a.attempted_at} size="xs" c="dimmed" />
            <Text size="xs" c="dimmed">· {a.latency_ms} ms</Text>
            {a.next_retry_at && <Text size="xs" c="dimmed">· next try <RelativeTime value={a.next_retry_at} size="xs" c="dimmed" span /></Text>}
          </Group>
          <AttemptOutcome attempt={a} />
        </Paper>
      ))}
    </Stack>
  );
}

/** A failed delivery, sent again as a new delivery of the same event (the endpoint must be enabled). */
function RetryButton({ scope, delivery, enabled }: { scope: WebhookScope; delivery: WebhookDelivery; enabled: boolean }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => scope.retryDelivery(delivery.endpoint_id, delivery.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: deliveriesKey(scope, delivery.endpoint_id) });
      notifySuccess(`${delivery.event_type} queued again (same webhook-id)`);
    },
    onError: notifyError,
  });
  if (delivery.status !== 'failed') return null;
  return (
    <Button size="xs" variant="light" loading={retry.isPending} disabled={!enabled} title={enabled ? undefined : 'Enable the endpoint to retry'} onClick={() => retry.mutate()} aria-label={`Retry ${delivery.event_type} delivery`}>
      Retry
    </Button>
  );
}

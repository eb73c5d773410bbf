// The endpoints with where they send, what they receive and whether deliveries work; a card each
// on a phone (actions in view, no sideways scrolling), a table otherwise.
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import type { WebhookEndpoint } from '@saasready/sdk/client';
import { RelativeTime } from '../../../components/dates';
import { EndpointActions } from './endpoint-actions';
import { STATE_COLOR, STATE_LABEL, endpointState, stateReason } from './endpoint-state';
import { filterLabel } from './event-picker';
import type { WebhookScope } from './scope';

const SHOWN_EVENTS = 3;

export function EndpointList({ scope, endpoints }: { scope: WebhookScope; endpoints: WebhookEndpoint[] }) {
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Webhook endpoints">
        {endpoints.map((endpoint) => (
          <Paper key={endpoint.id} withBorder p="sm" component="li">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <EndpointName scope={scope} endpoint={endpoint} />
              <EndpointActions scope={scope} endpoint={endpoint} variant="menu" />
            </Group>
            <Stack gap={6} mt="xs">
              <EventBadges events={endpoint.event_types} />
              <EndpointStatus endpoint={endpoint} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Endpoint</Table.Th>
            <Table.Th>Events</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {endpoints.map((endpoint) => (
            <Table.Tr key={endpoint.id}>
              <Table.Td maw={360}><EndpointName scope={scope} endpoint={endpoint} /></Table.Td>
              <Table.Td><EventBadges events={endpoint.event_types} /></Table.Td>
              <Table.Td maw={280}><EndpointStatus endpoint={endpoint} /></Table.Td>
              <Table.Td><RelativeTime value={endpoint.created_at} /></Table.Td>
              <Table.Td ta="right"><EndpointActions scope={scope} endpoint={endpoint} variant="menu" /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EndpointName({ scope, endpoint }: { scope: WebhookScope; endpoint: WebhookEndpoint }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Anchor component={Link} to={`${scope.path}/${endpoint.id}`} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {endpoint.url}
      </Anchor>
      {endpoint.description && <Text size="xs" c="dimmed" lineClamp={2}>{endpoint.description}</Text>}
    </Stack>
  );
}

export function EndpointStatus({ endpoint }: { endpoint: WebhookEndpoint }) {
  const state = endpointState(endpoint);
  const reason = stateReason(endpoint);
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant="light" color={STATE_COLOR[state]} style={{ minWidth: 'max-content' }}>{STATE_LABEL[state]}</Badge>
      {reason && <Text size="xs" c="dimmed">{reason}</Text>}
      {endpoint.secret_rotating_until && (
        <Text size="xs" c="dimmed">
          Previous secret signs too until <RelativeTime value={endpoint.secret_rotating_until} size="xs" c="dimmed" span />
        </Text>
      )}
    </Stack>
  );
}

export function EventBadges({ events }: { events: string[] }) {
  const rest = events.slice(SHOWN_EVENTS);
  return (
    <Group gap={4} wrap="wrap" maw={320}>
      {events.slice(0, SHOWN_EVENTS).map((e) => (
        <Badge key={e} size="sm" variant="outline" tt="none">{filterLabel(e)}</Badge>
      ))}
      {rest.length > 0 && (
        <Tooltip label={rest.join(', ')} multiline maw={300}>
          <Badge size="sm" variant="light" color="gray" tt="none" tabIndex={0} aria-label={`${rest.length} more: ${rest.join(', ')}`}>+{rest.length}</Badge>
        </Tooltip>
      )}
    </Group>
  );
}

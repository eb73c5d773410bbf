// One row per event, newest first. The action opens the event's details (the whole row is clickable
// too, for the mouse; the action button is the keyboard path).
import { Code, Table, Text, UnstyledButton } from '@mantine/core';
import type { AuditLog } from '@saasready/sdk/client';
import { fromNow, localTime } from '../../../components/dates';
import { Actor, Target } from './actor';

export function AuditTable({ logs, onOpen }: { logs: AuditLog[]; onOpen: (log: AuditLog) => void }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Target</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {logs.map((log) => (
            <Table.Tr key={log.id} onClick={() => onOpen(log)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Text size="sm" component="time" dateTime={log.created_at} style={{ whiteSpace: 'nowrap' }}>{localTime(log.created_at)}</Text>
                <Text size="xs" c="dimmed">{fromNow(log.created_at)}</Text>
              </Table.Td>
              <Table.Td>
                <UnstyledButton
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(log);
                  }}
                  aria-haspopup="dialog"
                  title="Show details"
                >
                  <Code fz="sm">{log.action}</Code>
                </UnstyledButton>
              </Table.Td>
              <Table.Td><Actor log={log} /></Table.Td>
              <Table.Td><Target log={log} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

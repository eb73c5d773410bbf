// A titled card: the settings page is a column of these.
import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';

export function Section({ title, description, children, danger }: { title: string; description?: ReactNode; children: ReactNode; danger?: boolean }) {
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-label={title}
      style={danger ? { borderColor: 'var(--mantine-color-red-outline)' } : undefined}
    >
      <Stack gap="md">
        <div>
          <Title order={3} size="h4" c={danger ? 'red' : undefined}>{title}</Title>
          {description && <Text size="sm" c="dimmed" mt={4}>{description}</Text>}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

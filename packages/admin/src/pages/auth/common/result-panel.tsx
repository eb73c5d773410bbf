// The outcome of an emailed-link flow (sent, done, link broken): an icon, a heading that takes the
// focus so screen readers announce the change, a sentence and the next steps.
import { useEffect, useRef, type ReactNode } from 'react';
import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconMailForward } from '@tabler/icons-react';

const TONES = {
  success: { color: 'teal', Icon: IconCircleCheck },
  error: { color: 'red', Icon: IconAlertTriangle },
  info: { color: undefined, Icon: IconMailForward },
} as const;

interface Props {
  tone: keyof typeof TONES;
  title: string;
  children: ReactNode;
  /** buttons and links, stacked full width */
  actions?: ReactNode;
}

export function ResultPanel({ tone, title, children, actions }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { color, Icon } = TONES[tone];
  return (
    <Stack align="center" gap="sm" ta="center">
      <ThemeIcon size={52} radius="xl" variant="light" color={color} aria-hidden>
        <Icon size={28} stroke={1.6} />
      </ThemeIcon>
      <Title order={3} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" role={tone === 'error' ? 'alert' : 'status'} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
      {actions && (
        <Stack w="100%" gap="xs" mt="xs">
          {actions}
        </Stack>
      )}
    </Stack>
  );
}

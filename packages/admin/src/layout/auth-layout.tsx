// The frame of the public pages: the product name and one centred card.
import { Anchor, Box, Center, Container, Group, Paper, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { useDevMailboxOn } from '../pages/dev/use-dev-mailbox';
import { ErrorBoundary } from '../components/error-boundary';
import { PRODUCT_NAME } from '../brand';

export function AuthLayout() {
  // only where the server's mailbox answers this browser (development, loopback)
  const mailboxOn = useDevMailboxOn();
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Container size={440} py={48} px="md">
        <Center mb="lg">
          <Group gap={8}>
            <IconShieldLock size={28} color="var(--mantine-primary-color-filled)" aria-hidden />
            <Title order={3}>{PRODUCT_NAME}</Title>
          </Group>
        </Center>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" component="main">
          <ErrorBoundary>
            <Outlet />
          </ErrorBoundary>
        </Paper>
        {mailboxOn && (
          <Text c="dimmed" size="xs" ta="center" mt="md">
            <Anchor component={Link} to="/dev/mailbox" size="xs" c="dimmed">
              Development mailbox
            </Anchor>
          </Text>
        )}
      </Container>
    </Box>
  );
}

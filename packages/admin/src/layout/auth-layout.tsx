// The frame of the public pages: the product's name and logo, and one centred card with its accent colour.
import { Anchor, Box, Center, Container, Group, Paper, Text, Title } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { useDevMailboxOn } from '../pages/dev/use-dev-mailbox';
import { ErrorBoundary } from '../components/error-boundary';
import { PRODUCT_COLOR, PRODUCT_NAME } from '../brand';
import { BrandMark } from './brand-mark';

export function AuthLayout() {
  // only where the server's mailbox answers this browser (development, loopback)
  const mailboxOn = useDevMailboxOn();
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Container size={440} py={48} px="md">
        <Center mb="lg">
          <Group gap={8}>
            <BrandMark size={28} />
            <Title order={3}>{PRODUCT_NAME}</Title>
          </Group>
        </Center>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" component="main"
          style={PRODUCT_COLOR ? { borderTop: `4px solid ${PRODUCT_COLOR}` } : undefined} data-accent={PRODUCT_COLOR ?? undefined}>
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

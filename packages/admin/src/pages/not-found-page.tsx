import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../session/session';

/** Any address the dashboard has no page for (the server answers these with this page too, status 404). */
export function NotFoundPage() {
  const { status } = useSession();
  return (
    <Stack align="center" py="xl" gap="sm">
      <Title order={2}>Page not found</Title>
      <Text c="dimmed" ta="center">There is no page at this address. Check the link, or start again from the dashboard.</Text>
      {status === 'authenticated' ? (
        <Button component={Link} to="/" variant="light">Go to the dashboard</Button>
      ) : (
        <Button component={Link} to="/login" variant="light">Log in</Button>
      )}
    </Stack>
  );
}

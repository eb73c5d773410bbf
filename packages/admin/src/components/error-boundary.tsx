// What a page shows when it throws while rendering, or when its code cannot be loaded (offline, or a
// deploy replaced the hashed files this tab was built against): a message and a way out, never a
// blank page. One boundary wraps each route's page (reset on navigation) and one the whole app.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

interface Props {
  children: ReactNode;
  /** a new key (the path) clears the error: navigating elsewhere tries again */
  resetKey?: string;
}

export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('page failed', error, info.componentStack);
  }

  override componentDidUpdate(previous: Props) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    return this.state.error ? <PageFailed error={this.state.error} /> : this.props.children;
  }
}

/** A module the browser could not fetch or evaluate: `import()` of a page's chunk failed. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Failed to fetch module|Unable to preload CSS/i.test(message);
}

function PageFailed({ error }: { error: unknown }) {
  const chunk = isChunkLoadError(error);
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={chunk ? 'This page could not be loaded' : 'Something went wrong on this page'} role="alert" maw={640} mx="auto" my="xl">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          {chunk
            ? 'Its code did not arrive: the connection dropped, or the dashboard was updated since you opened it. Reloading fetches the current version.'
            : 'An unexpected error stopped this page from showing. Reloading usually helps; if it keeps happening, tell your administrator what you were doing and when.'}
        </Text>
        <Group gap="xs">
          <Button size="xs" color="red" onClick={() => window.location.reload()}>Reload</Button>
          <Button size="xs" variant="default" component="a" href="/">Go to the dashboard</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

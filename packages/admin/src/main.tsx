import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, PasswordInput, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { SaaSReadyError } from '@saasready/sdk/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { App } from './app';
import { reportFailure } from './api/failures';
import { SessionProvider } from './session/session';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  components: {
    // "show password" is a control like any other: reachable by Tab, not by mouse only
    PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleFocusable: true } }),
  },
});

const queryClient = new QueryClient({
  // a session that ended is noticed by whichever call meets it first (session.tsx listens)
  queryCache: new QueryCache({ onError: reportFailure }),
  mutationCache: new MutationCache({ onError: reportFailure }),
  defaultOptions: {
    queries: {
      // 4xx answers are final: retrying a 403 or 404 only delays the message; a 5xx or a dropped
      // connection gets one more try before the page says so (and offers its own "Try again")
      retry: (count, error) => !(error instanceof SaaSReadyError && error.status < 500) && count < 1,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

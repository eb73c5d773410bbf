import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Anchor, MantineProvider, PasswordInput, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { SaaSReadyError } from '@saasready/sdk/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { App } from './app';
import { reportFailure } from './api/failures';
import { SessionProvider } from './session/session';

// Contrast of at least 4.5:1 for text (WCAG AA, checked by axe-core in the browser suite): Mantine's
// default dimmed grey and indigo-6 links fall just short on white.
const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  components: {
    // a link inside a sentence must not rely on colour alone
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // "show password" is a control like any other: reachable by Tab, not by mouse only
    PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleFocusable: true } }),
  },
});

// Light scheme: red as text, outline or filled button, and the text of light badges (green, orange…)
// one step darker than Mantine's palette gives, which measures 3–4.4:1 on their backgrounds.
const DARKER_LIGHT_COLOR: Record<string, string> = { green: '#1e6b2f', orange: '#a63c06', yellow: '#7a5200', red: '#a51d1d', teal: '#0b6b5b', lime: '#4a6b0b', cyan: '#0b6278', grape: '#7b2a8c' };
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-text': 'var(--mantine-color-red-9)',
    '--mantine-color-red-outline': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(Object.entries(DARKER_LIGHT_COLOR).map(([color, value]) => [`--mantine-color-${color}-light-color`, value])),
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
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
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
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

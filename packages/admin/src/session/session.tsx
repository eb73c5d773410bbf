// Who is logged in. On start the page tries one cookie refresh (a reload keeps the session) — only
// when the browser holds the session's readable CSRF cookie, so a visitor without a session sends
// nothing that can only fail. `me` is a query every page shares, so a role change or a new
// organization shows after one refetch. A call that finds the session ended (anywhere, by anyone)
// ends it here too, and the login page says why.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SaaSReadyError, type Me, type MyMembership } from '@saasready/sdk/client';
import { client } from '../api/client';
import { onFailure } from '../api/failures';
import { isProblem, isSessionEnded, isUnreachable } from '../api/problems';

/**
 * `unavailable`: the server could not say whether the session is still valid (refresh answered 5xx,
 * a proxy's page, or nothing in time). The session may well be fine: say so and offer a retry
 * instead of sending the person to the login page.
 */
type Status = 'restoring' | 'anonymous' | 'authenticated' | 'unavailable';

/** Why the person is back at the login page. */
export type EndReason = 'ended';

interface SessionValue {
  status: Status;
  /** the logged-in user (undefined until loaded) */
  me: Me | undefined;
  /** why `me` could not be loaded (a 500, no network), with `retryMe` to try again */
  meError: unknown;
  retryMe: () => void;
  /** why the session could not be restored (status `unavailable`), with `restore` to try again */
  restoreError: unknown;
  restore: () => void;
  /** set when the session ended under the person's feet; cleared by the next login */
  endReason: EndReason | null;
  /** call after login, register or invitation sign-up stored tokens in the client */
  signedIn: () => Promise<void>;
  signOut: () => Promise<void>;
  /** the session ended on the server (revoked, expired): forget it locally */
  sessionLost: (reason?: EndReason) => void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The server sets this readable cookie next to the HttpOnly refresh cookie, with the same lifetime. */
const CSRF_COOKIE = 'sr_csrf';
const hasSessionCookie = () => document.cookie.split(';').some((pair) => pair.trim().startsWith(`${CSRF_COOKIE}=`));

/** Answers that mean our copy of the person's memberships is out of date. */
const STALE_ACCESS = ['membership.suspended', 'organization.not_found', 'permission_denied'];

/** How long the first refresh may take before the page says the server is unavailable. */
const RESTORE_TIMEOUT_MS = 15_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DOMException('The server did not answer in time', 'TimeoutError')), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>(() => (hasSessionCookie() ? 'restoring' : 'anonymous'));
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const [endReason, setEndReason] = useState<EndReason | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!hasSessionCookie()) {
      setStatus('anonymous');
      return;
    }
    let cancelled = false;
    setStatus('restoring');
    withTimeout(client.auth.refresh(), RESTORE_TIMEOUT_MS)
      .then(() => !cancelled && setStatus('authenticated'))
      .catch((error: unknown) => {
        if (cancelled) return;
        // a refused cookie (expired, revoked, reused) means no session; anything else is the server's trouble
        if (isUnreachable(error) || (error instanceof SaaSReadyError && (error.status >= 500 || error.status === 429))) {
          setRestoreError(error);
          setStatus('unavailable');
        } else {
          setStatus('anonymous');
        }
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const meQuery = useQuery({ queryKey: ['me'], queryFn: () => client.auth.me(), enabled: status === 'authenticated', retry: 1 });

  const signedIn = useCallback(async () => {
    setEndReason(null);
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    setStatus('authenticated');
  }, [queryClient]);

  const sessionLost = useCallback(
    (reason?: EndReason) => {
      client.clearTokens();
      queryClient.clear();
      setEndReason(reason ?? null);
      setStatus('anonymous');
    },
    [queryClient],
  );

  useEffect(
    () =>
      onFailure((error) => {
        if (status !== 'authenticated') return;
        // any call, on any page, that meets an ended session
        if (isSessionEnded(error)) sessionLost('ended');
        // the server knows better than our copy of the memberships (suspended, removed, role changed): reload it
        else if (STALE_ACCESS.some((code) => isProblem(error, code))) void queryClient.invalidateQueries({ queryKey: ['me'] });
      }),
    [status, sessionLost, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await client.auth.logout();
    } finally {
      sessionLost();
    }
  }, [sessionLost]);

  const restore = useCallback(() => {
    setRestoreError(null);
    setAttempt((n) => n + 1);
  }, []);
  const { refetch } = meQuery;
  const retryMe = useCallback(() => void refetch(), [refetch]);

  const value = useMemo<SessionValue>(
    () => ({
      status, me: meQuery.data, meError: meQuery.data ? null : meQuery.error, retryMe, restoreError, restore, endReason, signedIn, signOut, sessionLost,
    }),
    [status, meQuery.data, meQuery.error, retryMe, restoreError, restore, endReason, signedIn, signOut, sessionLost],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in user; only for pages behind the authenticated layout. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe before the session loaded');
  return me;
}

/** The caller's membership in one organization and a permission test on it. */
export function useMembership(orgId: string): { membership: MyMembership | undefined; can: (permission: string) => boolean } {
  const me = useMe();
  const membership = me.memberships.find((m) => m.organization_id === orgId);
  const can = (permission: string) => !!membership && membership.status === 'active' && membership.permissions.includes(permission);
  return { membership, can };
}

// Who is logged in. On start the page tries one cookie refresh (a reload keeps the session); `me`
// is a query every page shares, so a role change or a new organization shows after one refetch.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, MyMembership } from '@saasready/sdk/client';
import { client } from '../api/client';

type Status = 'restoring' | 'anonymous' | 'authenticated';

interface SessionValue {
  status: Status;
  /** the logged-in user (undefined until loaded) */
  me: Me | undefined;
  /** call after login, register or invitation sign-up stored tokens in the client */
  signedIn: () => Promise<void>;
  signOut: () => Promise<void>;
  /** the session ended on the server (revoked, expired): forget it locally */
  sessionLost: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>('restoring');

  useEffect(() => {
    let cancelled = false;
    client.auth
      .refresh()
      .then(() => !cancelled && setStatus('authenticated'))
      .catch(() => !cancelled && setStatus('anonymous'));
    return () => {
      cancelled = true;
    };
  }, []);

  const meQuery = useQuery({ queryKey: ['me'], queryFn: () => client.auth.me(), enabled: status === 'authenticated' });

  const signedIn = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    setStatus('authenticated');
  }, [queryClient]);

  const sessionLost = useCallback(() => {
    client.clearTokens();
    queryClient.clear();
    setStatus('anonymous');
  }, [queryClient]);

  const signOut = useCallback(async () => {
    try {
      await client.auth.logout();
    } finally {
      sessionLost();
    }
  }, [sessionLost]);

  const value = useMemo<SessionValue>(
    () => ({ status, me: meQuery.data, signedIn, signOut, sessionLost }),
    [status, meQuery.data, signedIn, signOut, sessionLost],
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

// Whether this server's development mailbox answers this browser. The server is the judge: the
// route exists only in development without SMTP on a loopback HOST, and answers loopback peers only
// (a 404 otherwise), so asking it once is exact where a config flag could not be.
import { useQuery } from '@tanstack/react-query';
import { SaaSReadyError } from '@saasready/sdk/client';
import { client } from '../../api/client';

export function useDevMailboxOn(): boolean {
  const probe = useQuery({
    queryKey: ['dev', 'mailbox-on'],
    queryFn: async () => {
      try {
        await client.dev.mailbox({ limit: 1 });
        return true;
      } catch (error) {
        if (error instanceof SaaSReadyError) return false;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
  return probe.data === true;
}

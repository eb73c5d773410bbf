// Override and reset one flag; the answer is the flag as the organization now sees it, written
// straight into the list so the switch does not flicker back while the list refetches.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgFeatureFlag, SetFlagOverrideBody } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { notifyError } from '../../../components/notify';

export const flagsKey = (orgId: string) => ['org', orgId, 'feature-flags'] as const;

export function useFlagMutations(orgId: string, key: string) {
  const queryClient = useQueryClient();
  const store = (flag: OrgFeatureFlag) => {
    queryClient.setQueryData<OrgFeatureFlag[]>(flagsKey(orgId), (flags) => flags?.map((f) => (f.key === flag.key ? flag : f)));
    void queryClient.invalidateQueries({ queryKey: flagsKey(orgId) });
  };
  const set = useMutation({
    mutationFn: (body: SetFlagOverrideBody) => client.features.set(orgId, key, body),
    onSuccess: store,
    onError: notifyError,
  });
  const reset = useMutation({
    mutationFn: () => client.features.reset(orgId, key),
    onSuccess: store,
    onError: notifyError,
  });
  return { set, reset };
}

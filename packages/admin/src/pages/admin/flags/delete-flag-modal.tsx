// Deleting a global flag also deletes every organization's override of it: ask first.
import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FeatureFlag } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { notifySuccess } from '../../../components/notify';
import { FormError } from '../../../components/states';
import { invalidateFlags } from './invalidate';

export function DeleteFlagModal({ flag, onClose }: { flag: FeatureFlag | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (key: string) => client.admin.deleteFlag(key),
    onSuccess: async (_, key) => {
      await invalidateFlags(queryClient);
      notifySuccess(`Deleted ${key}`);
      close();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={flag !== null} onClose={close} title="Delete feature flag">
      {flag && (
        <Stack>
          <Text size="sm">
            Delete <Code>{flag.key}</Code> ({flag.name})? Every organization’s override of it goes too, and applications asking for it get
            “off”. This cannot be undone.
          </Text>
          <FormError error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(flag.key)}>Delete flag</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

// "Are you sure?" for destructive actions: the question, Cancel, and a red button that runs the
// action, stays busy while it runs, closes on success and shows the server's refusal otherwise.
import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormError } from './states';

interface Props {
  opened: boolean;
  title: string;
  /** what happens, in a sentence or two */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}

export function ConfirmModal({ opened, title, children, confirmLabel, onConfirm, onClose }: Props) {
  const action = useMutation({ mutationFn: onConfirm, onSuccess: () => close() });
  const close = () => {
    action.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <Stack>
        <Text size="sm" component="div">{children}</Text>
        <FormError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>Cancel</Button>
          <Button color="red" loading={action.isPending} onClick={() => action.mutate()}>{confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

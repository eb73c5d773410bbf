// Rotating the signing secret: how long the old one keeps signing beside the new one (so receivers
// can switch without dropping a delivery), then the new secret shown this one time.
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RotatedWebhookSecret, WebhookEndpoint } from '@saasready/sdk/client';
import { localTime } from '../../../components/dates';
import { FormError } from '../../../components/states';
import { RevealSecret } from './reveal-secret';
import type { WebhookScope } from './scope';

const OVERLAPS = [
  { value: '86400', label: '24 hours (recommended)' },
  { value: '3600', label: '1 hour' },
  { value: '604800', label: '7 days' },
  { value: '0', label: 'None: the old secret stops now' },
];

export function RotateSecretModal({ scope, endpoint, onClose }: { scope: WebhookScope; endpoint: WebhookEndpoint | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [overlap, setOverlap] = useState('86400');
  const [rotated, setRotated] = useState<RotatedWebhookSecret | null>(null);
  const rotate = useMutation({
    mutationFn: () => scope.rotateSecret(endpoint!.id, { overlap_seconds: Number(overlap) }),
    gcTime: 0,
    onSuccess: (result) => {
      setRotated(result);
      void queryClient.invalidateQueries({ queryKey: scope.key });
    },
  });
  const close = () => {
    setRotated(null);
    setOverlap('86400');
    rotate.reset();
    onClose();
  };
  return (
    <Modal
      opened={endpoint !== null}
      onClose={close}
      title={rotated ? 'Your new signing secret' : 'Rotate signing secret'}
      size="lg"
      closeOnClickOutside={!rotated}
      closeOnEscape={!rotated}
      withCloseButton={!rotated}
    >
      {rotated ? (
        <RevealSecret secret={rotated.secret} onDone={close}>
          <Text size="sm">
            {rotated.previous_secret_expires_at
              ? `The previous secret keeps signing beside this one until ${localTime(rotated.previous_secret_expires_at)}. Deploy the new secret to your receiver before then.`
              : 'The previous secret no longer signs: deliveries from now on verify only with this one.'}
          </Text>
        </RevealSecret>
      ) : (
        endpoint && (
          <Stack>
            <Text size="sm">
              A new secret replaces the one <strong>{endpoint.url}</strong> verifies with. During the overlap each delivery carries two signatures, one
              per secret, so your receiver keeps accepting deliveries while you deploy the new secret; after it, only the new secret signs.
            </Text>
            <Select label="Overlap" description="How long the old secret keeps signing" data={OVERLAPS} value={overlap} onChange={(v) => setOverlap(v ?? '86400')} allowDeselect={false} />
            <FormError error={rotate.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button loading={rotate.isPending} onClick={() => rotate.mutate()}>Rotate secret</Button>
            </Group>
          </Stack>
        )
      )}
    </Modal>
  );
}

// Create or edit a global flag. The key is fixed once created (applications refer to it); on create
// it follows the name until edited by hand.
import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FeatureFlag } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { fieldErrors, isProblem } from '../../../api/problems';
import { notifySuccess } from '../../../components/notify';
import { FormError } from '../../../components/states';
import { invalidateFlags } from './invalidate';

const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;
type Unit = FeatureFlag['rollout_unit'];

/** `flag` null: create; a flag: edit it. */
export function FlagFormModal({ opened, flag, onClose }: { opened: boolean; flag: FeatureFlag | null; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={flag ? `Edit ${flag.key}` : 'Create flag'} size="lg">
      {opened && <FlagForm flag={flag} onDone={onClose} />}
    </Modal>
  );
}

function FlagForm({ flag, onDone }: { flag: FeatureFlag | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState(flag?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(false);
  const [name, setName] = useState(flag?.name ?? '');
  const [description, setDescription] = useState(flag?.description ?? '');
  const [defaultEnabled, setDefaultEnabled] = useState(flag?.default_enabled ?? false);
  const [percent, setPercent] = useState<string | number>(flag?.rollout_percent ?? '');
  const [unit, setUnit] = useState<Unit>(flag?.rollout_unit ?? 'organization');

  const save = useMutation({
    mutationFn: () => {
      const rule = {
        name: name.trim(),
        description: description.trim() || null,
        default_enabled: defaultEnabled,
        rollout_percent: percent === '' ? null : Number(percent),
        rollout_unit: unit,
      };
      return flag ? client.admin.updateFlag(flag.key, rule) : client.admin.createFlag({ key, ...rule });
    },
    onSuccess: async (saved) => {
      await invalidateFlags(queryClient);
      notifySuccess(flag ? `Saved ${saved.key}` : `Created ${saved.key}`);
      onDone();
    },
  });

  const errors = fieldErrors(save.error);
  const keyInvalid = key !== '' && !KEY_PATTERN.test(key);
  const keyError = keyInvalid
    ? 'Lower-case letters, digits, “-”, “_” and “.”, starting with a letter or digit'
    : isProblem(save.error, 'feature_flag.key_taken') ? 'A flag with this key exists' : errors.key;
  const inline = keyError || errors.name || errors.description || errors.rollout_percent || errors.rollout_unit;

  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack>
        <TextInput
          label="Name"
          required
          maxLength={200}
          data-autofocus
          value={name}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setName(value);
            if (!flag && !keyTouched) setKey(toKey(value));
          }}
          error={errors.name}
        />
        <TextInput
          label="Key"
          description={flag ? 'Applications refer to the flag by its key, so it cannot change.' : 'What applications ask for, e.g. new-billing'}
          required
          disabled={!!flag}
          maxLength={100}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          spellCheck={false}
          autoCapitalize="off"
          value={key}
          onChange={(e) => {
            setKeyTouched(true);
            setKey(e.currentTarget.value);
          }}
          error={keyError}
        />
        <Textarea label="Description" autosize minRows={2} maxRows={6} maxLength={1000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
        <Switch label="Default enabled" description="The value when there is no rollout and no organization override" checked={defaultEnabled} onChange={(e) => setDefaultEnabled(e.currentTarget.checked)} />
        <Group grow align="flex-start">
          <NumberInput
            label="Rollout percent"
            description="Empty: everyone gets the default"
            placeholder="No rollout"
            min={0}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            suffix="%"
            value={percent}
            onChange={setPercent}
            error={errors.rollout_percent}
          />
          <Select
            label="Rollout unit"
            description="Who is bucketed into the percentage"
            data={[{ value: 'organization', label: 'Organization' }, { value: 'user', label: 'User' }]}
            value={unit}
            onChange={(value) => value && setUnit(value as Unit)}
            allowDeselect={false}
            error={errors.rollout_unit}
          />
        </Group>
        {!inline && <FormError error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending} disabled={keyInvalid}>{flag ? 'Save flag' : 'Create flag'}</Button>
        </Group>
      </Stack>
    </form>
  );
}

const toKey = (name: string) =>
  name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').replace(/-+$/, '').slice(0, 100);

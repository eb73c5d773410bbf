// One flag: what it is, where its value comes from, and (with feature_flags.manage) the override controls.
import { Badge, Button, Code, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import type { OrgFeatureFlag } from '@saasready/sdk/client';
import { RolloutInput } from './rollout-input';
import { useFlagMutations } from './use-flag-mutations';

export function FlagCard({ orgId, flag, canManage }: { orgId: string; flag: OrgFeatureFlag; canManage: boolean }) {
  const { set, reset } = useFlagMutations(orgId, flag.key);
  const busy = set.isPending || reset.isPending;
  // show the requested state while the change is on its way
  const enabled = set.isPending && set.variables.rollout_percent === undefined ? set.variables.enabled : flag.enabled;

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{flag.name}</Text>
            <Code>{flag.key}</Code>
            {flag.overridden && <Badge size="sm" variant="light" color="violet">Overridden</Badge>}
          </Group>
          {flag.description && <Text size="sm" c="dimmed">{flag.description}</Text>}
          <Text size="xs" c="dimmed">{ruleSummary(flag)}</Text>
        </Stack>
        <Group gap="md" align="center" wrap="wrap">
          <Switch
            aria-label={`Toggle ${flag.key}`}
            // the effective value: for a per-user rollout, the one you get
            label={enabled ? 'On' : 'Off'}
            color="green"
            checked={enabled}
            disabled={!canManage || busy}
            onChange={(e) => set.mutate({ enabled: e.currentTarget.checked })}
          />
          <RolloutInput
            key={`${flag.rollout_percent}:${flag.overridden}`}
            flagKey={flag.key}
            value={flag.rollout_percent}
            disabled={!canManage || busy}
            onApply={(percent) => set.mutate({ enabled: true, rollout_percent: percent })}
          />
          {canManage && flag.overridden && (
            <Button variant="subtle" size="xs" aria-label={`Reset ${flag.key} to default`} loading={reset.isPending} disabled={set.isPending} onClick={() => reset.mutate()}>
              Reset
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

function ruleSummary(flag: OrgFeatureFlag): string {
  const percent = flag.rollout_percent;
  if (flag.overridden) return percent === null ? `Overridden here: always ${flag.enabled ? 'on' : 'off'}.` : `Overridden here: ${percent}% rollout.`;
  return percent === null ? `Global default: ${flag.default_enabled ? 'on' : 'off'}.` : `Global rule: ${percent}% rollout.`;
}

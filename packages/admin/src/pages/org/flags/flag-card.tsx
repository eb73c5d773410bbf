// One flag: what it is, where its value comes from, and (with feature_flags.manage) the override controls.
import { Badge, Button, Code, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import type { OrgFeatureFlag } from '@saasready/sdk/client';
import { RolloutInput } from './rollout-input';
import { useFlagMutations } from './use-flag-mutations';

export function FlagCard({ orgId, flag, canManage }: { orgId: string; flag: OrgFeatureFlag; canManage: boolean }) {
  const { set, reset } = useFlagMutations(orgId, flag.key);
  const busy = set.isPending || reset.isPending;
  // the switch means "on for everyone": with a per-user rollout it is off, whatever your own bucket
  // says (the badge and the rule tell you that); the requested state shows while a change is on its way
  const rollout = flag.rollout_percent !== null;
  const forEveryone = set.isPending && set.variables.rollout_percent === undefined ? set.variables.enabled : flag.enabled && !rollout;

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
          <Badge variant="light" color={flag.enabled ? 'green' : 'gray'} aria-label={`Effective for you: ${flag.enabled ? 'on' : 'off'}`}>
            {rollout ? (flag.enabled ? 'On for you' : 'Off for you') : flag.enabled ? 'On' : 'Off'}
          </Badge>
          <Switch
            aria-label={`Toggle ${flag.key}`}
            label="On for everyone"
            color="green"
            checked={forEveryone}
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

/**
 * Where the value comes from and what it is, e.g. "Global rule: 25% rollout; you are in." (this API does
 * not say whether the rollout counts users or organizations, so the sentence does not either)
 */
function ruleSummary(flag: OrgFeatureFlag): string {
  const percent = flag.rollout_percent;
  const source = flag.overridden ? 'Set for this organization' : 'Global rule';
  if (percent === null) return `${source}: ${(flag.overridden ? flag.enabled : flag.default_enabled) ? 'on' : 'off'} for everyone.`;
  return `${source}: ${percent}% rollout; you are ${flag.enabled ? 'in' : 'not in'}.`;
}

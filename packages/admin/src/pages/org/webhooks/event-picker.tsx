// Choosing what an endpoint receives: every event (`*`), a whole resource (`membership.*`), single
// events, and the audit stream (`audit.event`, which `*` does not include). A wildcard covers its
// events, so they show as chosen and cannot be unticked one by one.
import { Checkbox, Code, Input, ScrollArea, Stack, Text } from '@mantine/core';
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@saasready/sdk/client';
import { groupCatalog } from './endpoint-state';

/** each resource as a group's title and in "Every … event" */
const GROUP_NAMES: Record<string, [title: string, one: string]> = {
  user: ['Users', 'user'], session: ['Sessions', 'session'], organization: ['Organization', 'organization'], membership: ['Members', 'membership'],
  invitation: ['Invitations', 'invitation'], role: ['Roles', 'role'], api_key: ['API keys', 'API key'], flag_override: ['Feature flag overrides', 'flag override'],
  domain: ['Domains', 'domain'], sso_connection: ['SSO connections', 'SSO connection'],
};
const GROUPS = groupCatalog(WEBHOOK_EVENT_TYPES);
const describe = (type: string) => WEBHOOK_EVENT_DESCRIPTIONS[type as WebhookEventType] ?? '';

export function EventPicker({ value, onChange, error, disabled }: { value: string[]; onChange: (next: string[]) => void; error?: string; disabled?: boolean }) {
  const chosen = new Set(value);
  const all = chosen.has('*');
  const set = (filter: string, on: boolean, drop: (f: string) => boolean = () => false) => {
    const next = value.filter((f) => f !== filter && !(on && drop(f)));
    onChange(on ? [...next, filter] : next);
  };
  return (
    <Input.Wrapper label="Events" description="What this endpoint receives. A wildcard also covers event types added later." withAsterisk error={error}>
      <ScrollArea.Autosize mah={320} type="auto" mt="xs">
        <Stack gap="sm" pr="sm">
          <Checkbox
            label={<>Every event <Code>*</Code></>}
            description="The whole catalog below, except the audit stream."
            checked={all}
            disabled={disabled}
            // the wildcard replaces everything it covers (the audit stream stays)
            onChange={(e) => set('*', e.currentTarget.checked, (f) => f !== 'audit.event' && f !== 'audit.*')}
          />
          {GROUPS.map(({ group, types }) => {
            const wildcard = `${group}.*`;
            const groupOn = all || chosen.has(wildcard);
            return (
              <Stack key={group} gap={6} role="group" aria-label={GROUP_NAMES[group]?.[0] ?? group}>
                <Checkbox
                  label={<>Every {GROUP_NAMES[group]?.[1] ?? group} event <Code>{wildcard}</Code></>}
                  checked={groupOn}
                  disabled={disabled || all}
                  onChange={(e) => set(wildcard, e.currentTarget.checked, (f) => f.startsWith(`${group}.`))}
                  fw={500}
                />
                <Stack gap={6} pl="lg">
                  {types.map((type) => (
                    <Checkbox
                      key={type}
                      size="xs"
                      label={<Code>{type}</Code>}
                      description={describe(type)}
                      checked={groupOn || chosen.has(type)}
                      disabled={disabled || groupOn}
                      onChange={(e) => set(type, e.currentTarget.checked)}
                    />
                  ))}
                </Stack>
              </Stack>
            );
          })}
          <Stack gap={6} role="group" aria-label="Audit stream">
            <Checkbox
              label={<>Audit stream <Code>audit.event</Code></>}
              description={`${describe('audit.event')} For a SIEM: check that seq has no gaps and each prev_hash is the hash before it.`}
              checked={chosen.has('audit.event') || chosen.has('audit.*')}
              disabled={disabled}
              onChange={(e) => onChange([...value.filter((f) => f !== 'audit.event' && f !== 'audit.*'), ...(e.currentTarget.checked ? ['audit.event'] : [])])}
              fw={500}
            />
          </Stack>
        </Stack>
      </ScrollArea.Autosize>
    </Input.Wrapper>
  );
}

/** The subscription as short badges' text: `*` reads "every event". */
export const filterLabel = (filter: string) => (filter === '*' ? 'every event' : filter);

export function EventTypesHint() {
  return <Text size="xs" c="dimmed">Test events (<Code>webhook.test</Code>) always reach the endpoint they are sent to.</Text>;
}

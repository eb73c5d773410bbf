// The organization at a glance. Editors see name and description in the form below, so here they
// get what the form does not show; everyone else gets the whole description.
import { Badge, Code, CopyButton, Group, SimpleGrid, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { Organization } from '@saasready/sdk/client';
import { RelativeTime } from '../../../components/dates';
import { Section } from './section';

export function OrgSummary({ org, editable }: { org: Organization; editable: boolean }) {
  return (
    <Section title="Overview">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
        {!editable && <Field label="Name"><Text fw={500} style={{ overflowWrap: 'anywhere' }}>{org.name}</Text></Field>}
        {!editable && <Field label="Slug"><Code>{org.slug}</Code></Field>}
        <Field label="Created"><RelativeTime value={org.created_at} /></Field>
        <Field label="Two-factor authentication">
          {org.settings.require_2fa === true ? <Badge color="green" variant="light">Required</Badge> : <Badge color="gray" variant="light">Optional</Badge>}
        </Field>
        <Field label="Organization ID">
          {/* the id is what API calls and SDK code need */}
          <CopyButton value={org.id}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
                <UnstyledButton onClick={copy} aria-label={`Copy organization ID ${org.id}`}>
                  <Code style={{ overflowWrap: 'anywhere' }}>{org.id}</Code>
                </UnstyledButton>
              </Tooltip>
            )}
          </CopyButton>
        </Field>
      </SimpleGrid>
      {!editable && (
        <Field label="Description">
          {org.description ? <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{org.description}</Text> : <Text size="sm" c="dimmed">No description</Text>}
        </Field>
      )}
    </Section>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      <Group gap="xs">{children}</Group>
    </Stack>
  );
}

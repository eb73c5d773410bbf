// Name, slug, description and metadata. Only the fields that changed are sent, so a concurrent edit
// of another field is not overwritten with what this page loaded.
import { useState } from 'react';
import { Anchor, Button, Group, JsonInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Organization, UpdateOrganizationBody } from '@saasready/sdk/client';
import { client } from '../../../api/client';
import { fieldErrors, isProblem } from '../../../api/problems';
import { notifySuccess } from '../../../components/notify';
import { FormError } from '../../../components/states';
import { organizationKey } from './keys';
import { formatMetadata, parseMetadata } from './metadata';
import { Section } from './section';

export function OrgDetailsForm({ org }: { org: Organization }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(org.name);
  const [slug, setSlug] = useState(org.slug);
  const [description, setDescription] = useState(org.description ?? '');
  const [metadataText, setMetadataText] = useState(formatMetadata(org.metadata));
  const metadata = parseMetadata(metadataText);

  const changes: UpdateOrganizationBody = {};
  if (name.trim() !== org.name) changes.name = name.trim();
  if (slug.trim() !== org.slug) changes.slug = slug.trim();
  if ((description.trim() || null) !== org.description) changes.description = description.trim() || null;
  if (metadata.ok && JSON.stringify(metadata.value) !== JSON.stringify(org.metadata)) changes.metadata = metadata.value;
  const dirty = Object.keys(changes).length > 0;

  const save = useMutation({
    mutationFn: (body: UpdateOrganizationBody) => client.orgs.update(org.id, body),
    onSuccess: async (saved, body) => {
      queryClient.setQueryData(organizationKey(org.id), saved);
      // the organization switcher and navigation read names from the session's memberships
      if (body.name !== undefined || body.slug !== undefined) await queryClient.invalidateQueries({ queryKey: ['me'] });
      notifySuccess('Organization saved');
    },
  });

  // a refusal speaks about the values that were sent: once a field is corrected, its error goes
  const sent = save.variables ?? {};
  const stillSent = { name: sent.name === name.trim(), slug: sent.slug === slug.trim(), description: sent.description === (description.trim() || null), metadata: true };
  const errors = Object.fromEntries(Object.entries(fieldErrors(save.error)).filter(([field]) => stillSent[field as keyof typeof stillSent] ?? true));
  const slugTaken = isProblem(save.error, 'organization.slug_taken') && stillSent.slug;
  const suggestion = slugTaken && isProblem(save.error, 'organization.slug_taken') ? (save.error.meta.suggestion as string | undefined) : undefined;
  const slugError =
    friendlySlugError(errors.slug) ??
    (suggestion ? (
      <>
        This slug is taken. “{suggestion}” is free:{' '}
        <Anchor component="button" type="button" size="xs" onClick={() => { setSlug(suggestion); save.reset(); }}>use it</Anchor>
      </>
    ) : slugTaken ? 'This slug is taken.' : undefined);
  const metadataError = !metadata.ok ? metadata.error : errors.metadata;
  const shownInline = errors.name || errors.description || slugError || metadataError || Object.keys(fieldErrors(save.error)).length > 0;

  return (
    <Section title="Details" description="How the organization appears to its members.">
      <form onSubmit={(e) => { e.preventDefault(); if (dirty && metadata.ok) save.mutate(changes); }} aria-label="Organization details">
        <Stack>
          <TextInput label="Name" required maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <TextInput
            label="Slug"
            description="Lower-case letters, digits and dashes; 3–48 characters. Used in URLs."
            required
            maxLength={48}
            value={slug}
            onChange={(e) => setSlug(e.currentTarget.value.toLowerCase())}
            error={slugError}
          />
          <Textarea label="Description" autosize minRows={2} maxRows={6} maxLength={1000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
          <JsonInput
            label="Metadata"
            description="A JSON object for your application's own use (at most 8 KiB), e.g. a billing customer id."
            placeholder={'{\n  "stripe_customer_id": "cus_…"\n}'}
            autosize
            minRows={4}
            maxRows={14}
            formatOnBlur
            value={metadataText}
            onChange={setMetadataText}
            error={metadataError}
            // JsonInput replaces `error` with this after a blur on invalid JSON: without it the message vanished
            validationError={metadataError ?? 'Not valid JSON'}
          />
          {!shownInline && <FormError error={save.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!dirty || !metadata.ok}>Save changes</Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

// the schema's pattern message quotes a regular expression, which helps nobody
const friendlySlugError = (message: string | undefined) =>
  message && /pattern|length|characters/i.test(message) ? 'Use 3–48 lower-case letters, digits and single dashes, starting and ending with a letter or digit.' : message;

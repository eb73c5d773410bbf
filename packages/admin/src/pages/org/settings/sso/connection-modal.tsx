// Adding or changing an SSO connection. SAML from the IdP's metadata (pasted XML or its URL) or from
// the three values by hand; OIDC from the issuer and the app's client id and secret. The secret is
// write-only: editing leaves it as it is unless a new one is typed.
import { useState } from 'react';
import { Button, Group, Modal, PasswordInput, SegmentedControl, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSsoConnectionBody, SsoConnection, UpdateSsoConnectionBody } from '@saasready/sdk/client';
import { client } from '../../../../api/client';
import { fieldErrors } from '../../../../api/problems';
import { notifySuccess } from '../../../../components/notify';
import { FormError } from '../../../../components/states';
import { connectionsKey } from './keys';

type SamlSource = 'xml' | 'url' | 'manual';

export function ConnectionModal({ orgId, editing, opened, onClose }: { orgId: string; editing: SsoConnection | null; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? `Edit ${editing.name}` : 'Add an SSO connection'} size="lg">
      {opened && <ConnectionForm key={editing?.id ?? 'new'} orgId={orgId} editing={editing} onDone={onClose} />}
    </Modal>
  );
}

function ConnectionForm({ orgId, editing, onDone }: { orgId: string; editing: SsoConnection | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [type, setType] = useState<'saml' | 'oidc'>(editing?.type ?? 'saml');
  const [source, setSource] = useState<SamlSource>(editing ? 'manual' : 'xml');
  const [name, setName] = useState(editing?.name ?? '');
  const [enabled, setEnabled] = useState(editing?.enabled ?? true);
  const [defaultRoleId, setDefaultRoleId] = useState<string | null>(editing?.default_role_id ?? null);
  const [allowIdpInitiated, setAllowIdpInitiated] = useState(editing?.allow_idp_initiated ?? false);
  const [metadataXml, setMetadataXml] = useState('');
  const [metadataUrl, setMetadataUrl] = useState('');
  const [entityId, setEntityId] = useState(editing?.saml?.idp_entity_id ?? '');
  const [ssoUrl, setSsoUrl] = useState(editing?.saml?.idp_sso_url ?? '');
  const [certificate, setCertificate] = useState('');
  const [issuer, setIssuer] = useState(editing?.oidc?.issuer ?? '');
  const [clientId, setClientId] = useState(editing?.oidc?.client_id ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [scopes, setScopes] = useState((editing?.oidc?.scopes ?? ['openid', 'email', 'profile']).join(' '));
  const roles = useQuery({ queryKey: ['org', orgId, 'roles'], queryFn: () => client.orgs.listRoles(orgId) });

  const save = useMutation({
    mutationFn: () => {
      const scopeList = scopes.split(/\s+/).filter(Boolean);
      if (editing) {
        const common = { name, enabled, default_role_id: defaultRoleId };
        const body: UpdateSsoConnectionBody =
          editing.type === 'saml'
            ? { ...common, idp_entity_id: entityId, idp_sso_url: ssoUrl, allow_idp_initiated: allowIdpInitiated, ...(certificate.trim() ? { idp_certificate: certificate } : {}) }
            : { ...common, issuer, client_id: clientId, scopes: scopeList, ...(clientSecret ? { client_secret: clientSecret } : {}) };
        return client.sso.updateConnection(orgId, editing.id, body);
      }
      const common = { name, enabled, ...(defaultRoleId ? { default_role_id: defaultRoleId } : {}) };
      const body: CreateSsoConnectionBody =
        type === 'oidc'
          ? { type, ...common, issuer, client_id: clientId, client_secret: clientSecret, scopes: scopeList }
          : {
              type, ...common, allow_idp_initiated: allowIdpInitiated,
              ...(source === 'xml' ? { idp_metadata_xml: metadataXml } : source === 'url' ? { idp_metadata_url: metadataUrl } : { idp_entity_id: entityId, idp_sso_url: ssoUrl, idp_certificate: certificate }),
            };
      return client.sso.createConnection(orgId, body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: connectionsKey(orgId) });
      notifySuccess(editing ? `${saved.name} saved` : `${saved.name} added: give your identity provider the values shown under it`);
      onDone();
    },
  });
  const errors = fieldErrors(save.error);

  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }} aria-label={editing ? 'Edit SSO connection' : 'Add SSO connection'}>
      <Stack>
        {!editing && (
          <SegmentedControl value={type} onChange={(v) => setType(v as 'saml' | 'oidc')} data={[{ value: 'saml', label: 'SAML 2.0' }, { value: 'oidc', label: 'OpenID Connect' }]} aria-label="Protocol" />
        )}
        <TextInput label="Name" description="Shown to your administrators, e.g. “Okta”" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        {type === 'saml' ? (
          <>
            {!editing && (
              <SegmentedControl
                value={source}
                onChange={(v) => setSource(v as SamlSource)}
                data={[{ value: 'xml', label: 'Paste metadata XML' }, { value: 'url', label: 'Metadata URL' }, { value: 'manual', label: 'Enter values' }]}
                aria-label="IdP details from"
              />
            )}
            {source === 'xml' && !editing && (
              <Textarea label="IdP metadata XML" description="From your IdP: the SAML app’s “IdP metadata” download" required autosize minRows={4} maxRows={10} value={metadataXml} onChange={(e) => setMetadataXml(e.currentTarget.value)} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }} />
            )}
            {source === 'url' && !editing && (
              <TextInput label="IdP metadata URL" description="Fetched once, now (https, no redirects)" required type="url" value={metadataUrl} onChange={(e) => setMetadataUrl(e.currentTarget.value)} />
            )}
            {source === 'manual' && (
              <>
                <TextInput label="IdP entity ID (issuer)" required value={entityId} onChange={(e) => setEntityId(e.currentTarget.value)} />
                <TextInput label="IdP single sign-on URL (HTTP-Redirect)" required type="url" value={ssoUrl} onChange={(e) => setSsoUrl(e.currentTarget.value)} />
                <Textarea
                  label="IdP signing certificate"
                  description={editing ? `${editing.saml?.idp_certificate_count ?? 0} stored; paste one to replace them` : 'PEM or base64'}
                  required={!editing}
                  autosize
                  minRows={3}
                  maxRows={8}
                  value={certificate}
                  onChange={(e) => setCertificate(e.currentTarget.value)}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
                />
              </>
            )}
            <Switch label="Allow IdP-initiated sign-in" description="Accept logins started from the IdP’s app dashboard (no request of ours to answer). Off is safer." checked={allowIdpInitiated} onChange={(e) => setAllowIdpInitiated(e.currentTarget.checked)} />
          </>
        ) : (
          <>
            <TextInput label="Issuer URL" description="e.g. https://acme.okta.com or https://login.microsoftonline.com/{tenant}/v2.0" required type="url" value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} />
            <TextInput label="Client ID" required value={clientId} onChange={(e) => setClientId(e.currentTarget.value)} />
            <PasswordInput
              label="Client secret"
              description={editing ? (editing.oidc?.client_secret_set ? 'Stored encrypted, never shown. Leave empty to keep it.' : 'None stored') : 'Stored encrypted, never shown again'}
              required={!editing}
              value={clientSecret}
              onChange={(e) => setClientSecret(e.currentTarget.value)}
              autoComplete="off"
            />
            <TextInput label="Scopes" description="Space-separated" value={scopes} onChange={(e) => setScopes(e.currentTarget.value)} />
          </>
        )}
        <Select
          label="Role for new members"
          description="People who sign in through this connection for the first time join with this role"
          placeholder="Member (default)"
          clearable
          data={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          value={defaultRoleId}
          onChange={setDefaultRoleId}
        />
        <Switch label="Enabled" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <FormError error={save.error} />
        <Text size="xs" c="dimmed">The IdP must be reachable from this server; private addresses are refused unless the operator allows them.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>{editing ? 'Save' : 'Add connection'}</Button>
        </Group>
      </Stack>
    </form>
  );
}

// Single sign-on for the organization (sso.manage): its identity provider connections, the domains
// SSO speaks for, and the switch that makes SSO the only way in for their members.
import { Divider } from '@mantine/core';
import type { Organization } from '@saasready/sdk/client';
import { useMembership } from '../../../session/session';
import { Section } from './section';
import { Connections } from './sso/connections';
import { Domains } from './sso/domains';
import { Enforcement } from './sso/enforcement';

export function SsoSection({ org }: { org: Organization }) {
  const { can } = useMembership(org.id);
  if (!can('sso.manage')) return null;
  return (
    <Section title="Single sign-on (SSO)" description="Let your people sign in through your identity provider: Okta, Microsoft Entra ID, Google Workspace, or any SAML 2.0 or OpenID Connect IdP.">
      <Connections orgId={org.id} />
      <Divider />
      <Domains orgId={org.id} />
      <Divider />
      <Enforcement org={org} />
    </Section>
  );
}

// Where an SSO login comes back: `?code=…&state=…` (or `?error=…`). The code is redeemed once, only
// for a login this browser started; a normal login becomes the dashboard's cookie session, a
// connection test shows who the IdP signed in and ends the session it opened at once.
import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Code, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SaaSReady, type SsoTokenResponse } from '@saasready/sdk/client';
import { client } from '../../api/client';
import { problemMessage } from '../../api/problems';
import { useSession } from '../../session/session';
import { safeNext } from '../../session/safe-next';
import { takeSsoLogin } from '../../session/sso-login';

type Outcome = { kind: 'working' } | { kind: 'failed'; message: string; test: boolean } | { kind: 'tested'; profile: SsoTokenResponse['sso_profile'] };

/** codes already redeemed by this page (React runs effects twice in development) */
const redeemed = new Set<string>();

export function SsoCallbackPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'working' });
  const once = useRef(false);

  useEffect(() => {
    if (once.current) return;
    once.current = true;
    const code = params.get('code');
    const started = takeSsoLogin(params.get('state'));
    if (!started) {
      setOutcome({ kind: 'failed', test: false, message: 'This single sign-on was not started in this browser, or it took too long. Start again from the login page.' });
      return;
    }
    const error = params.get('error');
    if (error || !code) {
      setOutcome({ kind: 'failed', test: started.test, message: params.get('error_description') || 'The identity provider did not sign you in.' });
      return;
    }
    if (redeemed.has(code)) return;
    redeemed.add(code);
    void (async () => {
      try {
        if (started.test) {
          // a client of its own, without the cookie: the dashboard's session stays the administrator's
          const probe = new SaaSReady({ baseUrl: window.location.origin });
          const session = await probe.sso.exchangeCode(code);
          await probe.auth.logout().catch(() => undefined);
          setOutcome({ kind: 'tested', profile: session.sso_profile });
          return;
        }
        await client.sso.exchangeCode(code);
        await signedIn();
        navigate(safeNext(started.next), { replace: true });
      } catch (err) {
        setOutcome({ kind: 'failed', test: started.test, message: problemMessage(err) });
      }
    })();
  }, [params, navigate, signedIn]);

  if (outcome.kind === 'working') {
    return (
      <Stack align="center" role="status">
        <Loader />
        <Text>Signing you in…</Text>
      </Stack>
    );
  }
  if (outcome.kind === 'failed') {
    return (
      <Stack>
        <Title order={3}>{outcome.test ? 'The connection test failed' : 'Single sign-on failed'}</Title>
        <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">{outcome.message}</Alert>
        {!outcome.test && <Button component={Link} to="/login">Back to log in</Button>}
      </Stack>
    );
  }
  const p = outcome.profile;
  return (
    <Stack>
      <Title order={3}>The connection works</Title>
      <Alert color="green" icon={<IconCircleCheck size={18} />} role="status">
        The identity provider signed in <strong>{p.email}</strong>. The test session was ended at once; you can close this tab.
      </Alert>
      <Table withTableBorder fz="sm">
        <Table.Tbody>
          <Table.Tr><Table.Th>Email</Table.Th><Table.Td>{p.email}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>Name</Table.Th><Table.Td>{[p.first_name, p.last_name].filter(Boolean).join(' ') || '—'}</Table.Td></Table.Tr>
          <Table.Tr><Table.Th>IdP subject</Table.Th><Table.Td><Code>{p.idp_id}</Code></Table.Td></Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={500}>Attributes the IdP sent</Text>
      <Code block>{JSON.stringify(p.raw_attributes, null, 2)}</Code>
      <Anchor component={Link} to={`/orgs/${p.organization_id}`} size="sm">Back to the organization’s settings</Anchor>
    </Stack>
  );
}

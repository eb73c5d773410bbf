// Log in: email and password, then — for accounts with two-factor — a TOTP or backup code. Once the
// email is typed, the server is asked whether its domain signs in through SSO; if so "Continue with
// SSO" leads to the organization's identity provider (and back to /sso/callback).
import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Divider, Group, PasswordInput, PinInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { IconKey, IconLogout } from '@tabler/icons-react';
import { client } from '../../api/client';
import { fieldErrors, isProblem } from '../../api/problems';
import { FormError } from '../../components/states';
import { useSession } from '../../session/session';
import { startSsoLogin } from '../../session/sso-login';

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The SSO lookup of what is typed, once typing pauses. */
function useSsoLookup(email: string) {
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(email.trim().toLowerCase()), 350);
    return () => clearTimeout(timer);
  }, [email]);
  return useQuery({
    queryKey: ['sso-lookup', settled],
    queryFn: () => client.sso.lookup(settled),
    enabled: LOOKS_LIKE_EMAIL.test(settled),
    staleTime: 60_000,
    retry: false,
  });
}

export function LoginPage() {
  const { signedIn, endReason } = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mfaToken, setMfaToken] = useState<string | null>(null);

  const lookup = useSsoLookup(email);
  const sso = lookup.data?.sso && lookup.data.connection_id ? lookup.data : null;
  const continueWithSso = (connectionId: string) => window.location.assign(startSsoLogin(connectionId, { next: params.get('next') }));

  const login = useMutation({
    mutationFn: () => client.auth.login({ email, password }),
    onSuccess: async (result) => {
      if ('mfa_required' in result) setMfaToken(result.mfa_token);
      else await signedIn();
    },
  });

  if (mfaToken) return <SecondFactor mfaToken={mfaToken} onRestart={() => { setMfaToken(null); login.reset(); }} />;

  const errors = fieldErrors(login.error);
  const signupLink = `/signup${params.toString() ? `?${params}` : ''}`;
  return (
    <form onSubmit={(e) => { e.preventDefault(); login.mutate(); }} aria-label="Log in">
      <Stack>
        <Title order={3}>Log in</Title>
        {endReason === 'ended' && (
          <Alert color="orange" icon={<IconLogout size={18} />} title="Your session ended" role="status">
            You were signed out: from another tab or device, by “log out everywhere”, by an administrator, or because the session
            expired. Log in again to continue where you were.
          </Alert>
        )}
        <TextInput label="Email" type="email" autoComplete="username" autoFocus required withAsterisk={false} value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
        {sso && (
          <Stack gap={6}>
            <Button leftSection={<IconKey size={18} />} onClick={() => continueWithSso(sso.connection_id!)} fullWidth>
              Continue with SSO
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              {sso.sso_required
                ? 'Your organization requires single sign-on. Only its Owners may use a password (with two-factor) as a break-glass login.'
                : 'Your organization signs you in through its identity provider.'}
            </Text>
            <Divider label="or use your password" labelPosition="center" />
          </Stack>
        )}
        <PasswordInput label="Password" autoComplete="current-password" required withAsterisk={false} value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={errors.password} />
        <Group justify="flex-end" mt={-8}>
          <Anchor component={Link} to="/forgot-password" size="sm">Forgot password?</Anchor>
        </Group>
        {!errors.email && !errors.password && !isProblem(login.error, 'auth.sso_required') && <FormError error={login.error} />}
        {isProblem(login.error, 'auth.sso_required') && (
          <Alert color="blue" icon={<IconKey size={18} />} title="Single sign-on required" role="alert">
            Your organization requires you to sign in through its identity provider.
            {sso && (
              <Button mt="xs" size="xs" onClick={() => continueWithSso(sso.connection_id!)}>Continue with SSO</Button>
            )}
          </Alert>
        )}
        <Button type="submit" loading={login.isPending} fullWidth>Log in</Button>
        <Text size="sm" ta="center">
          New here? <Anchor component={Link} to={signupLink}>Create an account</Anchor>
        </Text>
      </Stack>
    </form>
  );
}

function SecondFactor({ mfaToken, onRestart }: { mfaToken: string; onRestart: () => void }) {
  const { signedIn } = useSession();
  const [useBackup, setUseBackup] = useState(false);
  const pinRef = useRef<HTMLDivElement>(null);
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: (value: string) =>
      client.auth.loginWith2fa(useBackup ? { mfa_token: mfaToken, backup_code: value } : { mfa_token: mfaToken, code: value }),
    onSuccess: () => signedIn(),
    // a wrong code is typed again from scratch: clear the six boxes and put the cursor in the first
    onError: () => {
      if (useBackup) return;
      setCode('');
      pinRef.current?.querySelector('input')?.focus();
    },
  });
  // the mfa_token lives 5 minutes and works once: after that only a fresh password step helps
  const expired = isProblem(verify.error, 'auth.invalid_mfa_token');

  return (
    <form onSubmit={(e) => { e.preventDefault(); verify.mutate(code); }} aria-label="Two-factor code">
      <Stack>
        <Title order={3}>Two-factor authentication</Title>
        <Text size="sm" c="dimmed">
          {useBackup ? 'Enter one of your backup codes.' : 'Enter the 6-digit code from your authenticator app.'}
        </Text>
        {useBackup ? (
          <TextInput label="Backup code" autoComplete="one-time-code" required withAsterisk={false} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        ) : (
          <div ref={pinRef}>
          <PinInput
            length={6}
            type="number"
            oneTimeCode
            autoFocus
            value={code}
            onChange={setCode}
            onComplete={(value) => verify.mutate(value)}
            aria-label="Authentication code"
          />
          </div>
        )}
        <FormError error={verify.error} />
        {expired ? (
          <Button onClick={onRestart} variant="light">Start again</Button>
        ) : (
          <Button type="submit" loading={verify.isPending} disabled={!code} fullWidth>Verify</Button>
        )}
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={() => { setUseBackup(!useBackup); setCode(''); verify.reset(); }}>
            {useBackup ? 'Use the authenticator app' : 'Use a backup code'}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={onRestart}>Back</Anchor>
        </Group>
      </Stack>
    </form>
  );
}

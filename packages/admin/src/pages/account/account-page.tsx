// The signed-in user's own account: profile, password, sessions and two-factor authentication,
// one tab each; the tab lives in `?tab=` so links (e.g. the 2FA reminder) open the right one.
import { Tabs } from '@mantine/core';
import { IconDevices, IconLock, IconShieldLock, IconUser } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PasswordTab } from './password-tab';
import { ProfileTab } from './profile-tab';
import { SessionsTab } from './sessions-tab';
import { TwoFactorTab } from './two-factor-tab';

const TABS = ['profile', 'password', 'sessions', '2fa'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => (TABS as readonly (string | null)[]).includes(value);

export function AccountPage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'profile';

  const select = (value: string | null) => {
    if (!isTab(value)) return;
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('tab', value);
      return next;
    }, { replace: true });
  };

  return (
    <>
      <PageHeader title="Account" description="Your profile, password, sessions and two-factor authentication." />
      <Tabs value={tab} onChange={select}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="profile" leftSection={<IconUser size={16} />}>Profile</Tabs.Tab>
          <Tabs.Tab value="password" leftSection={<IconLock size={16} />}>Password</Tabs.Tab>
          <Tabs.Tab value="sessions" leftSection={<IconDevices size={16} />}>Sessions</Tabs.Tab>
          <Tabs.Tab value="2fa" leftSection={<IconShieldLock size={16} />}>Two-factor</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile"><ProfileTab /></Tabs.Panel>
        <Tabs.Panel value="password"><PasswordTab /></Tabs.Panel>
        <Tabs.Panel value="sessions"><SessionsTab /></Tabs.Panel>
        <Tabs.Panel value="2fa"><TwoFactorTab /></Tabs.Panel>
      </Tabs>
    </>
  );
}

// The shell of every signed-in page: header (menu button on phones, organization switcher, user
// menu) and the navigation, which shows only what the user's role in this organization allows.
import { ActionIcon, AppShell, Alert, Anchor, Avatar, Burger, Button, Group, Kbd, Menu, NavLink, ScrollArea, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAdjustments, IconBuilding, IconFlag, IconKey, IconListDetails, IconLogout, IconMail, IconSend, IconShieldCheck, IconUser, IconUsers,
  IconChartBar, IconRefresh, IconSearch, IconUsersGroup, IconWebhook, IconWorld,
} from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { Loading } from '../components/states';
import { ErrorBoundary } from '../components/error-boundary';
import { OrgAccessProblem } from '../components/forbidden';
import { useMe, useMembership, useSession } from '../session/session';
import { OrgSwitcher } from './org-switcher';
import { CommandPalette, type PaletteItem } from './command-palette';
import { PRODUCT_COLOR, PRODUCT_NAME } from '../brand';
import { BrandMark } from './brand-mark';
import { useDevMailboxOn } from '../pages/dev/use-dev-mailbox';

interface NavItem { to: string; label: string; icon: typeof IconUsers; permission?: string }

const ORG_NAV: NavItem[] = [
  { to: '/members', label: 'Members', icon: IconUsers, permission: 'user.read' },
  { to: '/invitations', label: 'Invitations', icon: IconSend, permission: 'user.invite' },
  { to: '/roles', label: 'Roles', icon: IconShieldCheck, permission: 'role.read' },
  { to: '/audit', label: 'Audit log', icon: IconListDetails, permission: 'audit.read' },
  { to: '/feature-flags', label: 'Feature flags', icon: IconFlag, permission: 'feature_flags.read' },
  { to: '/api-keys', label: 'API keys', icon: IconKey, permission: 'api_key.manage' },
  { to: '/webhooks', label: 'Webhooks', icon: IconWebhook, permission: 'webhooks.manage' },
  { to: '/directory-sync', label: 'Directory sync', icon: IconRefresh, permission: 'directory.manage' },
  { to: '', label: 'Settings', icon: IconAdjustments, permission: 'org.read' },
];

export function AppLayout() {
  const me = useMe();
  const { signOut } = useSession();
  const location = useLocation();
  const [navOpen, nav] = useDisclosure(false);
  const match = useMatch('/orgs/:orgId/*');
  const orgId = match?.params.orgId ?? me.current_organization?.id ?? me.memberships[0]?.organization_id;
  const section = match ? location.pathname.slice(`/orgs/${match.params.orgId}`.length) : '/members';
  const { can, membership } = useMembership(orgId ?? '');
  // an organization in the address that the person cannot use: say why instead of a page of errors
  const blocked = !!match && (!membership || membership.status !== 'active');
  const mailboxOn = useDevMailboxOn();

  const [paletteOpen, palette] = useDisclosure(false);
  const pages: PaletteItem[] = [
    ...(orgId && !blocked ? ORG_NAV.filter((item) => !item.permission || can(item.permission)).map((item) => ({ kind: 'page' as const, label: item.label, hint: membership?.organization_name, to: `/orgs/${orgId}${item.to}` })) : []),
    { kind: 'page', label: 'Account', hint: 'profile, password, two-factor, sessions', to: '/account' },
    ...(me.is_superuser
      ? [
          { kind: 'page' as const, label: 'Overview', hint: 'instance', to: '/admin/overview' },
          { kind: 'page' as const, label: 'All users', hint: 'instance', to: '/admin/users' },
          { kind: 'page' as const, label: 'All organizations', hint: 'instance', to: '/admin/organizations' },
          { kind: 'page' as const, label: 'Global flags', hint: 'instance', to: '/admin/feature-flags' },
          { kind: 'page' as const, label: 'Instance webhooks', hint: 'instance', to: '/admin/webhooks' },
        ]
      : []),
  ];

  const link = (to: string, label: string, Icon: typeof IconUsers) => (
    <NavLink key={to} component={Link} to={to} label={label} leftSection={<Icon size={18} stroke={1.6} />} active={location.pathname === to} onClick={nav.close} />
  );

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="md">
      <AppShell.Header style={PRODUCT_COLOR ? { borderTop: `3px solid ${PRODUCT_COLOR}` } : undefined}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Anchor component={Link} to="/" fw={700} c="var(--mantine-color-text)" underline="never" visibleFrom="xs">
              <Group gap={6} wrap="nowrap" component="span"><BrandMark size={20} />{PRODUCT_NAME}</Group>
            </Anchor>
            <Text c="dimmed" visibleFrom="xs">/</Text>
            <OrgSwitcher orgId={orgId} section={section || ''} />
          </Group>
          <Group gap="xs" wrap="nowrap">
          <Button variant="default" size="xs" onClick={palette.open} leftSection={<IconSearch size={14} />} visibleFrom="sm" rightSection={<Kbd size="xs">Ctrl K</Kbd>}>
            Go to
          </Button>
          <ActionIcon variant="default" onClick={palette.open} aria-label="Go to… (Ctrl+K)" hiddenFrom="sm"><IconSearch size={16} /></ActionIcon>
          <Menu position="bottom-end" width={240} shadow="md">
            <Menu.Target>
              <UnstyledButton>
                {/* named by its visible text too (the person's name), with what it is in front */}
                <VisuallyHidden>Account menu</VisuallyHidden>
                <Group gap={8} wrap="nowrap">
                  <Avatar size="sm" radius="xl" color="indigo">{initials(me.full_name || me.email)}</Avatar>
                  <Text size="sm" visibleFrom="sm" truncate maw={180}>{me.full_name || me.email}</Text>
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{me.email}</Menu.Label>
              <Menu.Item component={Link} to="/account" leftSection={<IconUser size={14} />}>Account</Menu.Item>
              {mailboxOn && <Menu.Item component={Link} to="/dev/mailbox" leftSection={<IconMail size={14} />}>Dev mailbox</Menu.Item>}
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconLogout size={14} />} onClick={() => void signOut()}>Log out</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          </Group>
        </Group>
        <CommandPalette pages={pages} opened={paletteOpen} onOpen={palette.open} onClose={palette.close} />
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          {orgId && ORG_NAV.filter((item) => !item.permission || can(item.permission)).map((item) => link(`/orgs/${orgId}${item.to}`, item.label, item.icon))}
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" px="sm" mt="md" mb={4}>You</Text>
          {link('/account', 'Account', IconUser)}
          {me.is_superuser && (
            <>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase" px="sm" mt="md" mb={4}>Instance</Text>
              {link('/admin/overview', 'Overview', IconChartBar)}
              {link('/admin/users', 'All users', IconUsersGroup)}
              {link('/admin/organizations', 'All organizations', IconBuilding)}
              {link('/admin/feature-flags', 'Global flags', IconWorld)}
              {link('/admin/webhooks', 'Instance webhooks', IconWebhook)}
            </>
          )}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        {me.two_factor_setup_required && (
          <Alert color="orange" mb="md" title="Two-factor authentication required">
            An organization you belong to requires two-factor authentication.{' '}
            <Anchor component={Link} to="/account?tab=2fa">Set it up now</Anchor>.
          </Alert>
        )}
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            {blocked ? <OrgAccessProblem membership={membership} /> : <Outlet />}
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}

function initials(name: string): string {
  return name.split(/[\s@.]+/).filter(Boolean).slice(0, 2).map((p) => p[0]!.toUpperCase()).join('');
}

// Every screen and where it lives. Public pages sit in a centred card; the rest need a session and
// share the shell (header with organization switcher, navigation).
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Center, Loader } from '@mantine/core';
import { useSession } from './session/session';
import { AppLayout } from './layout/app-layout';
import { AuthLayout } from './layout/auth-layout';
import { HomeRedirect } from './pages/home-redirect';
import { NotFoundPage } from './pages/not-found-page';
import { LoginPage } from './pages/auth/login-page';
import { SignupPage } from './pages/auth/signup-page';
import { ForgotPasswordPage } from './pages/auth/forgot-password-page';
import { ResetPasswordPage } from './pages/auth/reset-password-page';
import { VerifyEmailPage } from './pages/auth/verify-email-page';
import { AcceptInvitePage } from './pages/auth/accept-invite-page';
import { SsoCallbackPage } from './pages/auth/sso-callback-page';
import { safeNext } from './session/safe-next';
import { ErrorBoundary } from './components/error-boundary';
import { ServerUnavailable } from './components/server-unavailable';

// Signed-in pages load on first visit: the login page stays small and fast.
const OrgSettingsPage = lazy(() => import('./pages/org/settings-page').then((m) => ({ default: m.OrgSettingsPage })));
const MembersPage = lazy(() => import('./pages/org/members-page').then((m) => ({ default: m.MembersPage })));
const InvitationsPage = lazy(() => import('./pages/org/invitations-page').then((m) => ({ default: m.InvitationsPage })));
const RolesPage = lazy(() => import('./pages/org/roles-page').then((m) => ({ default: m.RolesPage })));
const AuditPage = lazy(() => import('./pages/org/audit-page').then((m) => ({ default: m.AuditPage })));
const FlagsPage = lazy(() => import('./pages/org/flags-page').then((m) => ({ default: m.FlagsPage })));
const DirectoriesPage = lazy(() => import('./pages/org/directories-page').then((m) => ({ default: m.DirectoriesPage })));
const ApiKeysPage = lazy(() => import('./pages/org/api-keys-page').then((m) => ({ default: m.ApiKeysPage })));
const WebhooksPage = lazy(() => import('./pages/org/webhooks-page').then((m) => ({ default: m.WebhooksPage })));
const AccountPage = lazy(() => import('./pages/account/account-page').then((m) => ({ default: m.AccountPage })));
const AdminUsersPage = lazy(() => import('./pages/admin/admin-users-page').then((m) => ({ default: m.AdminUsersPage })));
const AdminOrganizationsPage = lazy(() => import('./pages/admin/admin-organizations-page').then((m) => ({ default: m.AdminOrganizationsPage })));
const AdminUserPage = lazy(() => import('./pages/admin/admin-user-page').then((m) => ({ default: m.AdminUserPage })));
const AdminOrganizationPage = lazy(() => import('./pages/admin/admin-organization-page').then((m) => ({ default: m.AdminOrganizationPage })));
const AdminOverviewPage = lazy(() => import('./pages/admin/admin-overview-page').then((m) => ({ default: m.AdminOverviewPage })));
const AdminFlagsPage = lazy(() => import('./pages/admin/admin-flags-page').then((m) => ({ default: m.AdminFlagsPage })));
const AdminWebhooksPage = lazy(() => import('./pages/admin/admin-webhooks-page').then((m) => ({ default: m.AdminWebhooksPage })));
const MailboxPage = lazy(() => import('./pages/dev/mailbox-page').then((m) => ({ default: m.MailboxPage })));

function FullScreenLoader() {
  return (
    <Center h="100vh" role="status" aria-label="Loading">
      <Loader />
    </Center>
  );
}

/** Pages that need a session: send visitors to the login page and back here afterwards. */
function RequireSession() {
  const { status, me, meError, retryMe, restoreError, restore, signOut } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <FullScreenLoader />;
  if (status === 'unavailable') return <ServerUnavailable title="The server is unavailable" error={restoreError} onRetry={restore} />;
  if (status === 'anonymous') return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!me && meError) return <ServerUnavailable title="Your account could not be loaded" error={meError} onRetry={retryMe} onLogout={() => void signOut()} />;
  if (!me) return <FullScreenLoader />;
  return <AppLayout />;
}

/** Where no route matched: the dashboard's own Not found page, in the shell the visitor is in. */
function AnyLayout() {
  const { status, me } = useSession();
  if (status === 'restoring' || (status === 'authenticated' && !me)) return <FullScreenLoader />;
  return status === 'authenticated' ? <AppLayout /> : <AuthLayout />;
}

/** Login and sign-up make no sense with a session: go to where the visitor was heading. */
function GuestOnly({ children }: { children: React.ReactNode }) {
  const { status, restoreError, restore } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <FullScreenLoader />;
  if (status === 'unavailable') return <ServerUnavailable title="The server is unavailable" error={restoreError} onRetry={restore} />;
  // `next` is the visitor's to forge: only a path on this dashboard is followed
  if (status === 'authenticated') return <Navigate to={safeNext(new URLSearchParams(location.search).get('next'))} replace />;
  return <>{children}</>;
}

export function App() {
  return (
    <ErrorBoundary>
    <Suspense fallback={<FullScreenLoader />}>
      <Routes>
        <Route element={<AuthLayout />}>
          <Route path="/login" element={<GuestOnly><LoginPage /></GuestOnly>} />
          <Route path="/signup" element={<GuestOnly><SignupPage /></GuestOnly>} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route path="/verify-email" element={<VerifyEmailPage />} />
          <Route path="/accept-invite" element={<AcceptInvitePage />} />
          {/* not guest-only: a connection test comes back here in an administrator's browser */}
          <Route path="/sso/callback" element={<SsoCallbackPage />} />
        </Route>
        <Route path="/dev/mailbox" element={<ErrorBoundary><MailboxPage /></ErrorBoundary>} />
        <Route element={<RequireSession />}>
          <Route path="/" element={<HomeRedirect />} />
          <Route path="/orgs/:orgId" element={<OrgSettingsPage />} />
          <Route path="/orgs/:orgId/members" element={<MembersPage />} />
          <Route path="/orgs/:orgId/invitations" element={<InvitationsPage />} />
          <Route path="/orgs/:orgId/roles" element={<RolesPage />} />
          <Route path="/orgs/:orgId/audit" element={<AuditPage />} />
          <Route path="/orgs/:orgId/feature-flags" element={<FlagsPage />} />
          <Route path="/orgs/:orgId/api-keys" element={<ApiKeysPage />} />
          <Route path="/orgs/:orgId/webhooks" element={<WebhooksPage />} />
          <Route path="/orgs/:orgId/webhooks/:webhookId" element={<WebhooksPage />} />
          <Route path="/orgs/:orgId/directory-sync" element={<DirectoriesPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/admin/overview" element={<AdminOverviewPage />} />
          <Route path="/admin/users" element={<AdminUsersPage />} />
          <Route path="/admin/users/:userId" element={<AdminUserPage />} />
          <Route path="/admin/organizations" element={<AdminOrganizationsPage />} />
          <Route path="/admin/organizations/:orgId" element={<AdminOrganizationPage />} />
          <Route path="/admin/feature-flags" element={<AdminFlagsPage />} />
          <Route path="/admin/webhooks" element={<AdminWebhooksPage />} />
          <Route path="/admin/webhooks/:webhookId" element={<AdminWebhooksPage />} />
        </Route>
        <Route element={<AnyLayout />}>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
    </ErrorBoundary>
  );
}

// Every screen and where it lives. Public pages sit in a centred card; the rest need a session and
// share the shell (header with organization switcher, navigation).
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
import { OrgSettingsPage } from './pages/org/settings-page';
import { MembersPage } from './pages/org/members-page';
import { InvitationsPage } from './pages/org/invitations-page';
import { RolesPage } from './pages/org/roles-page';
import { AuditPage } from './pages/org/audit-page';
import { FlagsPage } from './pages/org/flags-page';
import { ApiKeysPage } from './pages/org/api-keys-page';
import { AccountPage } from './pages/account/account-page';
import { AdminUsersPage } from './pages/admin/admin-users-page';
import { AdminOrganizationsPage } from './pages/admin/admin-organizations-page';
import { AdminFlagsPage } from './pages/admin/admin-flags-page';
import { MailboxPage } from './pages/dev/mailbox-page';

function FullScreenLoader() {
  return (
    <Center h="100vh" role="status" aria-label="Loading">
      <Loader />
    </Center>
  );
}

/** Pages that need a session: send visitors to the login page and back here afterwards. */
function RequireSession() {
  const { status, me } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <FullScreenLoader />;
  if (status === 'anonymous') return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!me) return <FullScreenLoader />;
  return <AppLayout />;
}

/** Login and sign-up make no sense with a session: go to where the visitor was heading. */
function GuestOnly({ children }: { children: React.ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <FullScreenLoader />;
  if (status === 'authenticated') return <Navigate to={new URLSearchParams(location.search).get('next') || '/'} replace />;
  return <>{children}</>;
}

export function App() {
  return (
    <Routes>
      <Route element={<AuthLayout />}>
        <Route path="/login" element={<GuestOnly><LoginPage /></GuestOnly>} />
        <Route path="/signup" element={<GuestOnly><SignupPage /></GuestOnly>} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/verify-email" element={<VerifyEmailPage />} />
        <Route path="/accept-invite" element={<AcceptInvitePage />} />
      </Route>
      <Route path="/dev/mailbox" element={<MailboxPage />} />
      <Route element={<RequireSession />}>
        <Route path="/" element={<HomeRedirect />} />
        <Route path="/orgs/:orgId" element={<OrgSettingsPage />} />
        <Route path="/orgs/:orgId/members" element={<MembersPage />} />
        <Route path="/orgs/:orgId/invitations" element={<InvitationsPage />} />
        <Route path="/orgs/:orgId/roles" element={<RolesPage />} />
        <Route path="/orgs/:orgId/audit" element={<AuditPage />} />
        <Route path="/orgs/:orgId/feature-flags" element={<FlagsPage />} />
        <Route path="/orgs/:orgId/api-keys" element={<ApiKeysPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/admin/users" element={<AdminUsersPage />} />
        <Route path="/admin/organizations" element={<AdminOrganizationsPage />} />
        <Route path="/admin/feature-flags" element={<AdminFlagsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

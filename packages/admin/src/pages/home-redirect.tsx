// `/`: the organization the session is scoped to, else the first one, else the account page.
import { Navigate } from 'react-router';
import { useMe } from '../session/session';

export function HomeRedirect() {
  const me = useMe();
  const orgId = me.current_organization?.id ?? me.memberships[0]?.organization_id;
  return <Navigate to={orgId ? `/orgs/${orgId}/members` : '/account'} replace />;
}

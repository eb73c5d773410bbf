// `/`: the organization the session is scoped to, else the first one the person can use, else the account page.
import { Navigate } from 'react-router';
import { useMe } from '../session/session';

export function HomeRedirect() {
  const me = useMe();
  // a suspended membership shows nothing but "suspended": start where the person can work
  const usable = me.memberships.filter((m) => m.status === 'active');
  const current = usable.find((m) => m.organization_id === me.current_organization?.id);
  const orgId = current?.organization_id ?? usable[0]?.organization_id ?? me.memberships[0]?.organization_id;
  return <Navigate to={orgId ? `/orgs/${orgId}/members` : '/account'} replace />;
}

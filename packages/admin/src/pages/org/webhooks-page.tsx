// The organization's webhook endpoints (webhooks.manage) and, at /webhooks/:webhookId, one endpoint
// with its delivery log. Choosing events needs audit.read too (events carry audit data).
import { useParams } from 'react-router';
import { MissingPermission } from '../../components/forbidden';
import { useMembership } from '../../session/session';
import { orgWebhooks } from './webhooks/scope';
import { WebhookEndpointView, WebhookEndpointsView } from './webhooks/webhooks-view';

export function WebhooksPage() {
  const { orgId = '', webhookId } = useParams<{ orgId: string; webhookId?: string }>();
  const { can, membership } = useMembership(orgId);
  if (!can('webhooks.manage')) {
    return <MissingPermission title="Webhooks" membership={membership} permission="webhooks.manage" doing="manage webhooks" />;
  }
  const scope = orgWebhooks(orgId, can('audit.read'));
  if (webhookId) return <WebhookEndpointView key={webhookId} scope={scope} endpointId={webhookId} listTitle="Webhooks" />;
  return (
    <WebhookEndpointsView
      scope={scope}
      title="Webhooks"
      description="Send this organization’s changes (members, roles, invitations, keys…) to your servers as signed HTTP requests, retried until they answer."
      cannotSubscribe={can('audit.read') ? undefined : 'Adding an endpoint also needs the audit.read permission: events carry audit data (who changed what). You can still manage the existing endpoints.'}
    />
  );
}

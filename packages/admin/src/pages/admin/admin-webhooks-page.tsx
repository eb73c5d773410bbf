// Instance-wide webhook endpoints (superusers only): they receive every organization's events and
// the instance's own (sign-ins, new accounts). Same screens as an organization's.
import { useParams } from 'react-router';
import { SuperuserOnly } from './common/superuser-only';
import { instanceWebhooks } from '../org/webhooks/scope';
import { WebhookEndpointView, WebhookEndpointsView } from '../org/webhooks/webhooks-view';

export function AdminWebhooksPage() {
  const { webhookId } = useParams<{ webhookId?: string }>();
  return (
    <SuperuserOnly title="Instance webhooks">
      {webhookId ? (
        <WebhookEndpointView key={webhookId} scope={instanceWebhooks} endpointId={webhookId} listTitle="Instance webhooks" />
      ) : (
        <WebhookEndpointsView
          scope={instanceWebhooks}
          title="Instance webhooks"
          description="Endpoints that receive the events of every organization on this instance, and instance events such as sign-ins. For SIEMs and platform integrations."
        />
      )}
    </SuperuserOnly>
  );
}

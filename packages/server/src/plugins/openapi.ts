// OpenAPI 3.1 generated from the route schemas; served at /openapi.json with a docs UI at /docs.
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ProblemSchema, WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES, webhookEnvelopeSchema } from '@saasready/contracts';

const PROBLEM_REF = '#/components/schemas/Problem';

/** Every tag an operation may carry, in the order the docs UI shows them. */
export const TAGS = [
  { name: 'auth', description: 'Accounts, login (with 2FA), tokens, password and email flows' },
  { name: 'sessions', description: 'The caller’s sessions: list, end one, end all' },
  { name: 'two-factor', description: 'TOTP enrolment, backup codes, turning 2FA off' },
  { name: 'organizations', description: 'Organizations and the caller’s access to them' },
  { name: 'members', description: 'Memberships: roles, suspension, removal, leaving' },
  { name: 'invitations', description: 'Inviting people by email and accepting invitations' },
  { name: 'roles', description: 'The permission catalog and custom roles' },
  { name: 'api-keys', description: 'Organization API keys for machine access' },
  { name: 'feature-flags', description: 'Global flags, per-organization overrides and evaluation' },
  { name: 'audit', description: 'The tamper-evident audit log: list, export, verify' },
  { name: 'webhooks', description: 'Webhook endpoints, their signing secrets and delivery logs (events: the `webhooks` section)' },
  { name: 'sso', description: 'Enterprise SSO: SAML and OIDC connections, the login round trip, the code exchange' },
  { name: 'domains', description: 'Domains an organization verifies through DNS (SSO discovery and account linking)' },
  { name: 'directories', description: 'SCIM directories: the token an IdP provisions with, and which role each of its groups grants (the SCIM protocol itself is at /scim/v2, see docs/scim.md)' },
  { name: 'admin', description: 'Superuser operations across organizations' },
  { name: 'development', description: 'Development only: the dev mailbox (absent in production and with SMTP)' },
  { name: 'operations', description: 'Root paths for probes, monitoring and token verification: not under /api/v1' },
];

type Responses = Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;

/**
 * Error responses are sent as `application/problem+json` (RFC 9457), but the generator files every
 * response schema under `application/json`: move the Problem ones to the media type actually sent.
 */
export function problemMediaTypes<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, { responses?: Responses }>> }).paths ?? {};
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      for (const response of Object.values(operation?.responses ?? {})) {
        const json = response.content?.['application/json'];
        if (json?.schema?.$ref === PROBLEM_REF) response.content = { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } };
      }
    }
  }
  return document;
}

type BodySchema = { required?: unknown[]; minProperties?: number };
type Operation = { requestBody?: { required?: boolean; content?: Record<string, { schema?: BodySchema }> } };

/**
 * The generator marks every request body required, but a body whose schema accepts `{}` may be left
 * out (plugins/errors.ts judges a missing body as `{}`): say so, so generated clients let callers omit it.
 */
export function optionalBodies<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      const schema = operation?.requestBody?.content?.['application/json']?.schema;
      if (schema && !schema.required?.length && !schema.minProperties) operation.requestBody!.required = false;
    }
  }
  return document;
}

const camel = (type: string) => type.split(/[._]/).map((part, i) => (i ? part[0]!.toUpperCase() + part.slice(1) : part)).join('');

/** The Standard Webhooks headers every delivery carries. */
const WEBHOOK_HEADERS = [
  { name: 'webhook-id', description: 'The event id (the body’s `id`): the same on every retry; deduplicate on it.' },
  { name: 'webhook-timestamp', description: 'Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off.' },
  { name: 'webhook-signature', description: 'Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier.' },
].map((h) => ({ in: 'header', required: true, schema: { type: 'string' }, ...h }));

/**
 * The OpenAPI 3.1 `webhooks` section: one entry per catalog event, the request the server sends to
 * a subscribed endpoint (the envelope with that event's `data`), signed per Standard Webhooks.
 */
export function webhooksSection<T>(document: T): T {
  const webhooks: Record<string, unknown> = {};
  for (const type of WEBHOOK_EVENT_TYPES) {
    webhooks[type] = {
      post: {
        operationId: `webhooks.${camel(type)}`,
        tags: ['webhooks'],
        summary: `${type} event`,
        description: WEBHOOK_EVENT_DESCRIPTIONS[type],
        security: [],
        parameters: WEBHOOK_HEADERS,
        requestBody: { required: true, content: { 'application/json': { schema: JSON.parse(JSON.stringify(webhookEnvelopeSchema(type))) } } },
        responses: {
          '2XX': { description: 'Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures)' },
          '410': { description: 'Gone: the server disables the endpoint and sends it nothing more' },
          default: { description: 'Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h' },
        },
      },
    };
  }
  (document as { webhooks?: unknown }).webhooks = webhooks;
  return document;
}

export default fp<{ publicUrl: string }>(
  async (app, { publicUrl }) => {
    app.addSchema(ProblemSchema);
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'SaaSReady API',
          version: '0.1.0',
          description:
            'Self-hosted authentication, organizations and authorization for B2B SaaS. Errors are RFC 9457 problem documents. ' +
            'Every operation has a stable `operationId` (`auth.login`, `orgs.members.list`) for generated clients. ' +
            'The API lives under `/api/v1`; the `operations` paths (`/healthz`, `/readyz`, `/metrics`, `/.well-known/jwks.json`) are at the root.',
          license: { name: 'MIT', identifier: 'MIT' },
        },
        // PUBLIC_URL: where this server is reached; operation paths carry their own /api/v1 prefix
        servers: [{ url: publicUrl, description: 'This server (PUBLIC_URL)' }],
        tags: TAGS,
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
        security: [{ bearer: [] }],
      },
      transformObject: (documents) => webhooksSection(optionalBodies(problemMediaTypes('openapiObject' in documents ? documents.openapiObject : documents.swaggerObject))),
      refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    });
    app.get('/openapi.json', { config: { public: true, internal: true }, schema: { hide: true } }, async () => app.swagger());
    // The docs UI registers its own routes: mark them public inside this encapsulated context.
    await app.register(async (docs) => {
      docs.addHook('onRoute', (route) => {
        route.config = { ...(route.config ?? {}), public: true, internal: true };
      });
      await docs.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
    });
  },
  { name: 'openapi' },
);

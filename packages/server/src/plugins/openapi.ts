// OpenAPI 3.1 generated from the route schemas; served at /openapi.json with a docs UI at /docs.
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ProblemSchema } from '@saasready/contracts';

const PROBLEM_REF = '#/components/schemas/Problem';

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
        if (json?.schema?.$ref === PROBLEM_REF) response.content = { 'application/problem+json': json };
      }
    }
  }
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
          description: 'Self-hosted authentication, organizations and authorization for B2B SaaS. Errors are RFC 9457 problem documents.',
        },
        servers: [{ url: publicUrl }],
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
        security: [{ bearer: [] }],
      },
      transformObject: (documents) => problemMediaTypes('openapiObject' in documents ? documents.openapiObject : documents.swaggerObject),
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

// `@saasready/sdk/fastify`: the Fastify guard plus the type of `request.saasready`. A separate entry
// point because augmenting the 'fastify' module needs fastify's types, which an Express or Next.js
// app does not have (the main entry must type-check without them, even with skipLibCheck off).
import type {} from 'fastify';
import type { VerifiedCaller } from './verifier.js';

export { fastifyGuard } from './middleware/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** the verified caller, set by a `fastifyGuard` preHandler (undefined on routes without one) */
    saasready?: VerifiedCaller;
  }
}

// HTTP surface of the caller's own profile: schema, access declaration, one service call.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MeSchema, UpdateProfileBody } from '@saasready/contracts';
import type { Database } from '../../db/client.js';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import type { AuthService } from '../auth/service.js';
import { UsersService } from './service.js';

export const userRoutes: FastifyPluginAsyncTypebox<{ db: Database; auth: AuthService }> = async (app, { db, auth }) => {
  const users = new UsersService({ db, me: (ctx) => auth.me(ctx) });

  app.patch('/auth/me', {
    config: { authenticated: true },
    schema: { operationId: 'auth.me.update', tags: ['auth'], summary: 'Change your profile (full name); answers like GET /auth/me', body: UpdateProfileBody, response: { 200: ok('The caller, updated', MeSchema), ...problemResponses } },
  }, async (request) => users.updateProfile(contextOf(request), request.body));
};

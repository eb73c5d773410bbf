// HTTP surface of two-factor enrolment and management.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BackupCodesResponse, MfaEnableBody, MfaPasswordCodeBody, MfaSetupResponse, NoContent } from '@saasready/contracts';
import type { Config } from '../../config.js';
import { contextOf } from '../../lib/request-context.js';
import { ok, problemResponses } from '../../lib/route-schemas.js';
import type { TwoFactorService } from './service.js';

export const twoFactorRoutes: FastifyPluginAsyncTypebox<{ twoFactor: TwoFactorService; config: Config }> = async (app, { twoFactor, config }) => {
  const tags = ['two-factor'];
  // codes are 6 digits: a tight per-account limit on every endpoint that checks one
  const perAccount = app.limit('2fa:account', { max: config.rateLimit.perAccountPerMinute, windowMs: 60_000, key: (req) => req.principal?.userId ?? null });

  app.post('/auth/2fa/setup', {
    config: { authenticated: true },
    schema: { operationId: 'twoFactor.setup', tags, summary: 'Start enrolment: a new TOTP secret and its QR code (nothing is enabled yet)', response: { 200: ok('A new TOTP secret, its otpauth URI and QR code', MfaSetupResponse), ...problemResponses } },
  }, async (request) => twoFactor.setup(request.principal!));

  app.post('/auth/2fa/verify', {
    config: { authenticated: true },
    preHandler: [perAccount],
    schema: { operationId: 'twoFactor.verify', tags, summary: 'Confirm enrolment with a code and the password; ends the other sessions; returns 10 backup codes, shown once', body: MfaEnableBody, response: { 200: ok('Two-factor enabled: 10 backup codes, shown once', BackupCodesResponse), ...problemResponses } },
  }, async (request) => ({ backup_codes: await twoFactor.verify(contextOf(request), request.principal!, request.body.code, request.body.password) }));

  app.post('/auth/2fa/backup-codes', {
    config: { authenticated: true },
    preHandler: [perAccount],
    schema: { operationId: 'twoFactor.regenerateBackupCodes', tags, summary: 'Replace the backup codes (password and a current code)', body: MfaPasswordCodeBody, response: { 200: ok('10 new backup codes, shown once; the old ones stop working', BackupCodesResponse), ...problemResponses } },
  }, async (request) => ({ backup_codes: await twoFactor.regenerateBackupCodes(contextOf(request), request.principal!, request.body.password, request.body.code) }));

  app.post('/auth/2fa/disable', {
    config: { authenticated: true },
    preHandler: [perAccount],
    schema: { operationId: 'twoFactor.disable', tags, summary: 'Turn two-factor off (password and a current or backup code)', body: MfaPasswordCodeBody, response: { 204: ok('Two-factor turned off', NoContent), ...problemResponses } },
  }, async (request, reply) => {
    await twoFactor.disable(contextOf(request), request.principal!, request.body.password, request.body.code);
    return reply.code(204).send(null);
  });
};

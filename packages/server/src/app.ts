// buildApp(config) → a ready-to-listen Fastify instance. Tests use it with inject or listen(0).
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pino, { type DestinationStream } from 'pino';
import { devMailboxEnabled, fastifyTrustProxy, type Config } from './config.js';
import type { FlagSnapshot, MyMembership } from '@saasready/contracts';
import { createCaches } from './cache/caches.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { Metrics } from './lib/metrics.js';
import { createValidatorCompiler } from './lib/validation.js';
import { PasswordHasher } from './lib/passwords.js';
import { adminRoutes } from './modules/admin/routes.js';
import { AdminService } from './modules/admin/service.js';
import { apiKeyRoutes } from './modules/api-keys/routes.js';
import { ApiKeysService, type ApiKeyAuthRow } from './modules/api-keys/service.js';
import { startRetentionJob } from './modules/audit-logs/retention.js';
import { auditRoutes } from './modules/audit-logs/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { featureFlagRoutes } from './modules/feature-flags/routes.js';
import { FeatureFlagsService, type OrgFlagRow } from './modules/feature-flags/service.js';
import { AuthService } from './modules/auth/service.js';
import { EmailTokensService } from './modules/auth/email-tokens.js';
import { directoryRoutes } from './modules/directories/routes.js';
import { scimRoutes } from './modules/directories/scim-routes.js';
import { DirectoriesService } from './modules/directories/service.js';
import { domainRoutes } from './modules/domains/routes.js';
import { DomainsService } from './modules/domains/service.js';
import { healthRoutes } from './modules/health/routes.js';
import { ssoRoutes } from './modules/sso/routes.js';
import { SsoService } from './modules/sso/service.js';
import { invitationRoutes } from './modules/invitations/routes.js';
import { InvitationsService } from './modules/invitations/service.js';
import { devMailboxRoutes } from './modules/mail/routes.js';
import { twoFactorRoutes } from './modules/two-factor/routes.js';
import { LockoutService } from './modules/lockout/service.js';
import { TwoFactorService } from './modules/two-factor/service.js';
import { Mailer } from './modules/mail/service.js';
import { devTransport, smtpTransport } from './modules/mail/transport.js';
import { OutboxWorker } from './modules/mail/worker.js';
import { membershipRoutes } from './modules/memberships/routes.js';
import { MembershipsService, type AccessRow } from './modules/memberships/service.js';
import type { SessionPrincipalRow } from './modules/sessions/service.js';
import { organizationRoutes } from './modules/organizations/routes.js';
import { OrganizationsService } from './modules/organizations/service.js';
import { roleRoutes } from './modules/roles/routes.js';
import { RolesService } from './modules/roles/service.js';
import { Keyring } from './modules/signing-keys/service.js';
import { userRoutes } from './modules/users/routes.js';
import { webhookRoutes } from './modules/webhooks/routes.js';
import { WebhooksService } from './modules/webhooks/service.js';
import { WebhookWorker } from './modules/webhooks/worker.js';
import { installSubscriptionHints, SubscriptionHints, type ScopeSubscribers } from './modules/webhook-events/hints.js';
import authenticate from './plugins/authenticate.js';
import authorize from './plugins/authorize.js';
import dashboard from './plugins/dashboard.js';
import errors, { sendProblem } from './plugins/errors.js';
import idempotency from './plugins/idempotency.js';
import metricsPlugin from './plugins/metrics.js';
import openapi from './plugins/openapi.js';
import rateLimit from './plugins/rate-limit.js';
import requestContext, { logRedact, logSerializers, requestIdFor } from './plugins/request-context.js';
import security from './plugins/security.js';
import './types.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** this process's outbox worker (tests drive it) */
    outbox: OutboxWorker;
    /** this process's webhook delivery worker (tests drive it and set its clock) */
    webhooks: WebhookWorker;
  }
}

export interface BuildOptions {
  /** an already-open database; otherwise one is opened from the config (and closed with the app) */
  database?: DatabaseHandle;
  /** where log lines go (tests capture them); stdout by default */
  logStream?: DestinationStream;
  /** run migrations before serving (default true) */
  migrate?: boolean;
  /** Redis key prefix for rate-limit buckets (tests isolate themselves with it) */
  redisNamespace?: string;
  /** run the outbox worker in this process (default true) */
  outboxWorker?: boolean;
  /** run the webhook delivery worker in this process (default true) */
  webhookWorker?: boolean;
  /** where the built dashboard is (default packages/admin/dist) */
  dashboardDir?: string;
}

/** Largest accepted request body: every legitimate request is far smaller. */
const BODY_LIMIT = 64 * 1024;

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const logger = pino(
    {
      level: config.logLevel,
      redact: logRedact,
      serializers: { ...logSerializers, res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }), err: pino.stdSerializers.err },
    },
    options.logStream ?? pino.destination(1),
  );
  const database = options.database ?? (await openDatabase(config));
  if (options.migrate !== false) await database.migrate();
  // lag-tolerant list reads may go to a replica; everything that decides access reads the primary
  const replica = config.databaseReplicaUrl ? await openDatabase({ databaseUrl: config.databaseReplicaUrl, dataDir: config.dataDir }) : null;
  const reader = replica?.db ?? database.db;

  const redis = config.redisUrl ? new Redis(config.redisUrl, {
        maxRetriesPerRequest: 1,
        connectTimeout: 2_000,
        // a Redis that stops answering without closing the connection must not hold requests
        commandTimeout: 500,
        lazyConnect: false,
      }) : null;
  // log transitions, not every reconnection attempt
  let redisDown = false;
  redis?.on('error', (err) => {
    if (!redisDown) logger.warn({ err: { message: err.message } }, 'redis unavailable: rate limits count per process until it is back');
    redisDown = true;
  });
  redis?.on('ready', () => {
    if (redisDown) logger.info('redis is back: rate limits are shared again');
    redisDown = false;
  });
  // start counting in Redis from the first request (not in-process first, then Redis)
  if (redis && redis.status !== 'ready') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  const metrics = new Metrics();
  const keyring = new Keyring(database.db, {
    masterKey: config.masterKey,
    alg: config.jwtAlg,
    accessTokenTtl: config.accessTokenTtl,
    issuer: config.issuer,
    audience: config.audience,
  });
  await keyring.init();
  const hasher = new PasswordHasher(config.argon2);
  const brand = { productName: config.productName, publicUrl: config.publicUrl, logoUrl: config.productLogoUrl, color: config.productColor };
  const mailer = new Mailer(config.masterKey);
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : devTransport();
  const outbox = new OutboxWorker(database.db, mailer, transport, logger, { pollMs: config.outboxPollMs, retryBaseMs: config.outboxRetryBaseMs, leaseSeconds: config.outboxLeaseSeconds, from: config.mailFrom });
  const mailEnqueued = () => outbox.poke();
  const webhookPolicy = { allowPrivate: config.webhooks.allowPrivate, httpsOnly: config.nodeEnv === 'production', dnsServers: config.dnsServers, timeoutMs: config.webhooks.timeoutMs, allowPrivateSetting: 'WEBHOOK_ALLOW_PRIVATE' };
  const webhookWorker = new WebhookWorker(database, mailer, mailEnqueued, logger, {
    pollMs: config.webhooks.pollMs, leaseSeconds: config.webhooks.leaseSeconds, retentionSeconds: config.webhooks.retentionSeconds,
    policy: webhookPolicy, masterKey: config.masterKey, brand,
  });
  const runWebhookWorker = options.webhookWorker !== false;
  const webhooks = new WebhooksService({ db: database.db, masterKey: config.masterKey, policy: webhookPolicy, queued: () => runWebhookWorker && webhookWorker.poke() });
  const invitations = new InvitationsService({ db: database.db, mailer, brand, invitationTtl: config.invitationTtl, mailEnqueued });
  const emailTokens = new EmailTokensService({ db: database.db, hasher, mailer, brand, mailEnqueued, log: logger });
  // each cache is typed by the module that fills it; all are created before invalidation starts
  const cacheSet = createCaches(database, { ttlSeconds: config.cache.ttlSeconds, maxEntries: config.cache.maxEntries, logger, metrics });
  const caches = {
    sessions: cacheSet.cache<SessionPrincipalRow>('sessions'),
    access: cacheSet.cache<AccessRow>('access'),
    memberships: cacheSet.cache<MyMembership[]>('memberships'),
    apiKeys: cacheSet.cache<ApiKeyAuthRow>('api_keys'),
    orgFlags: cacheSet.cache<OrgFlagRow[]>('org_flags'),
    flagSnapshots: cacheSet.cache<FlagSnapshot>('flag_snapshots'),
  };
  const withdrawHints = installSubscriptionHints(database, new SubscriptionHints(cacheSet.cache<ScopeSubscribers>('webhook_subscriptions'), cacheSet.invalidation));
  await cacheSet.start();
  const apiKeys = new ApiKeysService(database.db, caches.apiKeys);
  const lockout = new LockoutService({ db: database.db, config, metrics });
  const twoFactor = new TwoFactorService({ db: database.db, masterKey: config.masterKey, issuer: config.productName, hasher, lockout });
  const auth = new AuthService({ db: database.db, config, hasher, keyring, metrics, invitations, emailTokens, twoFactor, lockout, mailEnqueued, membershipsCache: caches.memberships });
  const sso = new SsoService({ db: database.db, config, hasher, auth });
  const directories = new DirectoriesService({ db: database.db, hasher, publicUrl: config.publicUrl });

  const app = Fastify({
    loggerInstance: logger,
    genReqId: requestIdFor,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: 200 },
    // errors raised before routing (malformed URL, over-long parameter) get a problem document too
    frameworkErrors: (error, request, reply) => {
      sendProblem(request, reply, 400, 'request.validation_failed', 'Bad request', error.message);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(createValidatorCompiler());

  await app.register(errors);
  await app.register(requestContext);
  await app.register(security, { corsOrigins: config.corsOrigins });
  // before every route it documents (GET /metrics included)
  await app.register(openapi, { publicUrl: config.publicUrl });
  await app.register(metricsPlugin, { metrics, token: config.metricsToken });
  await app.register(rateLimit, { redis, enabled: config.rateLimit.enabled, namespace: options.redisNamespace ?? 'saasready:rl:' });
  await app.register(authenticate, { db: database.db, keyring, apiKeys, caches, directories: (token) => directories.authenticate(token) });
  await app.register(authorize, { db: database.db, caches });
  await app.register(idempotency, { db: database.db });

  await app.register(healthRoutes, { database, replica, keyring });
  await app.register(
    async (api) => {
      await api.register(authRoutes, { auth, emailTokens, sso, config });
      await api.register(invitationRoutes, { invitations, config });
      await api.register(twoFactorRoutes, { twoFactor, config });
      await api.register(apiKeyRoutes, { apiKeys });
      await api.register(auditRoutes, { db: database.db, reader });
      await api.register(featureFlagRoutes, { flags: new FeatureFlagsService(database.db, caches.orgFlags, caches.flagSnapshots) });
      if (devMailboxEnabled(config)) await api.register(devMailboxRoutes, { db: database.db, mailer });
      await api.register(organizationRoutes, { organizations: new OrganizationsService(database.db), auth });
      const memberships = new MembershipsService(database.db, reader);
      const roles = new RolesService(database.db);
      await api.register(membershipRoutes, { memberships });
      await api.register(roleRoutes, { roles });
      await api.register(userRoutes, { db: database.db, auth });
      await api.register(adminRoutes, { reader, twoFactor, admin: new AdminService({ db: database.db, reader, twoFactor, memberships, roles }) });
      await api.register(webhookRoutes, { webhooks });
      await api.register(domainRoutes, { domains: new DomainsService(database.db, config.dnsServers) });
      await api.register(ssoRoutes, { sso, config });
      await api.register(directoryRoutes, { directories });
    },
    { prefix: '/api/v1' },
  );
  // SCIM 2.0 for the organizations' identity providers: outside /api/v1, its own auth and error format
  await app.register(scimRoutes, { prefix: '/scim/v2', directories, documentationUri: `${config.publicUrl}/docs` });
  await app.register(dashboard, { productName: config.productName, logoUrl: config.productLogoUrl, color: config.productColor, ...(options.dashboardDir ? { dir: options.dashboardDir } : {}) });

  if (options.outboxWorker !== false) app.addHook('onReady', async () => outbox.start());
  if (runWebhookWorker) app.addHook('onReady', async () => webhookWorker.start());
  let stopRetention: () => Promise<void> = async () => {};
  const analyzeTimers: NodeJS.Timeout[] = [];
  app.addHook('onReady', async () => {
    stopRetention = startRetentionJob(database.db, config.auditRetentionDays, logger);
    // PGlite has no autovacuum: refresh the planner's statistics ourselves (PostgreSQL does it itself)
    if (database.kind === 'pglite') {
      const analyze = () => database.db.execute(sql`analyze`).catch((err: unknown) => logger.warn({ err }, 'analyze failed'));
      analyzeTimers.push(setTimeout(analyze, 30_000).unref(), setInterval(analyze, 3_600_000).unref());
    }
  });
  logStartupWarnings(config, logger);
  app.decorate('outbox', outbox);
  app.decorate('webhooks', webhookWorker);

  app.addHook('onClose', async () => {
    // a prune under way finishes before the database closes under it
    await stopRetention();
    lockout.stop();
    for (const timer of analyzeTimers) clearTimeout(timer);
    await webhookWorker.stop();
    await outbox.stop();
    keyring.stop();
    withdrawHints();
    await cacheSet.stop();
    redis?.disconnect();
    if (!options.database) await database.close();
    await replica?.close();
  });
  return app as unknown as FastifyInstance;
}

/** Says at start-up where mail goes and which settings are unsafe (never a credential). */
function logStartupWarnings(config: Config, logger: pino.Logger): void {
  if (config.smtpUrl) {
    const smtp = new URL(config.smtpUrl);
    logger.info(`mail is delivered via SMTP at ${smtp.protocol}//${smtp.host}`);
  } else if (devMailboxEnabled(config)) {
    logger.warn(`SMTP_URL is not set: mail is kept in the dev mailbox at ${config.publicUrl}/api/v1/dev/mailbox (dashboard: /dev/mailbox), loopback only`);
  } else {
    const why = config.nodeEnv === 'production' ? 'NODE_ENV=production' : `HOST=${config.host} is not loopback`;
    logger.warn(`SMTP_URL is not set: mail is not delivered (invitations, password resets); the dev mailbox is off (${why})`);
  }
  if (config.trustProxy === true) {
    logger.warn('TRUST_PROXY=true: every X-Forwarded-For hop is trusted, so any client can choose its own IP; set a hop count or the proxies\' addresses');
  }
  if (config.nodeEnv === 'production' && !config.metricsToken) {
    logger.warn('METRICS_TOKEN is not set: GET /metrics is public; set METRICS_TOKEN or keep /metrics off the public network');
  }
}

// The one door from the other workspaces' tests into the server: its test helpers (a real app on a
// real database, factories) and the few internals a test drives directly. Source only — Vitest
// transforms it because its real path is outside node_modules; nothing else imports it, and
// `tsc -b` never builds it. The internals come from @saasready/server's dist (`./internal/*.js`),
// so `tsc -b` must have run, as `npm test` does first.
export { freePort, startTestApp, testConfig, TEST_ARGON2, PRODUCTION_ARGON2, type ApiResponse, type ConfigOverrides, type RequestOptions, type TestApp } from '../../server/test/helpers/app.js';
export { createTestDatabase, testDbKind, type TestDatabase } from '../../server/test/helpers/db.js';
export {
  addMember, addVerifiedDomain, createOrgWithMembers, expectProblem, login, registerUser, STRONG_PASSWORD, uniqueEmail,
  type OrgFixture, type RegisteredUser, type SystemRole,
} from '../../server/test/helpers/factories.js';
export { PasswordHasher } from '@saasready/server/internal/lib/passwords.js';
export { Keyring } from '@saasready/server/internal/modules/signing-keys/service.js';
export { createAdmin } from '@saasready/server/internal/modules/users/admin.js';
export { startReceiver, type Receiver, type ReceivedWebhook } from '../../server/test/helpers/webhook-receiver.js';
// a SAML IdP's signed responses (xml-crypto, test key), for SSO tests outside the server
export { buildResponse, IDP_CERT, startSamlIdp, type ResponseOptions, type TestSamlIdp } from '../../server/test/helpers/saml-idp.js';
// a DNS server on loopback (TXT records for domain verification)
export { startDnsServer, type DnsServer } from '../../server/test/helpers/dns-server.js';

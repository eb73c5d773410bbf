// SSO login throughput on PostgreSQL: a person's browser posts a signed SAML response to the ACS
// (IdP-initiated, so no authorize step), follows the 302 to the client, and the client redeems the
// code at POST /sso/token — one login is those two requests. Run with 10 organizations holding SAML
// connections and verified domains, then with 10,000: the target is the 10,000 run within 10% of the
// 10 run. Also EXPLAINs the statements a login reads by domain or connection id (index probes only).
//
//   node packages/bench/dist/sso.js          (BENCH_DATABASE_URL, BENCH_DURATION seconds per round (5),
//                                              BENCH_ROUNDS (3), BENCH_CONNECTIONS in flight (8), BENCH_NO_DOC)
//
// Responses are signed before the timed phase (xml-crypto, the test IdP's key) so the load generator
// spends no CPU on RSA while it measures; every response carries a fresh assertion ID (the replay
// store would refuse a second use). People are returning ones: a warm-up login provisions each.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { SignedXml } from 'xml-crypto';
import { queryRows } from '@saasready/server/internal/db/client.js';
import { machineLines, writeDocBlock } from './scale.js';
import { benchConfig, createDatabase, startApp, type BenchDatabase, type Target } from './targets.js';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const IN_FLIGHT = Number(process.env.BENCH_CONNECTIONS ?? 8);
const REDIRECT = 'https://app.bench.test/sso/done';
/** organizations the logins go to (the same ones in both runs); people per organization */
const TARGET_ORGS = 10;
const PEOPLE_PER_ORG = 20;
/** responses signed ahead per round (signing is the load generator's CPU, on the same machine) */
const PREPARED = Number(process.env.BENCH_SSO_PREPARED ?? DURATION_S * 60);

const fixture = (name: string) => readFileSync(new URL(`../../server/test/fixtures/sso/${name}`, import.meta.url), 'utf8');
const IDP_KEY = fixture('idp-key.pem');
const IDP_CERT = fixture('idp-cert.pem');
const CERT_BODY = IDP_CERT.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
const IDP_ENTITY = 'https://idp.bench.test';

interface Login {
  connectionId: string;
  samlResponse: string;
}

/** Organizations 1..n, each with a Member role, an enabled SAML connection (IdP-initiated) and a verified domain: set-based inserts. */
async function seed(database: BenchDatabase, n: number): Promise<{ id: string; connection: string; domain: string }[]> {
  await database.bulk(`
    with orgs as (
      insert into organizations (id, name, slug) select gen_random_uuid(), 'SSO bench ' || i, 'sso-bench-' || i from generate_series(1, ${n}) i returning id, slug
    ), member_roles as (
      insert into roles (id, organization_id, name, is_system) select gen_random_uuid(), id, 'Member', true from orgs returning organization_id
    ), domains as (
      insert into organization_domains (id, organization_id, domain, verification_token, verified_at)
      select gen_random_uuid(), id, slug || '.bench.test', 'x', now() from orgs returning organization_id
    )
    insert into sso_connections (id, organization_id, type, name, allow_idp_initiated, saml_idp_entity_id, saml_idp_sso_url, saml_idp_certificates)
    select gen_random_uuid(), id, 'saml', 'Bench IdP', true, '${IDP_ENTITY}', '${IDP_ENTITY}/sso', array['${CERT_BODY}'] from orgs`);
  await database.bulk('analyze');
  // the target organizations: spread over the set (the first, the last, between)
  const picks = Array.from({ length: TARGET_ORGS }, (_, i) => 1 + Math.floor((i * (n - 1)) / Math.max(1, TARGET_ORGS - 1)));
  const rows = await queryRows<{ id: string; connection: string; domain: string }>(database.handle.db, sql`
    select o.id, c.id as connection, d.domain from organizations o join sso_connections c on c.organization_id = o.id join organization_domains d on d.organization_id = o.id
     where o.slug = any(${`{${picks.map((i) => `sso-bench-${i}`).join(',')}}`}::text[])`);
  return rows;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A signed (assertion) IdP-initiated response for one person at one connection. */
function signedResponse(publicUrl: string, connectionId: string, email: string): string {
  const acs = `${publicUrl}/api/v1/sso/saml/${connectionId}/acs`;
  const audience = `${publicUrl}/api/v1/sso/saml/${connectionId}/metadata`;
  const now = new Date();
  const until = iso(new Date(now.getTime() + 10 * 60_000));
  const id = `_${randomBytes(16).toString('hex')}`;
  const assertion =
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${iso(now)}"><saml:Issuer>${IDP_ENTITY}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${email}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${acs}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${iso(new Date(now.getTime() - 30_000))}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(now)}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement><saml:Attribute Name="email"><saml:AttributeValue>${email}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion>`;
  const sig = new SignedXml({ privateKey: IDP_KEY, publicCert: IDP_CERT, signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#' });
  const xpath = "//*[local-name(.)='Assertion']";
  sig.addReference({ xpath, digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256', transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'] });
  sig.computeSignature(assertion, { location: { reference: `${xpath}/*[local-name(.)='Issuer']`, action: 'after' } });
  const response =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomBytes(16).toString('hex')}" Version="2.0" IssueInstant="${iso(now)}" Destination="${acs}">` +
    `<saml:Issuer>${IDP_ENTITY}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${sig.getSignedXml()}</samlp:Response>`;
  return Buffer.from(response).toString('base64');
}

/** One login: the ACS post, then the code exchange. Throws on anything but 302 + 200. */
async function login(target: Target, l: Login): Promise<void> {
  const acs = await fetch(`${target.baseUrl}/api/v1/sso/saml/${l.connectionId}/acs`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ SAMLResponse: l.samlResponse }) });
  const location = acs.headers.get('location');
  const code = location ? new URL(location).searchParams.get('code') : null;
  if (acs.status !== 302 || !code) throw new Error(`ACS answered ${acs.status} ${location ?? (await acs.text()).slice(0, 200)}`);
  const token = await fetch(`${target.baseUrl}/api/v1/sso/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  if (token.status !== 200) throw new Error(`/sso/token answered ${token.status} ${(await token.text()).slice(0, 200)}`);
  await token.arrayBuffer();
}

/** Logins per second over `seconds` with IN_FLIGHT workers taking prepared logins in turn; p50/p99 of a whole login. */
async function measure(target: Target, queue: Login[], seconds: number): Promise<{ perSecond: number; p50: number; p99: number; done: number }> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (performance.now() < deadline) {
      const item = queue[next++];
      // out of prepared logins (BENCH_SSO_PREPARED): the round ends early, measured until here
      if (!item) break;
      const t0 = performance.now();
      await login(target, item);
      latencies.push(performance.now() - t0);
    }
  }));
  const elapsed = (Math.min(performance.now(), deadline) - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  queue.splice(0, next);
  return { perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), done: latencies.length };
}

async function explain(database: BenchDatabase, domain: string, connectionId: string): Promise<string> {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database.name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const plans: string[] = [];
    // the statements as the repositories send them (domains/repository.ts findVerifiedOwner, sso/repository.ts findConnectionForLogin)
    const statements: [string, string, unknown[]][] = [
      ['domain → organization (POST /auth/sso/lookup, authorize by email or domain, every JIT check)', `select d.organization_id, d.id from organization_domains d join organizations o on o.id = d.organization_id and o.deleted_at is null where d.domain = $1 and d.verified_at is not null`, [domain]],
      ['connection by id (ACS, callback, metadata)', `select c.id from sso_connections c where c.id = $1 and exists (select 1 from organizations o where o.id = c.organization_id and o.deleted_at is null)`, [connectionId]],
    ];
    for (const [title, text, params] of statements) {
      const { rows } = await client.query(`explain (analyze, buffers, costs off, timing off, summary off) ${text}`, params);
      plans.push(`${title}:\n\n\`\`\`\n${rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}\n\`\`\``);
    }
    return plans.join('\n\n');
  } finally {
    await client.end();
  }
}

async function run(n: number): Promise<{ n: number; rounds: { perSecond: number; p50: number; p99: number }[]; plans: string }> {
  const database = await createDatabase('postgres', POSTGRES_URL);
  const config = benchConfig();
  config.ssoRedirectUris = [REDIRECT];
  const target = await startApp(config, database);
  try {
    const orgs = await seed(database, n);
    const people = orgs.flatMap((o) => Array.from({ length: PEOPLE_PER_ORG }, (_, i) => ({ connectionId: o.connection, email: `person${i}@${o.domain}` })));
    const prepare = (count: number): Login[] => Array.from({ length: count }, (_, i) => {
      const p = people[i % people.length]!;
      return { connectionId: p.connectionId, samlResponse: signedResponse(config.publicUrl, p.connectionId, p.email) };
    });
    // warm-up: every person's first login (JIT: account, membership, identity), untimed
    for (const l of prepare(people.length)) await login(target, l);
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      const queue = prepare(PREPARED);
      rounds.push(await measure(target, queue, DURATION_S));
      process.stderr.write(`  ${n} orgs, round ${r + 1}: ${rounds.at(-1)!.perSecond.toFixed(1)} logins/s\n`);
    }
    return { n, rounds, plans: await explain(database, orgs[0]!.domain, orgs[0]!.connection) };
  } finally {
    await target.close();
    await database.drop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  // ABBA: a second app in one process measured ~10–20% slower than the first whichever size it had
  // (10,000 then 10: 0.81; 10 then 10,000: 1.11), so each size runs once early and once late and its
  // rounds are pooled: a drift over the run weighs on both alike
  const [small1, large1, large2, small2] = [await run(10), await run(10_000), await run(10_000), await run(10)];
  const small = { ...small1, rounds: [...small1.rounds, ...small2!.rounds] };
  const large = { ...large1!, rounds: [...large1!.rounds, ...large2!.rounds], plans: large2!.plans };
  const ratio = median(large.rounds.map((r) => r.perSecond)) / median(small.rounds.map((r) => r.perSecond));
  const row = (r: typeof small) =>
    `| ${r.n.toLocaleString('en')} | ${median(r.rounds.map((x) => x.perSecond)).toFixed(1)} | ${r.rounds.map((x) => x.perSecond.toFixed(1)).join(' / ')} | ${median(r.rounds.map((x) => x.p50)).toFixed(1)} | ${median(r.rounds.map((x) => x.p99)).toFixed(1)} |`;
  const markdown = [
    '## SSO login throughput: 10 vs 10,000 organizations with connections (PostgreSQL)',
    '',
    `\`node packages/bench/dist/sso.js\`. Runs in the order 10, 10,000, 10,000, 10 organizations (each a fresh database and app) and pools each size's rounds. One login = a signed SAML response posted to the ACS (IdP-initiated, RSA-SHA256 over the assertion, verified by node-saml) + the code redeemed at \`POST /sso/token\`; ${IN_FLIGHT} logins in flight, ${ROUNDS} rounds × ${DURATION_S} s, returning people (each provisioned by an untimed first login) of ${TARGET_ORGS} organizations spread over the set. Responses are signed before the timed phase.`,
    ...machineLines().map((l) => `${l}  `),
    '',
    '| organizations with a SAML connection and a verified domain | logins/s (median) | rounds | p50 ms | p99 ms |',
    '| ---: | ---: | --- | ---: | ---: |',
    row(small),
    row(large),
    '',
    `10,000 ÷ 10: **${ratio.toFixed(2)}** (target ≥ 0.90: ${ratio >= 0.9 ? 'met' : '**not met**'}).`,
    '',
    'Query plans at 10,000 organizations (EXPLAIN ANALYZE, the statements as the repositories send them):',
    '',
    large.plans,
  ].join('\n');
  process.stdout.write(`\n${markdown}\n`);
  if (!process.env.BENCH_NO_DOC) writeDocBlock('sso', markdown);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

// SAML 2.0 service-provider side through @node-saml/node-saml: the AuthnRequest (HTTP-Redirect),
// the Response (HTTP-POST) and its signature, audience, time conditions and InResponseTo. Around
// the library, the rules it leaves to us, each named: no DOCTYPE, no SHA-1 unless the connection
// opts in, Destination and Recipient are our ACS URL, the bearer confirmation is unexpired, the
// assertion's Issuer is the configured IdP, its ID and NameID are of bounded length (both are index
// keys), and (in the service) each assertion ID is used once.
import { SAML, ValidateInResponseTo, type CacheProvider, type Profile } from '@node-saml/node-saml';
import { X509Certificate } from 'node:crypto';
import { children, elements, parseXml, textOf } from './xml.js';

export interface SamlSettings {
  idpEntityId: string;
  idpSsoUrl: string;
  idpCertificates: string[];
  spEntityId: string;
  acsUrl: string;
  allowSha1: boolean;
  allowIdpInitiated: boolean;
}

/** Clock skew tolerated on every time condition. */
const SKEW_MS = 120_000;
/**
 * The longest assertion ID and NameID accepted. Both are keys of a database index (the replay cache,
 * the IdP identities) whose rows PostgreSQL caps near 2.7 kB: at 4 bytes a character at most, these
 * stay under it. SAML's own limit on persistent and transient NameIDs is 256 characters.
 */
export const MAX_ASSERTION_ID = 256;
export const MAX_NAME_ID = 512;
const SHA1 = /#(rsa-)?sha1$/i;

/** A refused response, with the reason that goes to the audit log (never the assertion itself). */
export class SamlRefusal extends Error {}

/** A certificate as we store it: the base64 DER body, checked to be an X.509 certificate. */
export function normalizeCertificate(input: string): string | null {
  const body = input.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  try {
    new X509Certificate(Buffer.from(body, 'base64'));
    return body;
  } catch {
    return null;
  }
}

const pem = (body: string) => `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

/** node-saml for one step; `expectedRequestId` is the only InResponseTo it accepts (from our login state). */
function samlFor(s: SamlSettings, expectedRequestId: string | null, requestId?: string): SAML {
  const cacheProvider: CacheProvider = {
    saveAsync: async (key, value) => ({ createdAt: Date.now(), value }),
    getAsync: async (key) => (expectedRequestId !== null && key === expectedRequestId ? new Date().toISOString() : null),
    removeAsync: async () => null,
  };
  return new SAML({
    entryPoint: s.idpSsoUrl,
    issuer: s.spEntityId,
    callbackUrl: s.acsUrl,
    audience: s.spEntityId,
    idpIssuer: s.idpEntityId,
    idpCert: s.idpCertificates.map(pem),
    // the Response or the Assertion must carry a valid signature by a configured certificate
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: false,
    acceptedClockSkewMs: SKEW_MS,
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    // SP-initiated only, unless the connection accepts unsolicited responses
    validateInResponseTo: s.allowIdpInitiated ? ValidateInResponseTo.ifPresent : ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: 10 * 60_000,
    cacheProvider,
    ...(requestId ? { generateUniqueId: () => requestId } : {}),
  });
}

/** The IdP URL carrying our AuthnRequest (deflated, HTTP-Redirect) and the RelayState. */
export async function authnRequestUrl(s: SamlSettings, requestId: string, relayState: string): Promise<string> {
  return samlFor(s, null, requestId).getAuthorizeUrlAsync(relayState, undefined, {});
}

/** Our SP metadata (entity ID, ACS URL). */
export function spMetadata(s: SamlSettings): string {
  return samlFor(s, null).generateServiceProviderMetadata(null, null);
}

export interface VerifiedAssertion {
  profile: Profile;
  assertionId: string;
  /** until when the assertion could be replayed (its latest NotOnOrAfter) */
  expiresAt: Date;
  inResponseTo: string | null;
}

/** Step: the raw document is base64 of well-formed XML without a DOCTYPE, rooted at a Response, without SHA-1 unless allowed. */
function precheck(s: SamlSettings, samlResponse: string): string {
  const compact = samlResponse.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw new SamlRefusal('not_base64');
  const xml = Buffer.from(compact, 'base64').toString('utf8');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new SamlRefusal('doctype');
  const doc = parseXml(xml);
  if (!doc || doc.documentElement!.localName !== 'Response') throw new SamlRefusal('malformed');
  const algorithms = [...elements(doc, 'SignatureMethod'), ...elements(doc, 'DigestMethod')].map((e) => e.getAttribute('Algorithm') ?? '');
  if (!s.allowSha1 && algorithms.some((a) => SHA1.test(a))) throw new SamlRefusal('sha1_signature');
  const destination = doc.documentElement!.getAttribute('Destination');
  if (destination && destination !== s.acsUrl) throw new SamlRefusal('wrong_destination');
  return compact;
}

/** Step: what node-saml does not check, read from the assertion it verified. */
function postcheck(s: SamlSettings, assertionXml: string, now: number): { assertionId: string; expiresAt: Date } {
  const doc = parseXml(assertionXml);
  const assertion = doc?.documentElement;
  if (!assertion || assertion.localName !== 'Assertion') throw new SamlRefusal('malformed_assertion');
  const assertionId = assertion.getAttribute('ID');
  if (!assertionId) throw new SamlRefusal('assertion_without_id');
  if (assertionId.length > MAX_ASSERTION_ID) throw new SamlRefusal('assertion_id_too_long');
  const issuer = textOf(children(assertion, 'Issuer')[0]);
  if (s.idpEntityId && issuer !== s.idpEntityId) throw new SamlRefusal('wrong_issuer');
  const bearer = elements(assertion, 'SubjectConfirmation').filter((c) => c.getAttribute('Method') === 'urn:oasis:names:tc:SAML:2.0:cm:bearer');
  const data = bearer.flatMap((c) => children(c, 'SubjectConfirmationData'));
  if (!data.length) throw new SamlRefusal('no_bearer_confirmation');
  if (!data.some((d) => d.getAttribute('Recipient') === s.acsUrl)) throw new SamlRefusal('wrong_recipient');
  const notOnOrAfter = data.map((d) => Date.parse(d.getAttribute('NotOnOrAfter') ?? ''));
  if (!notOnOrAfter.some((t) => Number.isFinite(t) && now < t + SKEW_MS)) throw new SamlRefusal('confirmation_expired');
  const conditions = children(assertion, 'Conditions')[0];
  const latest = Math.max(...notOnOrAfter.filter(Number.isFinite), Date.parse(conditions?.getAttribute('NotOnOrAfter') ?? '') || 0);
  return { assertionId, expiresAt: new Date(latest + SKEW_MS) };
}

/** Maps node-saml's messages to short audit reasons. */
function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const known: [RegExp, string][] = [
    [/multiple assertions|multiple conditions|more than one element|Too many signatures/i, 'multiple_assertions'],
    [/InResponseTo|SubjectInResponseTo/i, 'in_response_to'],
    [/No valid subject confirmation/i, 'expired'],
    [/signature/i, 'invalid_signature'],
    [/audience/i, 'wrong_audience'],
    [/expired|NotOnOrAfter|NotBefore|not yet valid/i, 'expired'],
    [/issuer/i, 'wrong_issuer'],
    [/decrypt|EncryptedAssertion/i, 'encrypted_assertion'],
    [/status|Responder|Requester/i, 'idp_status_error'],
    [/Missing SAML assertion/i, 'no_assertion'],
  ];
  return known.find(([re]) => re.test(message))?.[1] ?? 'invalid_response';
}

/**
 * Validates a posted SAMLResponse. `expectedRequestId` is the AuthnRequest ID of the login state the
 * RelayState named (null when none: an unsolicited response, accepted only with allowIdpInitiated).
 */
export async function verifyResponse(s: SamlSettings, samlResponse: string, expectedRequestId: string | null, now = Date.now()): Promise<VerifiedAssertion> {
  const compact = precheck(s, samlResponse);
  let result;
  try {
    result = await samlFor(s, expectedRequestId).validatePostResponseAsync({ SAMLResponse: compact });
  } catch (err) {
    throw new SamlRefusal(reasonOf(err));
  }
  const profile = result.profile;
  if (!profile || result.loggedOut) throw new SamlRefusal('no_assertion');
  const inResponseTo = (profile.inResponseTo as string | undefined) ?? null;
  if (expectedRequestId && inResponseTo !== expectedRequestId) throw new SamlRefusal('in_response_to');
  if (!expectedRequestId && !s.allowIdpInitiated) throw new SamlRefusal('unsolicited');
  if (typeof profile.nameID === 'string' && profile.nameID.length > MAX_NAME_ID) throw new SamlRefusal('name_id_too_long');
  const { assertionId, expiresAt } = postcheck(s, profile.getAssertionXml!(), now);
  return { profile, assertionId, expiresAt, inResponseTo };
}

// A SAML 2.0 IdP on loopback for the tests: it reads our HTTP-Redirect AuthnRequest (deflated,
// base64) and answers the auto-post form a real IdP answers, with a Response whose Assertion (or
// Response, or both) is genuinely signed with xml-crypto by the IdP's test key. `buildResponse`
// makes the crafted ones the hardening tests send (other key, wrong audience, expired, …).
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/sso/${name}`, import.meta.url), 'utf8');
export const IDP_KEY = fixture('idp-key.pem');
export const IDP_CERT = fixture('idp-cert.pem');
export const ATTACKER_KEY = fixture('attacker-key.pem');
export const ATTACKER_CERT = fixture('attacker-cert.pem');

export interface ResponseOptions {
  acsUrl: string;
  audience: string;
  email?: string;
  nameId?: string;
  inResponseTo?: string | null;
  issuer?: string;
  destination?: string | null;
  recipient?: string;
  notBefore?: Date;
  notOnOrAfter?: Date;
  assertionId?: string;
  firstName?: string;
  lastName?: string;
  /** what carries the signature (default: the assertion) */
  sign?: 'assertion' | 'response' | 'both' | 'none';
  key?: string;
  cert?: string;
  sha1?: boolean;
  /** rewrite the signed XML (wrapping attacks) */
  tamper?: (signedXml: string) => string;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const id = () => `_${randomBytes(16).toString('hex')}`;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function sign(xml: string, element: 'Assertion' | 'Response', key: string, cert: string, sha1: boolean): string {
  const sig = new SignedXml({
    privateKey: key,
    publicCert: cert,
    signatureAlgorithm: sha1 ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  const xpath = element === 'Assertion' ? "//*[local-name(.)='Assertion']" : "/*[local-name(.)='Response']";
  sig.addReference({
    xpath,
    digestAlgorithm: sha1 ? 'http://www.w3.org/2000/09/xmldsig#sha1' : 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.computeSignature(xml, { location: { reference: `${xpath}/*[local-name(.)='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}

export function buildResponse(idp: { entityId: string }, o: ResponseOptions): string {
  const now = new Date();
  const notBefore = o.notBefore ?? new Date(now.getTime() - 30_000);
  const notOnOrAfter = o.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000);
  const issuer = o.issuer ?? idp.entityId;
  const inResponseTo = o.inResponseTo ? ` InResponseTo="${escape(o.inResponseTo)}"` : '';
  const destination = o.destination === null ? '' : ` Destination="${escape(o.destination ?? o.acsUrl)}"`;
  const nameId = o.nameId ?? o.email ?? 'someone@example.test';
  const attribute = (name: string, value: string | undefined) =>
    value === undefined ? '' : `<saml:Attribute Name="${name}"><saml:AttributeValue>${escape(value)}</saml:AttributeValue></saml:Attribute>`;
  const assertion =
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${o.assertionId ?? id()}" Version="2.0" IssueInstant="${iso(now)}">` +
    `<saml:Issuer>${escape(issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${escape(nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${inResponseTo} NotOnOrAfter="${iso(notOnOrAfter)}" Recipient="${escape(o.recipient ?? o.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${iso(notBefore)}" NotOnOrAfter="${iso(notOnOrAfter)}"><saml:AudienceRestriction><saml:Audience>${escape(o.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(now)}" SessionIndex="${id()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attribute('email', o.email)}${attribute('firstName', o.firstName)}${attribute('lastName', o.lastName)}</saml:AttributeStatement>` +
    `</saml:Assertion>`;
  const key = o.key ?? IDP_KEY;
  const cert = o.cert ?? IDP_CERT;
  const signing = o.sign ?? 'assertion';
  const signedAssertion = signing === 'assertion' || signing === 'both' ? sign(assertion, 'Assertion', key, cert, Boolean(o.sha1)) : assertion;
  let response =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id()}" Version="2.0" IssueInstant="${iso(now)}"${destination}${inResponseTo}>` +
    `<saml:Issuer>${escape(issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    signedAssertion +
    `</samlp:Response>`;
  if (signing === 'response' || signing === 'both') response = sign(response, 'Response', key, cert, Boolean(o.sha1));
  if (o.tamper) response = o.tamper(response);
  return Buffer.from(response).toString('base64');
}

/** What our AuthnRequest said (the IdP reads it as any IdP would). */
export function readAuthnRequest(location: string): { id: string; acsUrl: string; issuer: string; relayState: string; destination: string } {
  const url = new URL(location);
  const xml = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1] ?? '';
  return { id: attr('ID'), acsUrl: attr('AssertionConsumerServiceURL'), destination: attr('Destination'), issuer: /Issuer[^>]*>([^<]+)</.exec(xml)?.[1] ?? '', relayState: url.searchParams.get('RelayState') ?? '' };
}

export interface TestSamlIdp {
  entityId: string;
  ssoUrl: string;
  metadataXml: string;
  /** the person the IdP signs in next */
  user: { email: string; firstName?: string; lastName?: string; nameId?: string };
  close(): Promise<void>;
}

/** An IdP whose SSO endpoint answers an auto-post form (SAMLResponse + RelayState) for `user`. */
export async function startSamlIdp(): Promise<TestSamlIdp> {
  const idp: TestSamlIdp = { entityId: '', ssoUrl: '', metadataXml: '', user: { email: 'someone@example.test' }, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', idp.ssoUrl);
    if (url.pathname === '/metadata') {
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(idp.metadataXml);
      return;
    }
    const request = readAuthnRequest(url.href);
    const samlResponse = buildResponse(idp, { acsUrl: request.acsUrl, audience: request.issuer, inResponseTo: request.id, ...idp.user });
    res.writeHead(200, { 'content-type': 'text/html' }).end(
      `<form method="post" action="${escape(request.acsUrl)}"><input type="hidden" name="SAMLResponse" value="${samlResponse}"/>` +
        `<input type="hidden" name="RelayState" value="${escape(request.relayState)}"/></form><script>document.forms[0].submit()</script>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  idp.entityId = `${base}/idp`;
  idp.ssoUrl = `${base}/sso`;
  const certBody = IDP_CERT.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
  idp.metadataXml =
    `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${idp.entityId}">` +
    `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certBody}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${idp.ssoUrl}"/>` +
    `</md:IDPSSODescriptor></md:EntityDescriptor>`;
  idp.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return idp;
}

/** The hidden fields of an auto-post form. */
export function formFields(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&')]));
}

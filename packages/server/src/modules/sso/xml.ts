// The XML we read ourselves: IdP metadata (not signed by us, trusted as the admin's input) and the
// already-verified assertion node-saml hands back (for the checks it does not make). Never a
// signature: node-saml and xml-crypto verify those. Documents with a DOCTYPE are refused before
// any parser sees them (no entity expansion, no external entities).
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/** True when the text declares a DTD or entities: refused everywhere (XXE, billion laughs). */
export const hasDoctype = (xml: string): boolean => /<!DOCTYPE|<!ENTITY/i.test(xml);

/** Parses XML strictly; null on any error or a DOCTYPE. */
export function parseXml(xml: string): Document | null {
  if (hasDoctype(xml)) return null;
  let failed = false;
  try {
    const doc = new DOMParser({ onError: (level) => { if (level !== 'warning') failed = true; } }).parseFromString(xml, 'text/xml');
    return failed || !doc.documentElement ? null : doc;
  } catch {
    return null;
  }
}

/** Every descendant element with this local name, in document order. */
export function elements(root: Document | Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName) as unknown as ArrayLike<Element>);
}

/** Direct children with this local name. */
export function children(parent: Element, localName: string): Element[] {
  return Array.from(parent.childNodes as unknown as ArrayLike<Element>).filter((n) => n.nodeType === 1 && n.localName === localName);
}

export const textOf = (el: Element | undefined | null): string => (el?.textContent ?? '').trim();

export interface IdpMetadata {
  entityId: string;
  ssoUrl: string;
  certificates: string[];
}

const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
/** as for an idp_entity_id given by hand (CreateSamlConnectionBody) */
const MAX_ENTITY_ID = 1024;

/** Entity ID, HTTP-Redirect SSO URL and signing certificates of the first IdP in the metadata, or why not. */
export function parseIdpMetadata(xml: string): IdpMetadata | string {
  const doc = parseXml(xml);
  if (!doc) return 'the metadata is not well-formed XML (or declares a DOCTYPE)';
  const entity = elements(doc, 'EntityDescriptor').find((e) => elements(e, 'IDPSSODescriptor').length > 0);
  if (!entity) return 'the metadata holds no EntityDescriptor with an IDPSSODescriptor';
  const idp = elements(entity, 'IDPSSODescriptor')[0]!;
  const sso = elements(idp, 'SingleSignOnService').find((s) => s.getAttribute('Binding') === REDIRECT_BINDING);
  if (!sso?.getAttribute('Location')) return 'the IdP offers no SingleSignOnService with the HTTP-Redirect binding';
  const certificates = elements(idp, 'KeyDescriptor')
    .filter((k) => !k.getAttribute('use') || k.getAttribute('use') === 'signing')
    .flatMap((k) => elements(k, 'X509Certificate').map((c) => textOf(c)))
    .filter(Boolean);
  if (!certificates.length) return 'the metadata holds no signing certificate';
  // the IdP's issuer: without it no response's Issuer could be checked
  const entityId = (entity.getAttribute('entityID') ?? '').trim();
  if (!entityId) return 'the EntityDescriptor has no entityID';
  if (entityId.length > MAX_ENTITY_ID) return `the entityID is longer than ${MAX_ENTITY_ID} characters`;
  return { entityId, ssoUrl: sso.getAttribute('Location')!, certificates };
}

// The SCIM resource model (RFC 7643): the core User with the Enterprise User extension, and Group.
// One table of attribute definitions drives validation of what an IdP writes, case-insensitive
// attribute names, the filter compiler's types, PATCH's mutability checks and GET /Schemas.
import { invalidValue } from './errors.js';

export const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const CORE_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

export type AttrType = 'string' | 'boolean' | 'dateTime' | 'reference' | 'complex' | 'integer';

export interface AttrDef {
  name: string;
  type: AttrType;
  multiValued?: boolean;
  caseExact?: boolean;
  mutability?: 'readWrite' | 'readOnly' | 'immutable' | 'writeOnly';
  returned?: 'default' | 'always' | 'never';
  uniqueness?: 'none' | 'server';
  required?: boolean;
  subAttributes?: AttrDef[];
  description: string;
}

const str = (name: string, description: string, extra: Partial<AttrDef> = {}): AttrDef => ({ name, type: 'string', description, ...extra });
const multi = (name: string, description: string, subs: AttrDef[], extra: Partial<AttrDef> = {}): AttrDef => ({ name, type: 'complex', multiValued: true, subAttributes: subs, description, ...extra });
const typed = (value: string) => [str('value', value), str('display', 'A human-readable name'), str('type', 'A label such as work or home'), { name: 'primary', type: 'boolean', description: 'The preferred value' } as AttrDef];

export const USER_ATTRIBUTES: AttrDef[] = [
  str('userName', 'Unique identifier for the user within the directory, case-insensitive', { required: true, uniqueness: 'server' }),
  {
    name: 'name', type: 'complex', description: 'The components of the user’s name',
    subAttributes: ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'].map((n) => str(n, `The ${n} part of the name`)),
  },
  str('displayName', 'The name shown to people'),
  str('nickName', 'A casual name'),
  { ...str('profileUrl', 'A profile page'), type: 'reference' },
  str('title', 'The user’s title'),
  str('userType', 'The relationship to the organization, e.g. Employee'),
  str('preferredLanguage', 'Preferred language'),
  str('locale', 'Locale'),
  str('timezone', 'Time zone (IANA)'),
  { name: 'active', type: 'boolean', description: 'false suspends the membership and ends the person’s sessions for the organization' },
  str('password', 'Never stored: accounts of a directory sign in through SSO or reset their password', { mutability: 'writeOnly', returned: 'never' }),
  multi('emails', 'Email addresses; the primary (else work, else first) one is the account’s email', typed('The email address')),
  multi('phoneNumbers', 'Phone numbers', typed('The phone number')),
  multi('ims', 'Instant messaging addresses', typed('The address')),
  multi('photos', 'Photo URLs', typed('The URL')),
  multi('addresses', 'Physical addresses', [
    ...['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type'].map((n) => str(n, `The ${n}`)),
    { name: 'primary', type: 'boolean', description: 'The preferred address' },
  ]),
  multi('groups', 'Groups the user belongs to (maintained through Groups)', [str('value', 'The group id'), { ...str('$ref', 'The group URI'), type: 'reference' }, str('display', 'The group name'), str('type', 'direct')], { mutability: 'readOnly' }),
  multi('entitlements', 'Entitlements', typed('The entitlement')),
  multi('roles', 'Roles in the IdP (not this organization’s roles: those come from group mappings)', typed('The role')),
  multi('x509Certificates', 'Certificates', typed('The DER certificate, base64')),
];

export const ENTERPRISE_ATTRIBUTES: AttrDef[] = [
  str('employeeNumber', 'Employee number'),
  str('costCenter', 'Cost center'),
  str('organization', 'Organization'),
  str('division', 'Division'),
  str('department', 'Department'),
  {
    name: 'manager', type: 'complex', description: 'The user’s manager',
    subAttributes: [str('value', 'The manager’s id'), { ...str('$ref', 'The manager’s URI'), type: 'reference' }, str('displayName', 'The manager’s name', { mutability: 'readOnly' })],
  },
];

export const GROUP_ATTRIBUTES: AttrDef[] = [
  str('displayName', 'The group’s name', { required: true }),
  multi('members', 'Members of the group (Users of this directory)', [str('value', 'The user id', { mutability: 'immutable' }), { ...str('$ref', 'The user URI'), type: 'reference', mutability: 'immutable' }, str('display', 'The user name', { mutability: 'readOnly' }), str('type', 'User', { mutability: 'immutable' })]),
];

/** Attributes every resource has (RFC 7643 §3.1). */
export const COMMON_ATTRIBUTES: AttrDef[] = [
  str('id', 'Server-assigned identifier', { caseExact: true, mutability: 'readOnly', returned: 'always', uniqueness: 'server' }),
  str('externalId', 'The IdP’s identifier', { caseExact: true }),
  {
    name: 'meta', type: 'complex', mutability: 'readOnly', description: 'Resource metadata',
    subAttributes: [str('resourceType', 'User or Group', { caseExact: true }), { name: 'created', type: 'dateTime', description: 'Created' }, { name: 'lastModified', type: 'dateTime', description: 'Last modified' }, { ...str('location', 'URI'), type: 'reference' }, str('version', 'ETag', { caseExact: true })],
  },
];

export const findAttr = (defs: readonly AttrDef[], name: string): AttrDef | undefined => {
  const lower = name.toLowerCase();
  return defs.find((d) => d.name.toLowerCase() === lower);
};

/** A value of a boolean attribute: JSON booleans, and the strings Entra ID sends ("True", "False"). */
export function toBoolean(value: unknown, where: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw invalidValue(`${where} must be a boolean`);
}

const MAX_STRING = 2048;
const MAX_VALUES = 100;

/** One attribute's value, checked against its definition: canonical sub-attribute names, unknown ones dropped. */
export function normalizeValue(def: AttrDef, value: unknown, where: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (def.multiValued) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length > MAX_VALUES) throw invalidValue(`${where} holds more than ${MAX_VALUES} values`);
    const out = items.map((item, i) => normalizeValue({ ...def, multiValued: false }, item, `${where}[${i}]`)).filter((v) => v !== undefined);
    if (out.filter((v) => (v as { primary?: boolean }).primary === true).length > 1) throw invalidValue(`${where}: at most one value may be primary`);
    return out;
  }
  switch (def.type) {
    case 'boolean':
      return toBoolean(value, where);
    case 'complex': {
      if (typeof value !== 'object' || Array.isArray(value)) throw invalidValue(`${where} must be an object`);
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(value as Record<string, unknown>)) {
        const subDef = findAttr(def.subAttributes ?? [], key);
        if (!subDef || subDef.mutability === 'readOnly') continue;
        const normalized = normalizeValue(subDef, sub, `${where}.${subDef.name}`);
        if (normalized !== undefined) out[subDef.name] = normalized;
      }
      return Object.keys(out).length ? out : undefined;
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidValue(`${where} must be an integer`);
      return value;
    default: {
      if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
      if (typeof value !== 'string') throw invalidValue(`${where} must be a string`);
      if (value.length > MAX_STRING) throw invalidValue(`${where} is longer than ${MAX_STRING} characters`);
      return value;
    }
  }
}

/** What a User resource holds once validated: the indexed columns and the rest as stored. */
export interface NormalizedUser {
  userName: string;
  externalId: string | null;
  displayName: string | null;
  active: boolean;
  /** core attributes (canonical names) and the enterprise extension under its URN */
  attributes: Record<string, unknown>;
}

/**
 * Validates a User as an IdP wrote it (POST, PUT, or the result of a PATCH). Attribute names are
 * case-insensitive (RFC 7643 §2.1); read-only ones (id, meta, groups) are ignored, as is the password
 * (never stored); unknown attributes and extensions are dropped.
 */
export function normalizeUser(body: unknown): NormalizedUser {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidValue('A User must be a JSON object.');
  const attributes: Record<string, unknown> = {};
  let externalId: string | null = null;
  let active = true;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key.toLowerCase() === ENTERPRISE_USER.toLowerCase()) {
      const ext = normalizeValue({ name: ENTERPRISE_USER, type: 'complex', subAttributes: ENTERPRISE_ATTRIBUTES, description: '' }, value, ENTERPRISE_USER);
      if (ext) attributes[ENTERPRISE_USER] = ext;
      continue;
    }
    // `urn:…:core:2.0:User:userName` names the core attribute too
    const bare = key.toLowerCase().startsWith(`${CORE_USER.toLowerCase()}:`) ? key.slice(CORE_USER.length + 1) : key;
    if (bare.toLowerCase() === 'externalid') {
      externalId = value === null || value === undefined ? null : (normalizeValue(COMMON_ATTRIBUTES[1]!, value, 'externalId') as string);
      continue;
    }
    const def = findAttr(USER_ATTRIBUTES, bare);
    if (!def || def.mutability === 'readOnly' || def.mutability === 'writeOnly') continue;
    if (def.name === 'active') {
      if (value !== null && value !== undefined) active = toBoolean(value, 'active');
      continue;
    }
    const normalized = normalizeValue(def, value, def.name);
    if (normalized !== undefined) attributes[def.name] = normalized;
  }
  const userName = attributes.userName;
  if (typeof userName !== 'string' || !userName.trim()) throw invalidValue('userName is required.');
  if (userName.length > 256) throw invalidValue('userName is longer than 256 characters.');
  if (externalId !== null && externalId.length > 256) throw invalidValue('externalId is longer than 256 characters.');
  delete attributes.userName;
  const displayName = typeof attributes.displayName === 'string' ? attributes.displayName : null;
  return { userName, externalId, displayName, active, attributes };
}

const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

/** The account's email: the primary email, else the work one, else the first, else userName when it is an address. */
export function accountEmail(user: Pick<NormalizedUser, 'userName' | 'attributes'>): string {
  const email = emailOf(user);
  if (!email) throw invalidValue('The user needs an email address (emails, or a userName that is one) to become a member.');
  return email;
}

/** The address accountEmail picks, or null when the User has none. */
export function emailOf(user: Pick<NormalizedUser, 'userName' | 'attributes'>): string | null {
  const emails = (user.attributes.emails as Array<{ value?: string; type?: string; primary?: boolean }> | undefined) ?? [];
  const chosen = emails.find((e) => e.primary) ?? emails.find((e) => e.type?.toLowerCase() === 'work') ?? emails[0];
  const email = (chosen?.value ?? user.userName).trim().toLowerCase();
  return EMAIL.test(email) && email.length <= 254 ? email : null;
}

/** The account's full name: displayName, else given and family name, else the email's local part. */
export function accountName(user: NormalizedUser, email: string): string {
  const name = user.attributes.name as { formatted?: string; givenName?: string; familyName?: string } | undefined;
  const full = user.displayName ?? name?.formatted ?? [name?.givenName, name?.familyName].filter(Boolean).join(' ');
  // the account's name is single-line text (no control characters)
  const clean = (full || email.slice(0, email.indexOf('@'))).replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, ' ').trim();
  return (clean || email.slice(0, email.indexOf('@'))).slice(0, 200);
}

/** GET /Schemas: the definitions above in RFC 7643 §7 form. */
export function schemaDocuments(baseUrl: string): Record<string, unknown>[] {
  const render = (d: AttrDef): Record<string, unknown> => ({
    name: d.name, type: d.type, multiValued: Boolean(d.multiValued), description: d.description, required: Boolean(d.required),
    caseExact: Boolean(d.caseExact), mutability: d.mutability ?? 'readWrite', returned: d.returned ?? 'default', uniqueness: d.uniqueness ?? 'none',
    ...(d.type === 'reference' ? { referenceTypes: ['external', 'uri'] } : {}),
    ...(d.subAttributes ? { subAttributes: d.subAttributes.map(render) } : {}),
  });
  const doc = (id: string, name: string, description: string, attrs: AttrDef[]) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'], id, name, description, attributes: attrs.map(render),
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${id}` },
  });
  return [
    doc(CORE_USER, 'User', 'User Account', USER_ATTRIBUTES),
    doc(ENTERPRISE_USER, 'EnterpriseUser', 'Enterprise User', ENTERPRISE_ATTRIBUTES),
    doc(CORE_GROUP, 'Group', 'Group', GROUP_ATTRIBUTES),
  ];
}

export function resourceTypeDocuments(baseUrl: string): Record<string, unknown>[] {
  return [
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'], id: 'User', name: 'User', endpoint: '/Users', description: 'User Account', schema: CORE_USER,
      schemaExtensions: [{ schema: ENTERPRISE_USER, required: false }], meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'], id: 'Group', name: 'Group', endpoint: '/Groups', description: 'Group', schema: CORE_GROUP,
      schemaExtensions: [], meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
    },
  ];
}

export const MAX_PAGE = 500;

export function serviceProviderConfig(baseUrl: string, documentationUri: string): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    documentationUri,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [{ type: 'oauthbearertoken', name: 'Bearer token', description: 'The directory’s token (scim_…), shown once when the directory is created or its token rotated', primary: true }],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

/**
 * `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5) on a rendered resource: `id` and
 * `schemas` are always returned. Paths are case-insensitive; `name.givenName` keeps one sub-attribute.
 */
export function project(resource: Record<string, unknown>, attributes?: string, excluded?: string): Record<string, unknown> {
  const parse = (list?: string) => (list ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(splitPath);
  const include = parse(attributes);
  const exclude = parse(excluded);
  if (include.length) {
    const out: Record<string, unknown> = { schemas: resource.schemas, id: resource.id };
    for (const path of include) copyPath(resource, out, path);
    return out;
  }
  if (!exclude.length) return resource;
  const out = structuredClone(resource);
  for (const path of exclude) if (!(path.length === 1 && ['id', 'schemas'].includes(path[0]!.toLowerCase()))) deletePath(out, path);
  return out;
}

/** `urn:…:User:manager.value` → [urn…User, manager, value]; `name.givenName` → [name, givenName]. */
export function splitPath(path: string): string[] {
  const lower = path.toLowerCase();
  for (const urn of [ENTERPRISE_USER, CORE_USER, CORE_GROUP]) {
    if (lower === urn.toLowerCase()) return [urn];
    if (lower.startsWith(`${urn.toLowerCase()}:`)) {
      const rest = path.slice(urn.length + 1).split('.');
      return urn === ENTERPRISE_USER ? [urn, ...rest] : rest;
    }
  }
  return path.split('.');
}

const keyOf = (obj: Record<string, unknown>, name: string) => Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());

function copyPath(from: Record<string, unknown>, to: Record<string, unknown>, path: string[]): void {
  const key = keyOf(from, path[0]!);
  if (key === undefined) return;
  const value = from[key];
  if (path.length === 1) return void (to[key] = value);
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      const piece: Record<string, unknown> = {};
      if (item && typeof item === 'object') copyPath(item as Record<string, unknown>, piece, path.slice(1));
      return piece;
    });
    const existing = Array.isArray(to[key]) ? (to[key] as Record<string, unknown>[]) : items.map(() => ({}));
    to[key] = existing.map((e, i) => ({ ...e, ...items[i] }));
    return;
  }
  if (value && typeof value === 'object') {
    const target = (to[key] && typeof to[key] === 'object' ? to[key] : (to[key] = {})) as Record<string, unknown>;
    copyPath(value as Record<string, unknown>, target, path.slice(1));
  }
}

function deletePath(obj: Record<string, unknown>, path: string[]): void {
  const key = keyOf(obj, path[0]!);
  if (key === undefined) return;
  if (path.length === 1) return void delete obj[key];
  const value = obj[key];
  for (const item of Array.isArray(value) ? value : [value]) if (item && typeof item === 'object') deletePath(item as Record<string, unknown>, path.slice(1));
}

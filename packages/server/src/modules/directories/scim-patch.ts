// PATCH (RFC 7644 §3.5.2) as the IdPs send it. A User is patched in memory — its writable view is
// loaded, every operation applied in order, and the result validated like a PUT, so a PATCH can
// never store what a PUT could not. A Group's members are patched as set operations, applied in
// SQL (groups can hold tens of thousands of members). Tolerated, as the IdPs need: `op` in any
// case ("Replace", "Add": Entra ID), no-path operations whose value keys are paths
// ("name.givenName", URN-qualified names), `add`/`replace` through a filter with no match creating
// the element (`emails[type eq "work"].value`), removal of multi-valued members listed in `value`.
import type { Filter } from 'scim2-parse-filter';
import { invalidPath, invalidSyntax, invalidValue, mutability, noTarget } from './errors.js';
import { matchesElement, parseFilter } from './scim-filter.js';
import { CORE_GROUP, CORE_USER, ENTERPRISE_ATTRIBUTES, ENTERPRISE_USER, findAttr, PATCH_OP, USER_ATTRIBUTES, type AttrDef } from './scim-schema.js';

export type PatchOpName = 'add' | 'remove' | 'replace';
export interface PatchOperation {
  op: PatchOpName;
  path?: string;
  value?: unknown;
}

const MAX_OPERATIONS = 1000;

/** The body's Operations, with `op` lower-cased; anything else is invalidSyntax. */
export function readOperations(body: unknown): PatchOperation[] {
  if (!body || typeof body !== 'object') throw invalidSyntax('A PATCH body is a PatchOp message.');
  const { schemas, Operations } = body as { schemas?: unknown; Operations?: unknown };
  if (Array.isArray(schemas) && !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === PATCH_OP.toLowerCase())) throw invalidSyntax(`schemas must include ${PATCH_OP}.`);
  const operations = Operations ?? (body as { operations?: unknown }).operations;
  if (!Array.isArray(operations) || operations.length === 0) throw invalidSyntax('Operations must be a non-empty array.');
  if (operations.length > MAX_OPERATIONS) throw invalidSyntax(`At most ${MAX_OPERATIONS} operations per request.`);
  return operations.map((raw, i) => {
    if (!raw || typeof raw !== 'object') throw invalidSyntax(`Operations[${i}] must be an object.`);
    const { op, path, value } = raw as { op?: unknown; path?: unknown; value?: unknown };
    const name = typeof op === 'string' ? op.trim().toLowerCase() : '';
    if (name !== 'add' && name !== 'remove' && name !== 'replace') throw invalidSyntax(`Operations[${i}].op must be add, remove or replace.`);
    if (path !== undefined && path !== null && (typeof path !== 'string' || path.length > 1024)) throw invalidPath(`Operations[${i}].path must be a string.`);
    if (name !== 'remove' && value === undefined) throw invalidSyntax(`Operations[${i}] (${name}) needs a value.`);
    return { op: name, ...(typeof path === 'string' && path.trim() ? { path: path.trim() } : {}), value };
  });
}

interface ParsedPath {
  /** the enterprise extension's attributes, or the core ones */
  extension: boolean;
  attribute: string;
  filter?: Filter;
  sub?: string;
}

const PATH = /^([A-Za-z$][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z$][\w$-]*))?$/s;

export function parsePath(path: string, allowExtension = true): ParsedPath {
  let rest = path;
  let extension = false;
  const lower = path.toLowerCase();
  if (allowExtension && lower.startsWith(`${ENTERPRISE_USER.toLowerCase()}:`)) {
    extension = true;
    rest = path.slice(ENTERPRISE_USER.length + 1);
  } else if (lower.startsWith(`${CORE_USER.toLowerCase()}:`)) rest = path.slice(CORE_USER.length + 1);
  else if (lower.startsWith(`${CORE_GROUP.toLowerCase()}:`)) rest = path.slice(CORE_GROUP.length + 1);
  const match = PATH.exec(rest);
  if (!match) throw invalidPath(`Cannot read the path ${path}.`);
  const [, attribute, filterText, sub] = match;
  // `name.givenName`: the regex reads `name` then `.givenName`
  return { extension, attribute: attribute!, ...(filterText ? { filter: parseFilter(filterText) } : {}), ...(sub ? { sub } : {}) };
}

type Json = Record<string, unknown>;
const keyOf = (obj: Json, name: string) => Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());

/** The simple `attr eq "v"` of a filter, from which a missing element can be created. */
function creatable(filter: Filter): Json | null {
  if (filter.op === 'eq' && typeof filter.compValue !== 'object' && !filter.attrPath.includes('.')) return { [filter.attrPath]: filter.compValue };
  if (filter.op === 'and') {
    const parts = filter.filters.map(creatable);
    return parts.every(Boolean) ? Object.assign({}, ...parts) : null;
  }
  return null;
}

const isObject = (v: unknown): v is Json => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One operation on one attribute of `container` (the resource, or its enterprise extension). */
function applyToAttribute(container: Json, def: AttrDef, path: ParsedPath, op: PatchOpName, value: unknown, where: string): void {
  const key = keyOf(container, def.name) ?? def.name;
  const current = container[key];
  if (path.filter) {
    if (!def.multiValued) throw invalidPath(`${where}: a value filter applies to a multi-valued attribute.`);
    const items = asArray(current);
    const matching = items.filter((item) => matchesElement(item, path.filter!, def.subAttributes ?? []));
    if (op === 'remove') {
      container[key] = path.sub ? items.map((item) => (matching.includes(item) && isObject(item) ? omit(item, path.sub!) : item)) : items.filter((item) => !matching.includes(item));
      return;
    }
    if (!matching.length) {
      const seed = creatable(path.filter);
      if (!seed) throw noTarget(`${where} matches no value.`);
      container[key] = [...items, path.sub ? { ...seed, [path.sub]: value } : { ...seed, ...(isObject(value) ? value : { value }) }];
      return;
    }
    container[key] = items.map((item) => {
      if (!matching.includes(item)) return item;
      if (path.sub) return { ...(isObject(item) ? item : {}), [path.sub]: value };
      return op === 'replace' ? value : { ...(isObject(item) ? item : {}), ...(isObject(value) ? value : {}) };
    });
    return;
  }
  if (path.sub) {
    if (def.multiValued) {
      const items = asArray(current);
      if (op === 'remove') container[key] = items.map((item) => (isObject(item) ? omit(item, path.sub!) : item));
      else container[key] = items.length ? items.map((item) => ({ ...(isObject(item) ? item : {}), [path.sub!]: value })) : [{ [path.sub]: value }];
      return;
    }
    if (def.type !== 'complex') throw invalidPath(`${where}: ${def.name} has no sub-attributes.`);
    const object = isObject(current) ? { ...current } : {};
    if (op === 'remove') delete object[keyOf(object, path.sub) ?? path.sub];
    else object[keyOf(object, path.sub) ?? path.sub] = value;
    container[key] = object;
    return;
  }
  if (op === 'remove') {
    // `{"op":"remove","path":"emails","value":[{…}]}`: only the listed values
    if (def.multiValued && value !== undefined && value !== null) {
      const gone = asArray(value);
      container[key] = asArray(current).filter((item) => !gone.some((g) => sameValue(g, item) || (isObject(g) && isObject(item) && g.value !== undefined && String(g.value) === String(item.value))));
    } else delete container[key];
    return;
  }
  if (def.multiValued) {
    const incoming = asArray(value);
    if (op === 'replace') container[key] = incoming;
    else container[key] = [...asArray(current), ...incoming.filter((v) => !asArray(current).some((c) => sameValue(c, v)))];
    return;
  }
  // a complex attribute: the sub-attributes given replace or add, the others stay (RFC 7644 §3.5.2.3)
  if (def.type === 'complex' && isObject(value)) container[key] = { ...(isObject(current) ? current : {}), ...value };
  else container[key] = value;
}

function omit(obj: Json, name: string): Json {
  const copy = { ...obj };
  delete copy[keyOf(copy, name) ?? name];
  return copy;
}

const READ_ONLY = new Set(['id', 'meta', 'groups', 'schemas']);

/** Applies the operations to a User's writable view (userName, externalId, active and the stored attributes). */
export function patchUser(resource: Json, operations: PatchOperation[]): Json {
  const result = structuredClone(resource);
  const apply = (op: PatchOpName, pathText: string, value: unknown, where: string) => {
    const path = parsePath(pathText);
    let container = result;
    let def: AttrDef | undefined;
    if (path.extension) {
      def = findAttr(ENTERPRISE_ATTRIBUTES, path.attribute);
      const existing = isObject(result[ENTERPRISE_USER]) ? (result[ENTERPRISE_USER] as Json) : {};
      result[ENTERPRISE_USER] = container = { ...existing };
    } else {
      const name = path.attribute.toLowerCase();
      if (READ_ONLY.has(name)) throw mutability(`${where}: ${path.attribute} is read-only.`);
      if (name === 'password') return; // write-only and never stored
      if (name === 'username' || name === 'externalid' || name === 'active') {
        if (path.filter || path.sub) throw invalidPath(`${where}: ${path.attribute} has no sub-attributes.`);
        const key = name === 'username' ? 'userName' : name === 'externalid' ? 'externalId' : 'active';
        if (op === 'remove') {
          if (key === 'userName') throw mutability(`${where}: userName is required.`);
          delete result[key];
        } else result[key] = value;
        return;
      }
      def = findAttr(USER_ATTRIBUTES, path.attribute);
    }
    if (!def) {
      // an attribute this server does not keep: RFC 7644 lets a service provider ignore it
      return;
    }
    if (def.mutability === 'readOnly') throw mutability(`${where}: ${def.name} is read-only.`);
    applyToAttribute(container, def, path, op, value, where);
  };
  operations.forEach((operation, i) => {
    const where = `Operations[${i}]`;
    if (operation.path) return apply(operation.op, operation.path, operation.value, where);
    if (operation.op === 'remove') throw noTarget(`${where}: remove needs a path.`);
    if (!isObject(operation.value)) throw invalidValue(`${where}: without a path, value must be an object of attributes.`);
    for (const [key, value] of Object.entries(operation.value)) {
      if (key.toLowerCase() === 'schemas') continue;
      if (key.toLowerCase() === ENTERPRISE_USER.toLowerCase() && isObject(value)) {
        for (const [sub, subValue] of Object.entries(value)) apply(operation.op, `${ENTERPRISE_USER}:${sub}`, subValue, where);
      } else apply(operation.op, key, value, where);
    }
  });
  return result;
}

/** What a Group PATCH changes: its name and external id, and its members as set operations. */
export interface GroupPatchPlan {
  displayName?: string;
  externalId?: string | null;
  /** the members after the PATCH, when it replaced them all */
  replaceMembers?: Set<string>;
  addMembers: Set<string>;
  removeMembers: Set<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function memberIds(value: unknown, where: string): string[] {
  return asArray(value).map((item, i) => {
    const id = isObject(item) ? item.value : item;
    if (typeof id !== 'string' || !UUID.test(id)) throw invalidValue(`${where}[${i}]: a member is { "value": "<User id>" }.`);
    return id.toLowerCase();
  });
}

function stringOrThrow(value: unknown, where: string, nullable: boolean): string | null {
  if (nullable && (value === null || value === undefined)) return null;
  if (typeof value !== 'string' || !value.trim() || value.length > 256) throw invalidValue(`${where} must be a non-empty string of at most 256 characters.`);
  return value;
}

export function planGroupPatch(operations: PatchOperation[]): GroupPatchPlan {
  const plan: GroupPatchPlan = { addMembers: new Set(), removeMembers: new Set() };
  const add = (ids: string[]) => {
    for (const id of ids) {
      if (plan.replaceMembers) plan.replaceMembers.add(id);
      else {
        plan.removeMembers.delete(id);
        plan.addMembers.add(id);
      }
    }
  };
  const remove = (ids: string[]) => {
    for (const id of ids) {
      if (plan.replaceMembers) plan.replaceMembers.delete(id);
      else {
        plan.addMembers.delete(id);
        plan.removeMembers.add(id);
      }
    }
  };
  const replace = (ids: string[]) => {
    plan.replaceMembers = new Set(ids);
    plan.addMembers.clear();
    plan.removeMembers.clear();
  };
  const apply = (op: PatchOpName, pathText: string, value: unknown, where: string) => {
    const path = parsePath(pathText, false);
    switch (path.attribute.toLowerCase()) {
      case 'displayname':
        if (path.filter || path.sub) throw invalidPath(`${where}: displayName has no sub-attributes.`);
        if (op === 'remove') throw mutability(`${where}: displayName is required.`);
        plan.displayName = stringOrThrow(value, `${where}.value`, false)!;
        return;
      case 'externalid':
        if (path.filter || path.sub) throw invalidPath(`${where}: externalId has no sub-attributes.`);
        plan.externalId = op === 'remove' ? null : stringOrThrow(value, `${where}.value`, true);
        return;
      case 'members': {
        if (path.sub && path.sub.toLowerCase() !== 'value') throw mutability(`${where}: members.${path.sub} cannot be changed.`);
        if (path.filter) {
          // members[value eq "…"]: the ids the filter names
          const f = path.filter;
          if (f.op !== 'eq' || f.attrPath.toLowerCase() !== 'value' || typeof f.compValue !== 'string') throw invalidFilter2(where);
          const ids = memberIds([f.compValue], `${where}.path`);
          if (op === 'remove') return remove(ids);
          throw invalidPath(`${where}: add or replace members with path "members" and a value list.`);
        }
        if (op === 'remove') return value === undefined || value === null ? replace([]) : remove(memberIds(value, `${where}.value`));
        return op === 'add' ? add(memberIds(value, `${where}.value`)) : replace(memberIds(value, `${where}.value`));
      }
      case 'id':
      case 'meta':
      case 'schemas':
        throw mutability(`${where}: ${path.attribute} is read-only.`);
      default:
        return; // not kept by this server
    }
  };
  operations.forEach((operation, i) => {
    const where = `Operations[${i}]`;
    if (operation.path) return apply(operation.op, operation.path, operation.value, where);
    if (operation.op === 'remove') throw noTarget(`${where}: remove needs a path.`);
    if (!isObject(operation.value)) throw invalidValue(`${where}: without a path, value must be an object of attributes.`);
    for (const [key, value] of Object.entries(operation.value)) {
      // Okta repeats the group's own id in a no-path replace
      if (['id', 'schemas', 'meta'].includes(key.toLowerCase())) continue;
      apply(operation.op, key, value, where);
    }
  });
  return plan;
}

const invalidFilter2 = (where: string) => invalidPath(`${where}: only members[value eq "<id>"] selects members.`);

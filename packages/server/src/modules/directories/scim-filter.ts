// SCIM filters (RFC 7644 §3.4.2.2). `scim2-parse-filter` parses the text into an AST; this file
// compiles the AST into one parameterised SQL predicate (never string-built SQL: attribute names
// come from the definitions table, values are bound parameters), and evaluates value filters of
// PATCH paths in memory. `userName eq` and `externalId eq` compile to the indexed expressions of
// migration 0017. Comparisons are case-insensitive unless the attribute is caseExact (id,
// externalId, meta.resourceType); attribute names are always case-insensitive.
import { sql, type SQL } from 'drizzle-orm';
import { parse, type Filter } from 'scim2-parse-filter';
import { escapeLike } from '../../lib/like.js';
import { invalidFilter } from './errors.js';
import { ENTERPRISE_ATTRIBUTES, ENTERPRISE_USER, findAttr, splitPath, USER_ATTRIBUTES, type AttrDef, type AttrType } from './scim-schema.js';

const MAX_FILTER_LENGTH = 2048;
const MAX_DEPTH = 12;

/** Deepest nesting of parentheses and brackets outside quoted strings. */
function depthOf(text: string): number {
  let depth = 0;
  let max = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(' || c === '[') max = Math.max(max, ++depth);
    else if (c === ')' || c === ']') depth--;
  }
  return max;
}

export function parseFilter(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH) throw invalidFilter(`The filter is longer than ${MAX_FILTER_LENGTH} characters.`);
  if (depthOf(text) > MAX_DEPTH) throw invalidFilter(`The filter nests more than ${MAX_DEPTH} levels deep.`);
  try {
    return parse(text);
  } catch (err) {
    throw invalidFilter(`The filter could not be parsed: ${(err as Error).message}`);
  }
}

/** An attribute a filter can compare: one SQL value, or the elements of a multi-valued attribute. */
type Target =
  | { kind: 'scalar'; expr: SQL; type: AttrType; caseExact: boolean }
  | { kind: 'elements'; from: SQL; subAttributes: AttrDef[]; subPath: string | null }
  | { kind: 'custom'; compile: (filter: Filter) => SQL };

export type Scope = (path: string) => Target;

const jsonKey = (name: string) => sql.raw(`'${name.replace(/'/g, "''")}'`);

function dateValue(value: unknown): string {
  const at = typeof value === 'string' ? new Date(value) : null;
  // years PostgreSQL's timestamptz takes as we write them (0000 and +275760 would be its error, a 500)
  const year = at?.getUTCFullYear() ?? NaN;
  if (!at || Number.isNaN(at.getTime()) || year < 1 || year > 9999) throw invalidFilter('A dateTime attribute compares with a date string (RFC 3339).');
  return at.toISOString();
}

/**
 * One comparison, as the plain SQL operator so an expression index serves it (`lower(user_name) =
 * lower($1)`); NULL when the attribute is absent, which `and`/`or` treat as false and `not` coalesces.
 */
function leaf(target: Extract<Target, { kind: 'scalar' }>, filter: Filter): SQL {
  const { expr, type, caseExact } = target;
  if (filter.op === 'pr') return type === 'string' || type === 'reference' ? sql`coalesce(${expr} <> '', false)` : sql`(${expr} is not null)`;
  if (!('compValue' in filter)) throw invalidFilter(`Unsupported operator ${filter.op}.`);
  const { op, compValue } = filter;
  if (compValue === null) {
    if (op === 'eq') return sql`(${expr} is null)`;
    if (op === 'ne') return sql`(${expr} is not null)`;
    throw invalidFilter(`${op} null is not a comparison.`);
  }
  if (type === 'boolean') {
    const value = typeof compValue === 'boolean' ? compValue : typeof compValue === 'string' && /^(true|false)$/i.test(compValue) ? compValue.toLowerCase() === 'true' : null;
    if (value === null || (op !== 'eq' && op !== 'ne')) throw invalidFilter('A boolean attribute supports eq and ne with true or false.');
    return op === 'eq' ? sql`(${expr} = ${String(value)})` : sql`(${expr} is distinct from ${String(value)})`;
  }
  if (type === 'dateTime') {
    const value = dateValue(compValue);
    const cmp = { eq: sql`=`, ne: sql`<>`, gt: sql`>`, ge: sql`>=`, lt: sql`<`, le: sql`<=` }[op as 'eq'];
    if (!cmp) throw invalidFilter(`${op} does not apply to a dateTime attribute.`);
    return sql`(${expr} ${cmp} ${value}::timestamptz)`;
  }
  if (typeof compValue !== 'string') throw invalidFilter('A string attribute compares with a string.');
  const lhs = caseExact ? expr : sql`lower(${expr})`;
  const rhs = (value: string) => (caseExact ? sql`${value}` : sql`lower(${value})`);
  switch (op) {
    case 'eq': return sql`(${lhs} = ${rhs(compValue)})`;
    case 'ne': return sql`(${lhs} is distinct from ${rhs(compValue)})`;
    case 'co': return sql`(${lhs} like ${rhs(`%${escapeLike(compValue)}%`)})`;
    case 'sw': return sql`(${lhs} like ${rhs(`${escapeLike(compValue)}%`)})`;
    case 'ew': return sql`(${lhs} like ${rhs(`%${escapeLike(compValue)}`)})`;
    case 'gt': return sql`(${lhs} > ${rhs(compValue)})`;
    case 'ge': return sql`(${lhs} >= ${rhs(compValue)})`;
    case 'lt': return sql`(${lhs} < ${rhs(compValue)})`;
    case 'le': return sql`(${lhs} <= ${rhs(compValue)})`;
    default: throw invalidFilter(`Unknown operator ${String(op)}.`);
  }
}

/** The elements of a JSON array attribute, one `e.v` each (an absent attribute has none). */
const elementsOf = (from: SQL, predicate: SQL) =>
  sql`exists (select 1 from jsonb_array_elements(case when jsonb_typeof(${from}) = 'array' then ${from} else '[]'::jsonb end) as e(v) where ${predicate})`;

function elementScope(subAttributes: AttrDef[]): Scope {
  return (path) => {
    const def = findAttr(subAttributes, path);
    if (!def || def.type === 'complex') throw invalidFilter(`Unknown sub-attribute ${path}.`);
    return { kind: 'scalar', expr: sql`(e.v ->> ${jsonKey(def.name)})`, type: def.type, caseExact: Boolean(def.caseExact) };
  };
}

export function compileFilter(filter: Filter, scope: Scope): SQL {
  switch (filter.op) {
    case 'and':
    case 'or': {
      const parts = filter.filters.map((f) => compileFilter(f, scope));
      return sql`(${sql.join(parts, filter.op === 'and' ? sql` and ` : sql` or `)})`;
    }
    case 'not':
      // a comparison with an absent attribute is NULL (unknown): `not` of it must be true
      return sql`(not coalesce(${compileFilter(filter.filter, scope)}, false))`;
    case '[]': {
      const target = scope(filter.attrPath);
      if (target.kind === 'custom') return target.compile(filter);
      if (target.kind !== 'elements' || target.subPath) throw invalidFilter(`${filter.attrPath} is not a multi-valued attribute.`);
      return elementsOf(target.from, compileFilter(filter.valFilter, elementScope(target.subAttributes)));
    }
    default: {
      const target = scope(filter.attrPath);
      if (target.kind === 'scalar') return leaf(target, filter);
      if (target.kind === 'custom') return target.compile(filter);
      if (filter.op === 'pr' && !target.subPath) return sql`coalesce(jsonb_array_length(case when jsonb_typeof(${target.from}) = 'array' then ${target.from} else '[]'::jsonb end) > 0, false)`;
      const sub = elementScope(target.subAttributes)(target.subPath ?? 'value');
      return elementsOf(target.from, leaf(sub as Extract<Target, { kind: 'scalar' }>, filter));
    }
  }
}

/** A Target from an attribute definition, its JSON living at `from` (a jsonb expression). */
function attributeTarget(def: AttrDef, from: SQL, sub: string | undefined, path: string): Target {
  if (def.multiValued) return { kind: 'elements', from: sql`(${from} -> ${jsonKey(def.name)})`, subAttributes: def.subAttributes ?? [], subPath: sub ?? null };
  if (def.type === 'complex') {
    if (!sub) return { kind: 'scalar', expr: sql`(${from} ->> ${jsonKey(def.name)})`, type: 'string', caseExact: false };
    const subDef = findAttr(def.subAttributes ?? [], sub);
    if (!subDef) throw invalidFilter(`Unknown attribute ${path}.`);
    return { kind: 'scalar', expr: sql`(${from} -> ${jsonKey(def.name)} ->> ${jsonKey(subDef.name)})`, type: subDef.type, caseExact: Boolean(subDef.caseExact) };
  }
  if (sub) throw invalidFilter(`Unknown attribute ${path}.`);
  return { kind: 'scalar', expr: sql`(${from} ->> ${jsonKey(def.name)})`, type: def.type, caseExact: Boolean(def.caseExact) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `id eq "…"` is a primary-key probe (a malformed id matches nothing); other operators compare the text. */
function idTarget(column: SQL): Target {
  return {
    kind: 'custom',
    compile: (filter) => {
      if (filter.op === 'eq' && typeof filter.compValue === 'string') return UUID.test(filter.compValue) ? sql`(${column} = ${filter.compValue.toLowerCase()})` : sql`false`;
      return leaf({ kind: 'scalar', expr: sql`${column}::text`, type: 'string', caseExact: true }, filter);
    },
  };
}

function metaTarget(resourceType: 'User' | 'Group', alias: SQL, sub: string | undefined, path: string): Target {
  switch (sub?.toLowerCase()) {
    case 'created': return { kind: 'scalar', expr: sql`${alias}.created_at`, type: 'dateTime', caseExact: false };
    case 'lastmodified': return { kind: 'scalar', expr: sql`${alias}.updated_at`, type: 'dateTime', caseExact: false };
    case 'resourcetype': return { kind: 'scalar', expr: sql`${resourceType}::text`, type: 'string', caseExact: true };
    default: throw invalidFilter(`Filtering on ${path} is not supported.`);
  }
}

/** Users (alias `u`, table scim_users). */
export const userScope: Scope = (path) => {
  const [first, second, third, ...rest] = splitPath(path);
  const name = first!.toLowerCase();
  if (name === ENTERPRISE_USER.toLowerCase()) {
    const def = second ? findAttr(ENTERPRISE_ATTRIBUTES, second) : undefined;
    if (!def || rest.length) throw invalidFilter(`Unknown attribute ${path}.`);
    return attributeTarget(def, sql`(u.attributes -> ${jsonKey(ENTERPRISE_USER)})`, third, path);
  }
  if (third !== undefined) throw invalidFilter(`Unknown attribute ${path}.`);
  switch (name) {
    case 'id': if (second) break; return idTarget(sql`u.id`);
    case 'username': if (second) break; return { kind: 'scalar', expr: sql`u.user_name`, type: 'string', caseExact: false };
    case 'externalid': if (second) break; return { kind: 'scalar', expr: sql`u.external_id`, type: 'string', caseExact: true };
    case 'displayname': if (second) break; return { kind: 'scalar', expr: sql`u.display_name`, type: 'string', caseExact: false };
    case 'active': if (second) break; return { kind: 'scalar', expr: sql`(case when u.active then 'true' else 'false' end)`, type: 'boolean', caseExact: true };
    case 'meta': return metaTarget('User', sql`u`, second, path);
    case 'groups': {
      if (second && !['value', 'display'].includes(second.toLowerCase())) break;
      return {
        kind: 'custom',
        compile: (filter) => {
          if (filter.op === '[]') throw invalidFilter('Value filters on groups are not supported; use groups.value or groups.display.');
          const target = second?.toLowerCase() === 'display'
            ? { kind: 'scalar' as const, expr: sql`g.display_name`, type: 'string' as const, caseExact: false }
            : { kind: 'scalar' as const, expr: sql`g.id::text`, type: 'string' as const, caseExact: true };
          return sql`exists (select 1 from scim_group_members gm join scim_groups g on g.id = gm.group_id where gm.scim_user_id = u.id and ${leaf(target, filter)})`;
        },
      };
    }
    default: {
      const def = findAttr(USER_ATTRIBUTES, first!);
      if (!def || def.mutability === 'writeOnly') break;
      return attributeTarget(def, sql`u.attributes`, second, path);
    }
  }
  throw invalidFilter(`Unknown attribute ${path}.`);
};

/** Groups (alias `g`, table scim_groups). */
export const groupScope: Scope = (path) => {
  const [first, second, third] = splitPath(path);
  if (third !== undefined) throw invalidFilter(`Unknown attribute ${path}.`);
  switch (first!.toLowerCase()) {
    case 'id': if (second) break; return idTarget(sql`g.id`);
    case 'displayname': if (second) break; return { kind: 'scalar', expr: sql`g.display_name`, type: 'string', caseExact: false };
    case 'externalid': if (second) break; return { kind: 'scalar', expr: sql`g.external_id`, type: 'string', caseExact: true };
    case 'meta': return metaTarget('Group', sql`g`, second, path);
    case 'members': {
      if (second && second.toLowerCase() !== 'value') break;
      const member = (filter: Filter): SQL =>
        sql`exists (select 1 from scim_group_members gm where gm.group_id = g.id and ${leaf({ kind: 'scalar', expr: sql`gm.scim_user_id::text`, type: 'string', caseExact: false }, filter)})`;
      return {
        kind: 'custom',
        compile: (filter) => {
          if (filter.op === '[]') {
            const inner = filter.valFilter;
            if (!('attrPath' in inner) || inner.op === '[]' || inner.attrPath.toLowerCase() !== 'value') throw invalidFilter('members[…] supports value comparisons only.');
            return member(inner);
          }
          return member(filter);
        },
      };
    }
    default: break;
  }
  throw invalidFilter(`Unknown attribute ${path}.`);
};

// ---------------------------------------------------------------------------------------------
// In memory: the value filter of a PATCH path (`emails[type eq "work"]`) against one element.

const get = (obj: Record<string, unknown>, name: string) => {
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
};

export function matchesElement(element: unknown, filter: Filter, subAttributes: AttrDef[]): boolean {
  if (!element || typeof element !== 'object') return false;
  const obj = element as Record<string, unknown>;
  switch (filter.op) {
    case 'and': return filter.filters.every((f) => matchesElement(element, f, subAttributes));
    case 'or': return filter.filters.some((f) => matchesElement(element, f, subAttributes));
    case 'not': return !matchesElement(element, filter.filter, subAttributes);
    case '[]': throw invalidFilter('Nested value filters are not supported.');
    default: {
      const def = findAttr(subAttributes, filter.attrPath);
      if (!def) throw invalidFilter(`Unknown sub-attribute ${filter.attrPath}.`);
      const raw = get(obj, def.name);
      if (filter.op === 'pr') return raw !== undefined && raw !== null && raw !== '';
      const { op, compValue } = filter;
      if (def.type === 'boolean') {
        const want = typeof compValue === 'string' ? compValue.toLowerCase() === 'true' : compValue === true;
        const have = raw === true || (typeof raw === 'string' && raw.toLowerCase() === 'true');
        if (op === 'eq') return have === want;
        if (op === 'ne') return have !== want;
        throw invalidFilter('A boolean attribute supports eq and ne.');
      }
      if (raw === undefined || raw === null) return op === 'ne';
      const fold = (v: unknown) => (def.caseExact ? String(v) : String(v).toLowerCase());
      const a = fold(raw);
      const b = fold(compValue);
      switch (op) {
        case 'eq': return a === b;
        case 'ne': return a !== b;
        case 'co': return a.includes(b);
        case 'sw': return a.startsWith(b);
        case 'ew': return a.endsWith(b);
        case 'gt': return a > b;
        case 'ge': return a >= b;
        case 'lt': return a < b;
        case 'le': return a <= b;
        default: throw invalidFilter(`Unknown operator ${String(op)}.`);
      }
    }
  }
}

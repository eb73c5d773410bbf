// Request validation: two Ajv instances. Bodies are JSON and already typed, so they are validated
// strictly (no coercion: `null` stays null, `true` is not a string). Query strings and path
// parameters arrive as text, so they are coerced (`?limit=20` → 20).
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

const common: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

/** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: what both JavaScript and PostgreSQL round-trip. */
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * RFC 3339 date-time whose instant lies in years 1–9999 (UTC). ajv-formats accepts year 0000,
 * which PostgreSQL refuses ("date/time field value out of range"): without this, a filter like
 * `from=0000-01-01T00:00:00Z` reached the database and came back as a 500.
 */
function boundedDateTime(rfc3339: (value: string) => boolean) {
  return (value: string): boolean => {
    if (!rfc3339(value)) return false;
    const time = Date.parse(value);
    return Number.isFinite(time) && time >= EARLIEST && time <= LATEST;
  };
}

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes });
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  const dateTime = fullFormats['date-time'] as { validate: (value: string) => boolean };
  ajv.addFormat('date-time', { type: 'string', validate: boundedDateTime(dateTime.validate) });
  return ajv;
}

export function createValidatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const strict = makeAjv(false);
  const coercing = makeAjv('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object);
}

// Request validation: two Ajv instances. Bodies are JSON and already typed, so they are validated
// strictly (no coercion: `null` stays null, `true` is not a string). Query strings and path
// parameters arrive as text, so they are coerced (`?limit=20` → 20).
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

const common: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes });
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  return ajv;
}

export function createValidatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const strict = makeAjv(false);
  const coercing = makeAjv('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object);
}

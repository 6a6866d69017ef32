// Edited arguments checked against the tool's input schema before an approval with edits is
// accepted (docs/write-mode-and-approvals.md). Tools declare JSON Schema draft-07 or 2020-12;
// each schema is compiled once.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

// ajv-formats is CommonJS with a default export: its function is `.default` when loaded as ESM.
const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as unknown as (ajv: Ajv) => Ajv;
const draft7 = addFormats(new Ajv({ strict: false, allErrors: true, validateSchema: false }));
const draft2020 = addFormats(new Ajv2020({ strict: false, allErrors: true, validateSchema: false }) as unknown as Ajv);

const compiled = new WeakMap<object, ValidateFunction | Error>();

/** Why the arguments do not fit the schema, in one line; undefined when they fit. */
export function argumentProblem(schema: unknown, args: Record<string, unknown>): string | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      const ajv = String((schema as { $schema?: unknown }).$schema ?? '').includes('2020-12') ? draft2020 : draft7;
      validate = ajv.compile(withoutId(schema as Record<string, unknown>));
    } catch (error) {
      validate = error instanceof Error ? error : new Error(String(error));
    }
    compiled.set(schema, validate);
  }
  if (validate instanceof Error) return `the tool's input schema cannot be checked (${validate.message}), so edited arguments are refused`;
  if (validate(args)) return undefined;
  return describe(validate.errors ?? []);
}

/** Two tools may share an $id; compiled apart, they must not collide in ajv's registry. */
function withoutId(schema: Record<string, unknown>): Record<string, unknown> {
  const { $id: _id, ...rest } = schema;
  return rest;
}

function describe(errors: readonly ErrorObject[]): string {
  return errors
    .slice(0, 5)
    .map((e) => `${e.instancePath ? `"${e.instancePath.slice(1).replaceAll('/', '.')}"` : 'the arguments'} ${e.message ?? 'do not fit'}${e.keyword === 'additionalProperties' ? ` ("${String(e.params.additionalProperty)}")` : ''}`)
    .join('; ');
}

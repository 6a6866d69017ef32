import { describe, expect, it } from 'vitest';
import { argumentProblem } from './argument-check.ts';

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: { by: { type: 'number' }, note: { type: 'string' } },
  required: ['by'],
  additionalProperties: false,
};

describe('edited arguments against the input schema', () => {
  it('accepts arguments that fit, and refuses the others saying why', () => {
    expect(argumentProblem(schema, { by: 3 })).toBeUndefined();
    expect(argumentProblem(schema, { by: 'three' })).toBe('"by" must be number');
    expect(argumentProblem(schema, { note: 'x' })).toBe("the arguments must have required property 'by'");
    expect(argumentProblem(schema, { by: 1, extra: true })).toBe('the arguments must NOT have additional properties ("extra")');
  });

  it('reads 2020-12 schemas, and refuses edits where the schema cannot be compiled', () => {
    const modern = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', prefixItems: [], properties: { n: { type: 'integer' } } };
    expect(argumentProblem(modern, { n: 1.5 })).toBe('"n" must be integer');
    expect(argumentProblem({ type: 'object', properties: { a: { $ref: '#/nowhere' } } }, { a: 1 })).toMatch(/cannot be checked/);
  });
});

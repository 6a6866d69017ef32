import { describe, expect, it } from 'vitest';
import { editableText, parseEditedArguments } from './edited-arguments.ts';

describe('edited arguments', () => {
  it('takes a JSON object and says what is wrong with anything else', () => {
    expect(parseEditedArguments('{"by": 2}')).toEqual({ value: { by: 2 } });
    expect(parseEditedArguments('{"by": 2')).toMatchObject({ error: expect.stringMatching(/^Not valid JSON/) });
    expect(parseEditedArguments('[1]')).toEqual({ error: 'The arguments must be a JSON object: { … }' });
    expect(parseEditedArguments('null')).toEqual({ error: 'The arguments must be a JSON object: { … }' });
    expect(editableText({ by: 1 })).toBe('{\n  "by": 1\n}');
  });
});

// The arguments the user typed in the approval dialog: a JSON object, or why not (the hub checks
// them against the tool's input schema after this).
export type EditedArguments = { readonly value: Record<string, unknown> } | { readonly error: string };

export function parseEditedArguments(text: string): EditedArguments {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'The arguments must be a JSON object: { … }' };
  return { value: value as Record<string, unknown> };
}

/** The arguments as the editor starts: the client's, indented. */
export function editableText(args: unknown): string {
  return JSON.stringify(args ?? {}, null, 2);
}

// What a test IDE answers when a server asks it for input during a call (sampling, elicitation,
// roots), the same for a 1.x SDK client (2025) and a v2 one, with a record of what it was asked,
// in order. A handler is set only for a capability the client declared (the SDKs refuse others).
import type { Client as ModernClient } from '@modelcontextprotocol/client';
import type { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { CreateMessageRequestSchema, ElicitRequestSchema, ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

export interface InputAnswers {
  /** The text the client's "model" replies to a sampling request with these messages. */
  sample(messages: ReadonlyArray<{ content: unknown }>): string;
  /** The content the user "accepts" for an elicitation with this message. */
  elicit(message: string): Record<string, string>;
  /** The roots the client lists. */
  readonly roots?: Array<{ uri: string; name: string }>;
}

const sampled = (text: string) => ({ role: 'assistant' as const, model: 'test-model', content: { type: 'text' as const, text } });

/** Sets a 1.x client's handlers; returns what it was asked ('sampling', 'elicitation', 'roots'). */
export function answerLegacy(client: LegacyClient, capabilities: Record<string, unknown>, answers: InputAnswers): string[] {
  const asked: string[] = [];
  if ('sampling' in capabilities) {
    client.setRequestHandler(CreateMessageRequestSchema, async (request) => (asked.push('sampling'), sampled(answers.sample(request.params.messages))));
  }
  if ('elicitation' in capabilities) {
    client.setRequestHandler(ElicitRequestSchema, async (request) => (asked.push('elicitation'), { action: 'accept', content: answers.elicit(request.params.message) }));
  }
  if ('roots' in capabilities) {
    client.setRequestHandler(ListRootsRequestSchema, async () => (asked.push('roots'), { roots: answers.roots ?? [] }));
  }
  return asked;
}

/** Sets a v2 client's handlers; returns what it was asked ('sampling', 'elicitation'). */
export function answerModern(client: ModernClient, capabilities: Record<string, unknown>, answers: InputAnswers): string[] {
  const asked: string[] = [];
  if ('sampling' in capabilities) {
    client.setRequestHandler('sampling/createMessage', async (request) => (asked.push('sampling'), sampled(answers.sample(request.params.messages))));
  }
  if ('elicitation' in capabilities) {
    client.setRequestHandler('elicitation/create', async (request) => (asked.push('elicitation'), { action: 'accept' as const, content: answers.elicit(request.params.message) }));
  }
  return asked;
}

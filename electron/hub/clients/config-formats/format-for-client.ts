// The editor for a client's config format, set up with that client's key and parser rules.
import type { ClientSpec } from '../client-table.ts';
import type { EntryFormat } from './entry-format.ts';
import { jsoncEntryFormat } from './jsonc-entry.ts';
import { tomlEntryFormat } from './toml-entry.ts';
import { yamlListEntryFormat } from './yaml-entry.ts';

export function formatFor(client: ClientSpec): EntryFormat {
  switch (client.format) {
    case 'json':
    case 'jsonc':
      return jsoncEntryFormat(client.serversKey, { comments: false, trailingCommas: false, ...client.json, clientLabel: client.label });
    case 'toml':
      return tomlEntryFormat(client.serversKey[0]!);
    case 'yaml':
      return yamlListEntryFormat(client.serversKey[0]!);
  }
}

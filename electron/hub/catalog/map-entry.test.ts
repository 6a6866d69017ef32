// From real server.json documents (e2e/fixtures/registry/, copied from the MCP Registry's public
// repository and from the servers' own) to server definitions: every registry type, arguments,
// environment variables, secrets and remotes. Only npm packages can run on the test machine, so
// the pypi, oci and nuget command lines are checked here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ServerDefinitionSchema } from '../settings/schema.ts';
import { choicesOf, inputsOf, mapEntry, pickChoice, plainValues, secretValue, suggestedId } from './map-entry.ts';
import { checkServerJson, type ServerJson } from './server-json.ts';
import { runtimeMissingMessage } from './runtime-check.ts';
import snapshot from './offline-snapshot.json' with { type: 'json' };

const FIXTURES = new URL('../../../e2e/fixtures/registry/', import.meta.url);
const read = (file: string): unknown => JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8'));
const seed = read('valid/seed.json') as unknown[];

function entry(doc: unknown): ServerJson {
  const checked = checkServerJson(doc);
  if (!checked.ok) throw new Error(checked.problem);
  return checked.server;
}

const byName = (name: string, version?: string) => entry(seed.find((d) => (d as ServerJson).name === name && (!version || (d as ServerJson).version === version)));
const airtable = byName('io.github.domdomegg/airtable-mcp-server', '1.7.2');
const pypi = byName('io.github.domdomegg/time-mcp-pypi');
const nuget = byName('io.github.domdomegg/time-mcp-nuget');
const everything = entry(read('valid/server-everything.json'));
const remoteWeather = entry(read('valid/with-remote.json'));
const localWeather = entry(read('valid/with-package.json'));
const snapshotEntry = (name: string) => entry(snapshot.servers.find((s) => s.name === name));

describe('server.json schema', () => {
  it('accepts the real documents and reports what is wrong with the malformed ones', () => {
    expect(checkServerJson(read('valid/with-remote.json')).ok).toBe(true);
    const latest = checkServerJson(read('invalid/package-version-latest.json'));
    expect(latest).toEqual({ ok: false, problem: expect.stringContaining('/packages/0/version must NOT be valid') });
    const long = checkServerJson(read('invalid/description-too-long.json'));
    expect(long).toEqual({ ok: false, problem: expect.stringContaining('/description must NOT have more than 100 characters') });
    expect(checkServerJson({ name: 'x' }).ok).toBe(false);
  });

  it('every entry of the offline snapshot fits the schema', () => {
    for (const doc of snapshot.servers) expect(checkServerJson(doc).ok, (doc as { name: string }).name).toBe(true);
    expect(snapshot.servers.length).toBeGreaterThanOrEqual(15);
  });
});

describe('packages', () => {
  it('npm: npx -y name@version, with its fixed package arguments; the secret env var is declared, not valued', () => {
    const mapped = mapEntry(everything, { id: 'everything', registry: 'http://r' });
    expect(mapped.definition).toMatchObject({ kind: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything@2.0.0', 'stdio'], env: {}, secretEnv: [] });
    expect(mapped.definition.source).toEqual({ registry: 'http://r', name: 'io.github.modelcontextprotocol/server-everything', version: '2.0.0', pick: 'package:npm:@modelcontextprotocol/server-everything' });
    const air = mapEntry(airtable, { id: 'airtable', registry: 'http://r' });
    expect(air.definition).toMatchObject({ command: 'npx', args: ['-y', 'airtable-mcp-server@1.7.2'], env: {}, secretEnv: ['AIRTABLE_API_KEY'] });
    expect(air.secrets.map((s) => s.key)).toEqual(['AIRTABLE_API_KEY']);
    expect(ServerDefinitionSchema.safeParse(air.definition).success).toBe(true);
  });

  it('pypi: uvx name==version (a runtime hint uvx does not stand for is noted, not obeyed)', () => {
    const mapped = mapEntry(pypi, { id: 'time', registry: 'http://r' });
    expect(mapped.definition).toMatchObject({ command: 'uvx', args: ['time-mcp-pypi==1.0.6'] });
    expect(mapped.notes.join()).toContain('runtime hint "python"');
    expect(mapEntry(snapshotEntry('io.github.modelcontextprotocol/server-fetch'), { id: 'fetch', registry: 'r' }).definition).toMatchObject({ command: 'uvx', args: ['mcp-server-fetch==0.6.3'] });
  });

  it('nuget: dnx name@version --yes, package arguments after --', () => {
    expect(mapEntry(nuget, { id: 'time', registry: 'r' }).definition).toMatchObject({ command: 'dnx', args: ['TimeMcpServer@1.0.8', '--yes'] });
    const withArgs: ServerJson = { ...nuget, packages: [{ ...nuget.packages![0]!, packageArguments: [{ type: 'positional', value: 'mcp' }, { type: 'positional', value: 'start' }] }] };
    expect(mapEntry(withArgs, { id: 'time', registry: 'r' }).definition).toMatchObject({ args: ['TimeMcpServer@1.0.8', '--yes', '--', 'mcp', 'start'] });
  });

  it('oci: docker run -i --rm with each variable passed by name (values stay in the environment), image:tag', () => {
    const mapped = mapEntry(airtable, { id: 'airtable', registry: 'r', choice: 'package:oci:docker.io/domdomegg/airtable-mcp-server' });
    expect(mapped.definition).toMatchObject({ command: 'docker', args: ['run', '-i', '--rm', '-e', 'AIRTABLE_API_KEY', 'docker.io/domdomegg/airtable-mcp-server:1.7.2'], secretEnv: ['AIRTABLE_API_KEY'] });
    // A -e NAME={secret} runtime argument becomes an environment variable; never a value on the command line.
    const terraform = snapshotEntry('io.github.hashicorp/terraform-mcp-server');
    const tf = mapEntry(terraform, { id: 'terraform', registry: 'r', secretsGiven: ['TFE_TOKEN'] });
    expect(tf.definition).toMatchObject({
      command: 'docker',
      args: ['run', '-i', '--rm', '-e', 'TFE_ADDRESS', '-e', 'TFE_TOKEN', '-e', 'ENABLE_TF_OPERATIONS', 'docker.io/hashicorp/terraform-mcp-server:1.1.0'],
      env: { TFE_ADDRESS: 'https://app.terraform.io', ENABLE_TF_OPERATIONS: 'false' },
      secretEnv: ['TFE_TOKEN'],
    });
    // The optional secret left out when not given, so the server can start without it.
    const without = mapEntry(terraform, { id: 'terraform', registry: 'r' });
    expect(without.definition).toMatchObject({ secretEnv: [] });
    expect((without.definition as { args: string[] }).args).not.toContain('TFE_TOKEN');
    expect(without.optionalSecrets.map((s) => s.key)).toEqual(['TFE_TOKEN']);
    expect(secretValue(tf.secrets[0]!, 'abc', plainValues(tf.inputs))).toBe('abc');
    // An image without a tag takes the package version.
    const untagged: ServerJson = { ...airtable, packages: [{ registryType: 'oci', identifier: 'mcp/weather', version: '3.1.0', transport: { type: 'stdio' } }] };
    expect(mapEntry(untagged, { id: 'w', registry: 'r' }).definition).toMatchObject({ args: ['run', '-i', '--rm', 'mcp/weather:3.1.0'] });
  });

  it('runtimeHint, runtimeArguments and packageArguments in their places; podman when hinted', () => {
    const doc: ServerJson = {
      name: 'io.github.example/db',
      description: 'db',
      version: '3.1.0',
      packages: [
        {
          registryType: 'oci',
          identifier: 'example/db:3.1.0',
          runtimeHint: 'podman',
          transport: { type: 'stdio' },
          runtimeArguments: [{ type: 'named', name: '--network', value: 'host' }],
          packageArguments: [
            { type: 'named', name: '--host', default: 'localhost', isRequired: true },
            { type: 'named', name: '--port', format: 'number' },
            { type: 'named', name: '--verbose', format: 'boolean', default: 'true' },
            { type: 'positional', valueHint: 'database_name', isRequired: true },
          ],
          environmentVariables: [{ name: 'DB_USERNAME', isRequired: true }, { name: 'DB_PASSWORD', isRequired: true, isSecret: true }],
        },
      ],
    };
    expect(() => mapEntry(doc, { id: 'db', registry: 'r' })).toThrow(/needs DB_USERNAME, database_name; give them with --input DB_USERNAME=VALUE/);
    const mapped = mapEntry(doc, { id: 'db', registry: 'r', inputs: { DB_USERNAME: 'ada', database_name: 'shop', port: '5433' } });
    expect(mapped.definition).toMatchObject({
      command: 'podman',
      args: ['run', '-i', '--rm', '-e', 'DB_USERNAME', '-e', 'DB_PASSWORD', '--network', 'host', 'example/db:3.1.0', '--host', 'localhost', '--port', '5433', '--verbose', 'shop'],
      env: { DB_USERNAME: 'ada' },
      secretEnv: ['DB_PASSWORD'],
    });
    expect(mapped.definition.source?.inputs).toEqual({ DB_USERNAME: 'ada', database_name: 'shop', port: '5433' });
    expect(() => mapEntry(doc, { id: 'db', registry: 'r', inputs: { DB_USERNAME: 'a', database_name: 'b', colour: 'red' } })).toThrow(/no input named colour/);
  });

  it('an optional plain input goes in only when given; a fixed one always', () => {
    expect(mapEntry(localWeather, { id: 'w', registry: 'r' }).definition).toMatchObject({ args: ['-y', '@modelcontextprotocol/server-weather@1.0.0', '--port', '8080'], secretEnv: ['API_KEY'] });
    const mapped = mapEntry(localWeather, { id: 'w', registry: 'r', inputs: { config_path: '/etc/w.json' } });
    expect(mapped.definition).toMatchObject({ args: ['-y', '@modelcontextprotocol/server-weather@1.0.0', '/etc/w.json', '--port', '8080'], secretEnv: ['API_KEY'] });
    expect(inputsOf(localWeather, pickChoice(localWeather, undefined)).map((i) => [i.key, i.secret, i.required])).toEqual([
      ['API_KEY', true, true],
      ['config_path', false, false],
    ]);
    // A required one with no default is asked for (the filesystem server's folder).
    const filesystem = snapshotEntry('io.github.modelcontextprotocol/server-filesystem');
    expect(() => mapEntry(filesystem, { id: 'fs', registry: 'r' })).toThrow(/needs allowed_directory \(An absolute path/);
    expect(mapEntry(filesystem, { id: 'fs', registry: 'r', inputs: { allowed_directory: '/home/ada/notes' } }).definition).toMatchObject({ args: ['-y', '@modelcontextprotocol/server-filesystem@0.6.3', '/home/ada/notes'] });
  });

  it('a secret on the command line is refused', () => {
    const doc: ServerJson = { ...localWeather, packages: [{ ...localWeather.packages![0]!, packageArguments: [{ type: 'named', name: '--token', isSecret: true, isRequired: true }] }] };
    expect(() => mapEntry(doc, { id: 'w', registry: 'r' })).toThrow(/takes a secret as a command-line argument \(token\)/);
  });

  it('only stdio packages of npm, pypi, oci and nuget are offered; the others say why', () => {
    const choices = choicesOf(airtable);
    expect(choices.map((c) => [c.id, c.runtime, c.unsupported])).toEqual([
      ['package:npm:airtable-mcp-server', 'npx', undefined],
      ['package:oci:docker.io/domdomegg/airtable-mcp-server', 'docker', undefined],
      ['package:mcpb:https://github.com/domdomegg/airtable-mcp-server/releases/download/v1.7.2/airtable-mcp-server.mcpb', undefined, 'MCPB bundles are not supported yet'],
    ]);
    expect(choicesOf(everything)[1]!.unsupported).toContain('serves streamable-http itself');
    // The first choice whose runtime is here.
    expect(pickChoice(airtable, undefined, (c) => c.runtime !== 'npx').id).toBe('package:oci:docker.io/domdomegg/airtable-mcp-server');
  });
});

describe('remotes', () => {
  it('Streamable HTTP with its URL variables filled in; a secret header goes to the keychain', () => {
    const mapped = mapEntry(remoteWeather, { id: 'weather', registry: 'r' });
    expect(mapped.definition).toMatchObject({ kind: 'http', url: 'https://api.example.com/mcp', headers: {}, secretHeaders: ['Authorization'] });
    expect(mapped.secrets).toEqual([expect.objectContaining({ key: 'Authorization', kind: 'header', required: true, secret: true })]);
    expect(mapEntry(remoteWeather, { id: 'weather', registry: 'r', inputs: { host: 'eu.example.com' } }).definition).toMatchObject({ url: 'https://eu.example.com/mcp' });
  });

  it('a templated secret header stores the template with the answer in it; plain headers keep their defaults', () => {
    const neon = mapEntry(snapshotEntry('com.neon/mcp'), { id: 'neon', registry: 'r' });
    expect(neon.definition).toMatchObject({ url: 'https://mcp.neon.tech/mcp', headers: { 'x-read-only': 'false' }, secretHeaders: [] });
    expect(neon.optionalSecrets.map((s) => s.key)).toEqual(['Authorization']);
    const doc: ServerJson = {
      name: 'ai.smithery/github',
      description: 'GitHub through Smithery',
      version: '1.0.0',
      remotes: [
        {
          type: 'streamable-http',
          url: 'https://server.smithery.ai/github/mcp',
          headers: [{ name: 'Authorization', isRequired: true, isSecret: true, value: 'Bearer {smithery_api_key}' }],
        },
      ],
    };
    const mapped = mapEntry(doc, { id: 'gh', registry: 'r' });
    expect(secretValue(mapped.secrets[0]!, 'k-123')).toBe('Bearer k-123');
  });

  it('an SSE remote is not offered; a remote without any secret header is added as is (it may sign in with OAuth)', () => {
    const cyphrex = byName('io.github.getcyphrex/cyphrex-mcp');
    expect(mapEntry(cyphrex, { id: 'cyphrex', registry: 'r' }).definition).toMatchObject({ kind: 'http', url: 'https://mcp.cyphrex.io/mcp', secretHeaders: [] });
    const sseOnly: ServerJson = { ...cyphrex, remotes: [{ type: 'sse', url: 'https://x.example/sse' }] };
    expect(() => mapEntry(sseOnly, { id: 'x', registry: 'r' })).toThrow(/SSE remotes are not supported/);
  });
});

describe('names and messages', () => {
  it('a short id from the entry name, made unique', () => {
    expect(suggestedId(everything)).toBe('everything');
    expect(suggestedId(airtable)).toBe('airtable');
    expect(suggestedId(snapshotEntry('io.github.brave/brave-search-mcp-server'))).toBe('brave-search');
    expect(suggestedId(snapshotEntry('com.neon/mcp'))).toBe('neon');
    expect(suggestedId(everything, (id) => id === 'everything')).toBe('everything-2');
    for (const doc of snapshot.servers) expect(suggestedId(entry(doc))).toMatch(/^[a-z0-9][a-z0-9-]{0,23}$/);
  });

  it('a missing runtime says what to install and that nothing was added', () => {
    expect(runtimeMissingMessage('io.github.domdomegg/time-mcp-pypi', 'uvx')).toBe(
      'io.github.domdomegg/time-mcp-pypi runs with uvx, which is not installed (not on your login PATH); install uv (it brings uvx): https://docs.astral.sh/uv/, then add it again. Nothing was added',
    );
    expect(runtimeMissingMessage('x', 'dnx')).toContain('.NET 10 SDK');
  });
});

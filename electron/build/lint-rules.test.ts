// The architecture rules in eslint.config.js fire where they should, with the message that names
// the fix, and stay quiet on what the layout allows. Each case lints a small source text as if it
// were a file at the given path (ESLint's Node API, the repo's own config); type-aware rules are
// off here because those paths are not on disk.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const RULE = '@typescript-eslint/no-restricted-imports';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: REPO,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parserOptions: { projectService: false } },
        rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
      },
    ],
  });
});

/** The import-rule messages for `code` as the file `file` (relative to the repo). */
async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO, file) });
  const messages = result!.messages;
  const other = messages.filter((m) => m.ruleId !== RULE && !/is defined but never used/.test(m.message));
  expect(other, 'only the import rule should speak').toEqual([]);
  return messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('the hub is UI-free', () => {
  it('refuses `electron` in a hub file, saying where Electron belongs', async () => {
    const errors = await importErrors('electron/hub/gateway/lint-fixture.ts', "import { app } from 'electron';\nexport const name = app.getName();\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('electron/hub/ is the UI-free core');
    expect(errors[0]).toContain('pass it from electron/main.ts');
  });

  it('refuses electron-store, the shell, the CLI and the renderer', async () => {
    const errors = await importErrors(
      'electron/hub/settings/lint-fixture.ts',
      [
        "import Store from 'electron-store';",
        "import { trayTooltip } from '../../shell/tray-state.ts';",
        "import { HubClient } from '../../cli/hub-client.ts';",
        "import type { HubInfo } from '../../../renderer/src/common/state/hub-store.ts';",
        'export type T = [Store, typeof trayTooltip, HubClient, HubInfo];',
      ].join('\n'),
    );
    expect(errors).toHaveLength(4);
    expect(errors[0]).toContain('settings/store.ts');
    expect(errors[1]).toContain('cannot import the Electron shell');
    expect(errors[2]).toContain('cannot import the CLI');
    expect(errors[3]).toContain('cannot import the renderer');
  });

  it('lets hub files import each other and the contract', async () => {
    const errors = await importErrors(
      'electron/hub/gateway/lint-fixture.ts',
      "import { ControlError } from '../contract/contract.ts';\nimport { dataPaths } from '../paths.ts';\nexport const x = [ControlError, dataPaths];\n",
    );
    expect(errors).toEqual([]);
  });
});

describe('the v2 SDK stays behind gateway/eras/', () => {
  it('refuses the v2 packages and a value import of the modules that load them elsewhere in the hub', async () => {
    const errors = await importErrors(
      'electron/hub/gateway/lint-fixture.ts',
      [
        "import { Server } from '@modelcontextprotocol/server';",
        "import { toNodeHandler } from '@modelcontextprotocol/node';",
        "import { createModernHttp } from './eras/modern-http.ts';",
        'export const x = [Server, toNodeHandler, createModernHttp];',
      ].join('\n'),
    );
    expect(errors).toHaveLength(3);
    for (const error of errors) expect(error).toContain('imported only in electron/hub/gateway/eras/');
  });

  it('takes type imports and the SDK-free era modules elsewhere, and the v2 packages inside eras/', async () => {
    expect(
      await importErrors(
        'electron/hub/gateway/lint-fixture.ts',
        "import type { ModernHttp } from './eras/modern-http.ts';\nimport { claimsModern } from './eras/socket-era.ts';\nexport const x: [ModernHttp?, typeof claimsModern] = [undefined, claimsModern];\n",
      ),
    ).toEqual([]);
    expect(await importErrors('electron/hub/gateway/eras/lint-fixture.ts', "import { Server } from '@modelcontextprotocol/server';\nexport const x = Server;\n")).toEqual([]);
  });
});

describe('the contract is the bottom layer', () => {
  it('refuses the rest of the hub and packages other than zod', async () => {
    const errors = await importErrors(
      'electron/hub/contract/lint-fixture.ts',
      "import { Gateway } from '../gateway/gateway.ts';\nimport { readFileSync } from 'node:fs';\nexport const x = [Gateway, readFileSync];\n",
    );
    expect(errors).toHaveLength(2);
    for (const error of errors) expect(error).toContain('electron/hub/contract/ is the bottom layer');
  });

  it('allows itself, the settings schema and zod, from contract/ and contract/api/', async () => {
    expect(
      await importErrors(
        'electron/hub/contract/lint-fixture.ts',
        "import { z } from 'zod';\nimport type { WriteMode } from '../settings/schema.ts';\nimport type { HubStatus } from './shapes.ts';\nexport type T = [typeof z, WriteMode, HubStatus];\n",
      ),
    ).toEqual([]);
    expect(
      await importErrors(
        'electron/hub/contract/api/lint-fixture.ts',
        "import { ServerIdSchema } from '../../settings/schema.ts';\nimport type { HubStatus } from '../shapes.ts';\nexport type T = [typeof ServerIdSchema, HubStatus];\n",
      ),
    ).toEqual([]);
    expect(await importErrors('electron/hub/contract/api/lint-fixture.ts', "import { dataPaths } from '../../paths.ts';\nexport const x = dataPaths;\n")).toHaveLength(1);
  });
});

describe('the renderer reaches the hub only through the contract types', () => {
  it('refuses a hub module that is not the contract, saying to go through the control client', async () => {
    const errors = await importErrors(
      'renderer/src/features/servers/lib/lint-fixture.ts',
      "import { SettingsSchema } from '../../../../../electron/hub/settings/schema.ts';\nexport const x = SettingsSchema;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('it imports nothing from electron/ but the contract types');
  });

  it('refuses a value import of the contract, and takes a type-only one', async () => {
    const file = 'renderer/src/api/lint-fixture.ts';
    const value = await importErrors(file, "import { ControlError } from '../../../electron/hub/contract/contract.ts';\nexport const x = ControlError;\n");
    expect(value).toHaveLength(1);
    expect(value[0]).toContain('use `import type` from electron/hub/contract/');
    expect(await importErrors(file, "import type { HubStatus } from '../../../electron/hub/contract/contract.ts';\nexport type T = HubStatus;\n")).toEqual([]);
  });
});

describe('bundled servers stand alone', () => {
  it('refuses anything from electron/', async () => {
    const errors = await importErrors('servers/git/lint-fixture.ts', "import { dataPaths } from '../../electron/hub/paths.ts';\nexport const x = dataPaths;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('they import nothing from electron/');
  });
});

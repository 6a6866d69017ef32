import { describe, expect, it } from 'vitest';
import { E2E_GLOBAL, installE2eHooks, serializeMenu, trayHooks, type E2eHooks } from './e2e-hooks.ts';
import type { TrayMenuItem } from './tray-menu.ts';

describe('e2e hooks', () => {
  const clicked: string[] = [];
  const model: TrayMenuItem[] = [
    { id: 'open', label: 'Open MCP Tray', click: () => clicked.push('open') },
    { id: 'server:git', label: 'Git: running', type: 'submenu', submenu: [{ id: 'server:git:restart', label: 'Restart', enabled: false, click: () => clicked.push('restart') }] },
  ];

  it('serialize the tray menu without its handlers', () => {
    expect(serializeMenu(model)).toEqual([
      { id: 'open', label: 'Open MCP Tray' },
      { id: 'server:git', label: 'Git: running', type: 'submenu', submenu: [{ id: 'server:git:restart', label: 'Restart', enabled: false }] },
    ]);
    expect(JSON.parse(JSON.stringify(serializeMenu(model)))).toEqual(serializeMenu(model));
  });

  it('click enabled items by id only', () => {
    const hooks = trayHooks(() => model);
    expect(hooks.clickTrayItem('open')).toBe(true);
    expect(hooks.clickTrayItem('server:git:restart')).toBe(false);
    expect(hooks.clickTrayItem('nope')).toBe(false);
    expect(clicked).toEqual(['open']);
  });

  it('are installed only under MCP_TRAY_E2E=1', () => {
    const hooks = { dataDir: '/d', ...trayHooks(() => model), openWindow: () => undefined } satisfies E2eHooks;
    installE2eHooks({}, hooks);
    expect(E2E_GLOBAL in globalThis).toBe(false);
    installE2eHooks({ MCP_TRAY_E2E: '1' }, hooks);
    expect((globalThis as Record<string, unknown>)[E2E_GLOBAL]).toBe(hooks);
    delete (globalThis as Record<string, unknown>)[E2E_GLOBAL];
  });
});

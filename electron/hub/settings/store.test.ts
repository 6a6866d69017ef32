// settings.json through the headless backend (conf with the options electron-store gets too): one
// file in the data dir, readable by the user only, validated on open and on every change, and a
// file that does not fit moved aside rather than lost.
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsFileOptions } from './settings-backend.ts';
import { SettingsStore } from './store.ts';

const tempDataDir = () => mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-settings-'));

describe('SettingsStore with the conf backend', () => {
  it('writes <data dir>/settings.json, mode 0600, and reads back what it wrote', () => {
    const dataDir = tempDataDir();
    const store = SettingsStore.open(dataDir);
    store.update((s) => void (s.approvalDeadlineSeconds = 45));
    const file = path.join(dataDir, `${settingsFileOptions(dataDir).name}.json`);
    expect(store.file).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { approvalDeadlineSeconds: number }).approvalDeadlineSeconds).toBe(45);
    expect(SettingsStore.open(dataDir).get().approvalDeadlineSeconds).toBe(45);
  });

  it('refuses a change that breaks the schema, and keeps the file as it was', () => {
    const dataDir = tempDataDir();
    const store = SettingsStore.open(dataDir);
    const before = readFileSync(store.file, 'utf8');
    expect(() => store.update((s) => void (s.port = -1))).toThrow();
    expect(readFileSync(store.file, 'utf8')).toBe(before);
    expect(store.get().port).not.toBe(-1);
  });

  it('moves a file that does not fit the schema aside and says where', () => {
    const dataDir = tempDataDir();
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ port: 'not a port' }));
    const store = SettingsStore.open(dataDir);
    expect(store.problem?.message).toContain('does not match the settings schema');
    expect(existsSync(store.problem!.backup)).toBe(true);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('settings.json.corrupt-'))).toHaveLength(1);
    expect(typeof store.get().port).toBe('number');
  });

  it('says which limit or telemetry value is wrong, and starts without limits rather than with a half-read one', () => {
    for (const [bad, says] of [
      [{ limits: [{ id: 'limit-1', client: 'cursor' }] }, 'a limit needs perMinute, concurrent or both'],
      [{ limits: [{ id: 'limit-1', tool: 'bump', perMinute: 5 }] }, 'a limit on a tool needs its server too'],
      [{ limits: [{ id: 'limit-1', perMinute: -5 }] }, 'limits[0].perMinute'],
      [{ limits: [{ id: 'a', perMinute: 1 }, { id: 'a', concurrent: 1 }] }, 'two limits have the same id'],
      [{ telemetry: { enabled: true, endpoint: 'ftp://collector' } }, 'telemetry.endpoint'],
      [{ telemetry: { headers: { 'bad header': 'x' } } }, 'telemetry.headers["bad header"]'],
    ] as const) {
      const dataDir = tempDataDir();
      writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(bad));
      const store = SettingsStore.open(dataDir);
      expect(store.problem?.message).toContain(says);
      expect(store.get().limits).toEqual([]);
      expect(store.get().telemetry.enabled).toBe(false);
    }
  });

  it('keeps limits and telemetry settings across opens; telemetry is off by default', () => {
    const dataDir = tempDataDir();
    const store = SettingsStore.open(dataDir);
    expect(store.get().telemetry).toMatchObject({ enabled: false, serviceName: 'mcp-tray', exportArguments: false });
    store.update((s) => {
      s.limits.push({ id: 'limit-1', client: 'cursor', server: 'test', tool: 'bump', perMinute: 5 });
      s.telemetry.enabled = true;
    });
    const again = SettingsStore.open(dataDir);
    expect(again.problem).toBeUndefined();
    expect(again.get().limits).toEqual([{ id: 'limit-1', client: 'cursor', server: 'test', tool: 'bump', perMinute: 5 }]);
    expect(again.get().telemetry.enabled).toBe(true);
  });
});

// Control API: the hub-wide settings a UI may read and change (the Settings view).
import { z } from 'zod';
import { DeniedPathSchema } from '../../settings/schema.ts';

export interface PublicSettings {
  port: number;
  approvalDeadlineSeconds: number;
  onDemandIdleSeconds: number;
  /** A per-client server's process that served no call for this long is stopped. */
  perClientIdleSeconds: number;
  /** The most processes one per-client server runs at once. */
  perClientMax: number;
  callLog: { retentionDays: number; maxMegabytes: number };
  startAtLogin: boolean;
  theme: 'system' | 'light' | 'dark';
  /** Which releases the desktop app updates to. */
  updateChannel: 'stable' | 'beta';
  /** Paths no bundled server may reach, as the user wrote them ("~" for home; "<ide-mcp-configs>" for every IDE's MCP config). MCP Tray's data folder is always denied too. */
  deniedPaths: string[];
  /** The MCP Registry the catalog searches and checks for updates. */
  registryUrl: string;
}

export const settingsRequests = {
  'settings.get': z.object({}).strict(),
  'settings.update': z
    .object({
      port: z.number().int().min(0).max(65535).optional(),
      approvalDeadlineSeconds: z.number().int().min(5).max(3600).optional(),
      onDemandIdleSeconds: z.number().int().min(10).max(86400).optional(),
      perClientIdleSeconds: z.number().int().min(5).max(86400).optional(),
      perClientMax: z.number().int().min(1).max(64).optional(),
      callLog: z.object({ retentionDays: z.number().int().min(1).max(3650), maxMegabytes: z.number().int().min(10).max(100_000) }).optional(),
      startAtLogin: z.boolean().optional(),
      theme: z.enum(['system', 'light', 'dark']).optional(),
      updateChannel: z.enum(['stable', 'beta']).optional(),
      /** The whole list, or "defaults" to go back to the built-in one. */
      deniedPaths: z.union([z.array(DeniedPathSchema).max(500), z.literal('defaults')]).optional(),
      registryUrl: z.url({ protocol: /^https?$/, error: 'the registry URL is an http(s) URL, e.g. https://registry.modelcontextprotocol.io' }).max(2048).optional(),
    })
    .strict(),
} as const;

export interface SettingsResults {
  'settings.get': PublicSettings;
  'settings.update': PublicSettings;
}

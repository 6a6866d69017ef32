// Control API: the hub's overall status and the connected client sessions.
import { z } from 'zod';
import type { HubStatus, SessionInfo } from '../shapes.ts';

export const hubRequests = {
  status: z.object({}).strict(),
  'sessions.list': z.object({}).strict(),
  'sessions.disconnect': z.object({ sessionId: z.string().min(1) }).strict(),
} as const;

export interface HubResults {
  status: HubStatus;
  'sessions.list': SessionInfo[];
  'sessions.disconnect': { disconnected: boolean };
}

import type { ChatDeps } from '../chat-deps.ts';

export interface TeamsDeps extends ChatDeps {
  /** Tenant for activities that carry none (Bot Framework Emulator); set only in demo mode. */
  fallbackTenantId?: string;
}

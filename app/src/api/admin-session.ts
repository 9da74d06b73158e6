import type { ZafClient } from "../zaf/client";

/**
 * The admin session the setup page collected, held in memory for the app instance (its ZAF
 * client) and never in storage: leaving the Setup tab and coming back keeps it, a reload or
 * another browser signs in again. The Worker decides whether it still holds.
 */
const held = new WeakMap<ZafClient, { token: string | null }>();

export function adminSessionOf(client: ZafClient): { token: string | null } {
  let slot = held.get(client);
  if (!slot) {
    slot = { token: null };
    held.set(client, slot);
  }
  return slot;
}

import ZAFClient from "zendesk_app_framework_sdk";
import type { ZafClient } from "./client";

/** The real client, or null when the page is not opened by Zendesk (no origin/app_guid). */
export function initZafClient(): ZafClient | null {
  const client = ZAFClient.init();
  return client === false ? null : (client as ZafClient);
}

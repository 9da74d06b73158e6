import { useCallback, useEffect, useRef } from "react";
import type { ZafClient } from "../zaf/client";

/** The custom event one sidebar sends the others after changing a thread. */
export const THREAD_CHANGED = "continuity.thread_changed";

interface InstanceInfo {
  instanceGuid?: string;
  location?: string;
}

/**
 * Every open ticket of a thread shows the same state: after a write here, the app's other ticket
 * sidebars in this agent's Zendesk are told at once (ZAF `client.instance(guid).trigger`), and
 * the ones on the same thread re-read. Changes made elsewhere still arrive by polling.
 */
export function useThreadBroadcast(
  client: ZafClient,
  onChanged: (threadId: string) => void,
): (threadId: string) => void {
  const latest = useRef(onChanged);
  latest.current = onChanged;

  useEffect(() => {
    const handler = (data?: unknown) => {
      const threadId = (data as { threadId?: unknown } | undefined)?.threadId;
      if (typeof threadId === "string") latest.current(threadId);
    };
    client.on(THREAD_CHANGED, handler);
    return () => client.off(THREAD_CHANGED, handler);
  }, [client]);

  return useCallback(
    (threadId: string) => {
      void (async () => {
        try {
          const [own, answer] = await Promise.all([client.context(), client.get("instances")]);
          const instances = Object.values((answer.instances ?? {}) as Record<string, InstanceInfo>);
          for (const other of instances) {
            if (!other.instanceGuid || other.instanceGuid === own.instanceGuid) continue;
            if (other.location !== "ticket_sidebar") continue;
            client.instance(other.instanceGuid).trigger(THREAD_CHANGED, { threadId });
          }
        } catch {
          // Telling siblings is a courtesy: they catch up by polling if it fails.
        }
      })();
    },
    [client],
  );
}

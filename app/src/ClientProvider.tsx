import { createContext, useEffect, useState, type ReactNode } from "react";
import type { ZafClient } from "./zaf/client";

export const ClientContext = createContext<ZafClient | null>(null);

/**
 * Holds the ZAF client and renders nothing until Zendesk has registered the app: before that,
 * get/metadata/request calls are queued by the SDK and the context is unknown.
 */
export function ClientProvider({ client, children }: { client: ZafClient; children: ReactNode }) {
  const [registered, setRegistered] = useState(client.ready === true);

  useEffect(() => {
    if (registered) return;
    // Zendesk may have answered between the first render and this effect: no event would follow.
    if (client.ready === true) {
      setRegistered(true);
      return;
    }
    const onRegistered = () => setRegistered(true);
    client.on("app.registered", onRegistered);
    return () => client.off("app.registered", onRegistered);
  }, [client, registered]);

  if (!registered) return null;
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

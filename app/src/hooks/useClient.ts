import { useContext } from "react";
import { ClientContext } from "../ClientProvider";
import type { ZafClient } from "../zaf/client";

export function useClient(): ZafClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error("useClient needs a ClientProvider above it");
  return client;
}

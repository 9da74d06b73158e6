import { useCallback, useEffect, useState } from "react";
import { metricsApi, type MetricsApi } from "../api/metrics-api";
import { useClient } from "./useClient";

export type MetricsConnection =
  | { state: "loading" }
  /** The Worker URL setting is empty: nothing to call. */
  | { state: "unconfigured" }
  | { state: "error" }
  | { state: "ready"; api: MetricsApi };

/** The metrics API of the Worker named in the app settings, once the settings are read. */
export function useMetricsApi(): { connection: MetricsConnection; retry: () => void } {
  const client = useClient();
  const [connection, setConnection] = useState<MetricsConnection>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setConnection({ state: "loading" });
    client
      .metadata()
      .then((metadata) => {
        const workerUrl = metadata.settings.workerUrl;
        if (!live) return;
        if (typeof workerUrl !== "string" || !workerUrl.trim())
          setConnection({ state: "unconfigured" });
        else setConnection({ state: "ready", api: metricsApi(client, workerUrl.trim()) });
      })
      .catch(() => {
        if (live) setConnection({ state: "error" });
      });
    return () => {
      live = false;
    };
  }, [client, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { connection, retry };
}

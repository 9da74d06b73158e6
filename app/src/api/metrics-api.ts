import type { ZafClient } from "../zaf/client";
import type { KnowledgeReport, MetricsReport } from "./metrics-types";
import { bodyOf, failureOf, type Outcome } from "./worker-api";

export interface MetricsApi {
  /** GET /v1/metrics?<query> as JSON. */
  report(query: string): Promise<Outcome<MetricsReport>>;
  /** The same figures as the CSV the Worker writes (format=csv must be in the query). */
  csv(query: string): Promise<Outcome<string>>;
  /** GET /v1/metrics/knowledge?from&to: answers from the Help Center and its gaps. */
  knowledge(range: { from: string; to: string }): Promise<Outcome<KnowledgeReport>>;
}

/** The metrics API through Zendesk's proxy, with the app secret added there, as the sidebar does. */
export function metricsApi(client: ZafClient, workerUrl: string): MetricsApi {
  const base = workerUrl.replace(/\/+$/, "");
  async function get<T>(
    query: string,
    read: (response: { responseText?: string }) => T,
    path = "/v1/metrics",
  ) {
    try {
      const response = await client.request({
        url: `${base}${path}?${query}`,
        type: "GET",
        headers: { Authorization: "Bearer {{setting.appSecret}}" },
        secure: true,
        cors: false,
        httpCompleteResponse: true,
      });
      if (response.status >= 300) return failureOf(response);
      return { kind: "ok", status: response.status, body: read(response) } as Outcome<T>;
    } catch (reason) {
      return failureOf(reason);
    }
  }
  return {
    report: (query) => get(query, (response) => bodyOf(response) as MetricsReport),
    // CSV is text: the body as sent, not parsed.
    csv: (query) => get(query, (response) => response.responseText ?? ""),
    knowledge: ({ from, to }) =>
      get(
        new URLSearchParams({ from, to }).toString(),
        (response) => bodyOf(response) as KnowledgeReport,
        "/v1/metrics/knowledge",
      ),
  };
}

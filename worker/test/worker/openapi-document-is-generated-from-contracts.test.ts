import { describe, expect, it } from "vitest";
import { call } from "./support/worker";

describe("GET /openapi.json", () => {
  it("documents every public route with its contract", async () => {
    const response = await call("/openapi.json");
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe("3.1.0");
    for (const [path, method] of [
      ["/v1/admin/tenants", "post"],
      ["/v1/admin/tenants/{tenantId}/settings", "put"],
      ["/v1/webhooks/zendesk/{tenantId}", "post"],
      ["/v1/webhooks/sunco/{tenantId}", "post"],
      ["/v1/channels/{tenantId}/events", "post"],
      ["/v1/tickets/{ticketId}/context", "get"],
      ["/v1/sessions/{sessionId}/context", "get"],
      ["/v1/threads/{threadId}/events", "get"],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    expect(Object.keys(doc.components.schemas.Context?.properties ?? {})).toEqual(
      expect.arrayContaining([
        "thread",
        "identity",
        "workflow",
        "riskFlags",
        "candidates",
        "control",
        "offset",
      ]),
    );
    expect(doc.components.schemas.ZendeskEventWebhook).toBeDefined();
    expect(doc.components.schemas.SuncoWebhook).toBeDefined();
  });
});

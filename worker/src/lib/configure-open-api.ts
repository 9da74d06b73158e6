import { inbound } from "../integrations/registry";
import type { AppOpenAPI } from "./types";

export const API_VERSION = "0.1.0";

export function configureOpenApi(app: AppOpenAPI) {
  app.openAPIRegistry.registerComponent("securitySchemes", "operatorToken", {
    type: "http",
    scheme: "bearer",
    description: "OPERATOR_TOKEN Worker secret",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "appSecret", {
    type: "http",
    scheme: "bearer",
    description: "The tenant's app secret",
  });
  // Webhook bodies are parsed after their signature check, so routes name them by reference.
  for (const channel of Object.values(inbound))
    for (const [name, schema] of Object.entries(channel.documents ?? {}))
      app.openAPIRegistry.register(name, schema);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Continuity Worker API",
      version: API_VERSION,
      description:
        "Keeps one customer issue continuous across channels and handoffs. Contracts: docs/ and DESIGN.md.",
    },
  });
}

import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, suncoDelivery, suncoMessage, zendeskTicketEvent } from "./support/factories";
import { channelSignature, zendeskSignature } from "./support/signing";
import { createTenant } from "./support/tenant";
import { call, migrate, rowCounts } from "./support/worker";

beforeEach(migrate);

const stamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

/** Requests a stranger could send to a tenant id, each signed with a secret they made up. */
const probes: { name: string; send: (tenantId: string) => Promise<Response> }[] = [
  {
    name: "a channel event",
    send: async (tenantId) => {
      const body = JSON.stringify(channelEvent({ ticketId: "1" }));
      return call(`/v1/channels/${tenantId}/events`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-signature": await channelSignature("a-guess", body),
        },
        body,
      });
    },
  },
  {
    name: "an unsigned channel event",
    send: (tenantId) =>
      call(`/v1/channels/${tenantId}/events`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
  },
  {
    name: "a Zendesk webhook",
    send: async (tenantId) => {
      const body = JSON.stringify(zendeskTicketEvent("created", { id: "2" }));
      const timestamp = stamp();
      return call(`/v1/webhooks/zendesk/${tenantId}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-zendesk-webhook-signature": await zendeskSignature("a-guess", timestamp, body),
          "x-zendesk-webhook-signature-timestamp": timestamp,
        },
        body,
      });
    },
  },
  {
    name: "a stale Zendesk webhook",
    send: (tenantId) =>
      call(`/v1/webhooks/zendesk/${tenantId}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-zendesk-webhook-signature": "AAAA",
          "x-zendesk-webhook-signature-timestamp": "2020-01-01T00:00:00Z",
        },
        body: "{}",
      }),
  },
  {
    name: "a Sunshine Conversations webhook",
    send: (tenantId) =>
      call(`/v1/webhooks/sunco/${tenantId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": "a-guess" },
        body: JSON.stringify(suncoDelivery([suncoMessage()])),
      }),
  },
];

describe("an inbound request to a tenant id", () => {
  for (const probe of probes) {
    it(`gets the same answer whether the tenant exists or not: ${probe.name}`, async () => {
      const tenant = await createTenant();
      const before = await rowCounts();
      const known = await probe.send(tenant.tenantId);
      const unknown = await probe.send("ten_nobody_here");
      expect(known.status).toBe(401);
      expect(unknown.status).toBe(known.status);
      expect(await unknown.json()).toEqual(await known.json());
      expect(await rowCounts()).toEqual(before);
    });
  }
});

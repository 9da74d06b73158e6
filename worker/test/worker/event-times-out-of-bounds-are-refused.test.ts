import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, suncoDelivery, suncoMessage, zendeskTicketEvent } from "./support/factories";
import {
  createTenant,
  sendChannelEvent,
  sendSuncoEvents,
  sendZendeskEvent,
  settle,
  type TestTenant,
} from "./support/tenant";
import { migrate, rowCounts } from "./support/worker";

beforeEach(migrate);

const FAR_FUTURE = "9999-12-31T23:59:59Z";
const EPOCH = "1970-01-01T00:00:00Z";
const inMinutes = (m: number) =>
  new Date(Date.now() + m * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Each inbound source, sending one event dated `at`, and the field that carries the date. */
const sources: {
  name: string;
  field: string;
  send: (tenant: TestTenant, at: string) => Promise<Response>;
}[] = [
  {
    name: "a channel event",
    field: "occurredAt",
    send: (tenant, at) => sendChannelEvent(tenant, channelEvent({ occurredAt: at, ticketId: "1" })),
  },
  {
    name: "a Zendesk event",
    field: "time",
    send: (tenant, at) =>
      sendZendeskEvent(tenant, zendeskTicketEvent("created", { id: "2" }, { time: at })),
  },
  {
    name: "a Zendesk trigger",
    field: "updated_at",
    send: (tenant, at) =>
      sendZendeskEvent(tenant, { continuity_trigger: "v1", ticket_id: "3", updated_at: at }),
  },
  {
    name: "a Sunshine Conversations delivery",
    field: "events[0].createdAt",
    send: (tenant, at) => sendSuncoEvents(tenant, suncoDelivery([suncoMessage({ createdAt: at })])),
  },
];

describe("an event's time", () => {
  for (const source of sources) {
    it(`in year 9999 or 1970 is refused with a 422 naming the field, for ${source.name}`, async () => {
      const tenant = await createTenant();
      const before = await rowCounts(tenant.tenantId);
      for (const at of [FAR_FUTURE, EPOCH, inMinutes(30)]) {
        const answer = await source.send(tenant, at);
        expect(answer.status).toBe(422);
        const body = (await answer.json()) as {
          error: { message: string; issues: { path: string; message: string }[] };
        };
        expect(body.error.issues.map((i) => i.path)).toContain(source.field);
        expect(body.error.message).toContain(source.field);
      }
      expect(await rowCounts(tenant.tenantId)).toEqual(before);
    });

    it(`a little ahead of our clock (within the signature skew) is accepted, for ${source.name}`, async () => {
      const tenant = await createTenant();
      const answer = await source.send(tenant, inMinutes(2));
      expect(answer.status).toBe(202);
      await settle(tenant);
    });
  }
});

import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, suncoDelivery, suncoMessage, zendeskTicketEvent } from "./support/factories";
import {
  createTenant,
  sendChannelEvent,
  sendSuncoEvents,
  sendZendeskEvent,
} from "./support/tenant";
import { migrate, rowCounts } from "./support/worker";

beforeEach(migrate);

async function errorOf(response: Response) {
  return {
    status: response.status,
    ...(
      (await response.json()) as {
        error: { code: string; message: string; issues?: { path: string }[] };
      }
    ).error,
  };
}

describe("a verified request with bad content", () => {
  it("answers 4xx naming the problem and stores nothing", async () => {
    const tenant = await createTenant();
    const before = await rowCounts(tenant.tenantId);

    const badChannel = [
      [{ ...channelEvent(), channel: "carrier_pigeon" }, "channel"],
      [{ ...channelEvent(), occurredAt: "last tuesday" }, "occurredAt"],
      [
        { ...channelEvent(), identifiers: [{ type: "phone", value: "call me maybe" }] },
        "identifiers[0].value",
      ],
      [
        { ...channelEvent(), identifiers: [{ type: "email", value: "not-an-email" }] },
        "identifiers[0].value",
      ],
      [
        { ...channelEvent(), artifacts: [{ kind: "photo", url: "javascript:alert(1)" }] },
        "artifacts[0].url",
      ],
      [{ ...channelEvent(), id: undefined }, "id"],
    ] as const;
    for (const [body, path] of badChannel) {
      const error = await errorOf(await sendChannelEvent(tenant, body));
      expect(error.status, path).toBe(422);
      expect(
        error.issues?.map((i) => i.path),
        path,
      ).toContain(path);
      expect(error.message).toContain(path);
    }

    const badZendesk = await errorOf(
      await sendZendeskEvent(tenant, {
        ...zendeskTicketEvent("created", { id: "9" }),
        type: "ticket_created",
      }),
    );
    expect(badZendesk).toMatchObject({ status: 422 });
    expect(badZendesk.issues?.[0]?.path).toBe("type");

    const noComment = await errorOf(
      await sendZendeskEvent(tenant, {
        ...zendeskTicketEvent("comment_added", { id: "9" }),
        event: { comment: { body: "x" } },
      }),
    );
    expect(noComment.status).toBe(422);
    expect(noComment.issues?.[0]?.path).toBe("event.comment.id");

    // One bad event in a Sunshine Conversations delivery rejects the whole delivery.
    const bad = suncoMessage();
    (bad.payload.message as { author: unknown }).author = { type: "robot" };
    const suncoError = await errorOf(
      await sendSuncoEvents(tenant, suncoDelivery([suncoMessage(), bad])),
    );
    expect(suncoError.status).toBe(422);
    expect(suncoError.issues?.[0]?.path).toBe("events[1].payload.message.author.type");

    expect(await rowCounts(tenant.tenantId)).toEqual(before);
  });

  it("answers 413 for an oversized body", async () => {
    const tenant = await createTenant();
    const response = await sendChannelEvent(
      tenant,
      channelEvent({ message: { author: "customer", text: "x".repeat(600_000) } }),
    );
    expect(response.status).toBe(413);
  });

  it("ignores verified Zendesk events it does not act on, without storing them", async () => {
    const tenant = await createTenant();
    const before = await rowCounts(tenant.tenantId);
    const response = await sendZendeskEvent(
      tenant,
      zendeskTicketEvent(
        "priority_changed",
        { id: "9" },
        { event: { current: "HIGH", previous: "LOW" } },
      ),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
    expect(await rowCounts(tenant.tenantId)).toEqual(before);
  });
});

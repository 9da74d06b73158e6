import { beforeEach, describe, expect, it } from "vitest";
import { customer, order, suncoDelivery, suncoMessage } from "./support/factories";
import { createTenant, sendSuncoEvents, sessionContext, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

describe("a Sunshine Conversations delivery", () => {
  it("processes each event and dedupes each by its own id", async () => {
    const tenant = await createTenant({
      orders: {
        customers: [customer({ phones: ["+819012345678"] })],
        orders: [order({ id: "W4410" })],
      },
    });
    const first = suncoMessage({
      conversationId: "conv_a",
      whatsapp: "819012345678",
      text: "Where is order W4410?",
      createdAt: "2026-03-11T07:00:00Z",
    });
    const second = suncoMessage({
      conversationId: "conv_a",
      whatsapp: "819012345678",
      text: "Any news?",
      createdAt: "2026-03-11T07:05:00Z",
    });
    const switchboard = {
      id: "sw-1",
      type: "switchboard:passControl",
      createdAt: "2026-03-11T07:06:00Z",
      payload: {
        conversation: {
          id: "conv_a",
          activeSwitchboardIntegration: {
            name: "zd-agentWorkspace",
            integrationType: "zd:agentWorkspace",
          },
        },
      },
    };
    const typing = {
      id: "ty-1",
      type: "conversation:typing",
      createdAt: "2026-03-11T07:06:00Z",
      payload: {},
    };

    const response = await sendSuncoEvents(
      tenant,
      suncoDelivery([first, second, switchboard, typing]),
    );
    expect(await response.json()).toEqual({ accepted: 3, duplicates: 0, ignored: 1 });
    const again = await sendSuncoEvents(
      tenant,
      suncoDelivery([
        second,
        suncoMessage({
          conversationId: "conv_a",
          whatsapp: "819012345678",
          text: "Hello?",
          createdAt: "2026-03-11T07:07:00Z",
        }),
      ]),
    );
    expect(await again.json()).toEqual({ accepted: 1, duplicates: 1, ignored: 0 });
    await settle(tenant);

    const context = (await (await sessionContext(tenant, "conv_a")).json()) as {
      identity: { level: string; identifiers: { kind: string; masked: string }[] };
      channels: string[];
      control: string;
      timeline: { kind: string }[];
    };
    // The WhatsApp id is the customer's phone; with the order it is two signals.
    expect(context.identity.level).toBe("medium");
    expect(context.identity.identifiers).toContainEqual(
      expect.objectContaining({ kind: "phone", masked: "+81 ••• ••• 5678" }),
    );
    expect(context.channels).toEqual(["whatsapp"]);
    expect(context.control).toBe("human");
    expect(context.timeline.filter((e) => e.kind === "message")).toHaveLength(3);
  });

  it("treats a signed-in messaging user as verified", async () => {
    const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
    const message = suncoMessage({
      conversationId: "conv_auth",
      authenticatedExternalId: "shop-user-1",
      text: "order #18422",
    });
    await sendSuncoEvents(tenant, suncoDelivery([message]));
    await settle(tenant);
    const context = (await (await sessionContext(tenant, "conv_auth")).json()) as {
      identity: { verification: { method: string } | null };
    };
    expect(context.identity.verification?.method).toBe("authenticated_messaging");
  });
});

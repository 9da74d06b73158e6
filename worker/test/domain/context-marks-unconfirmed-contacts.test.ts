import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ContextSchema } from "../../src/contracts/context";
import { contextView } from "../../src/domain/context-view";
import type { ThreadEvent } from "../../src/domain/thread-events";
import { threadLog } from "./arbitraries";
import {
  artifactAdded,
  contactSays,
  hoursAfter,
  projected,
  MAYA,
  STRANGER,
  order18422,
  mayaEmail,
} from "./factories";

const story = (): ThreadEvent[] => [
  ...contactSays({
    contactId: "ticket:101",
    channel: "email",
    signals: [mayaEmail, order18422],
    orderIds: ["18422"],
    text: "My order #18422 arrived damaged.",
  }),
  ...contactSays({
    contactId: STRANGER,
    at: hoursAfter(2),
    signals: [order18422],
    orderIds: ["18422"],
    text: "order #18422, ship it to 12 Elm Street",
  }),
  artifactAdded({
    contactId: STRANGER,
    at: hoursAfter(2),
    artifact: { kind: "photo", url: "https://files.example/x.jpg" },
  }),
];

describe("the sidebar's context marks an unconfirmed contact (DESIGN §4, §7)", () => {
  it("on the customer's ticket: the contact and everything about it are flagged", () => {
    const view = contextView(projected(story()), "ticket:101", 9);
    expect(view.identity).not.toHaveProperty("unconfirmed");
    expect(view.contacts).toEqual([
      expect.not.objectContaining({ unconfirmed: expect.anything() }),
      expect.objectContaining({ id: STRANGER, level: "low", unconfirmed: "order_only" }),
    ]);
    const about = view.timeline.filter((e) => e.contactId === STRANGER);
    expect(about.map((e) => [e.kind, e.text, e.unconfirmed])).toEqual([
      ["contact", "Unconfirmed contact (web chat, only an order number matched)", true],
      [
        "message",
        "Unconfirmed contact (web chat, only an order number matched): order #18422, ship it to 12 Elm Street",
        true,
      ],
      ["artifact", "photo received on web chat, from an unconfirmed contact", true],
    ]);
    expect(view.timeline.filter((e) => e.contactId !== STRANGER)).toEqual(
      projected(story()).timeline.filter((e) => e.contactId !== STRANGER),
    );
    // The stranger's address is nowhere in the customer's workflow data.
    expect(view.slots.map((s) => s.name)).not.toContain("shipping_address");
  });

  it("on the stranger's own session: its identity says why it is unconfirmed", () => {
    const view = contextView(projected(story()), STRANGER, 9);
    expect(view.identity).toMatchObject({
      level: "low",
      customerId: MAYA,
      unconfirmed: "order_only",
    });
    expect(view.handoff.customer.unconfirmed).toBe("order_only");
  });

  it("the view with the new fields is what the contract answers", () => {
    for (const contactId of ["ticket:101", STRANGER]) {
      const view = contextView(projected(story()), contactId, 9);
      expect(ContextSchema.parse(view)).toEqual(view);
    }
  });

  it("property: any thread's context is accepted by the contract, flagged or not", () => {
    fc.assert(
      fc.property(threadLog, (log) => {
        const state = projected(log);
        const view = contextView(state, state.contacts[0]?.id ?? "", log.length);
        expect(() => ContextSchema.parse(view)).not.toThrow();
        for (const entry of view.timeline.filter((e) => e.unconfirmed))
          expect(entry.text.startsWith("Customer:")).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Signal } from "../../src/domain/identity-level";
import type { SlotName, Slots } from "../../src/domain/slots";
import type { ThreadEvent } from "../../src/domain/thread-events";
import type { ThreadState } from "../../src/domain/thread-state";
import { permutationOf } from "./arbitraries";
import {
  contactSays,
  hoursAfter,
  identityResolved,
  projected,
  signal,
  slotsFilled,
  MAYA,
  BOB,
  STRANGER,
  mayaEmail,
  mayaWrites,
  strangerWrites,
} from "./factories";

/** What strangers who know an order number say, and the slot each sentence fills. */
const SAYINGS: [string, SlotName][] = [
  ["Please send it to 12 Elm Street, Springfield instead.", "shipping_address"],
  ["It arrived broken.", "reason"],
  ["The serial number is EM44719.", "serial_number"],
  ["I paid with my Visa.", "payment_method"],
];

/** The stranger asks for the first saying's change. */
const strangerAsks = (fields: Partial<Parameters<typeof strangerWrites>[0]> = {}) =>
  strangerWrites({ text: `About order #18422. ${SAYINGS[0]![0]}`, ...fields });

const confirms = (signals: Signal[], at = hoursAfter(3)): ThreadEvent[] =>
  strangerAsks({
    at,
    signals,
    orderIds: [],
    text: "Here you go.",
    first: false,
    eventId: "second-signal",
  });

const stranger = (state: ThreadState) => state.contacts.find((c) => c.id === STRANGER)!;

describe("an unconfirmed contact's words change none of the customer's workflow data (DESIGN §4)", () => {
  it("the address it gives is kept with it, not in the customer's slots", () => {
    const state = projected([...mayaWrites(), ...strangerAsks()]);
    expect(state.slots.shipping_address).toBeUndefined();
    expect(stranger(state).withheld?.shipping_address?.value).toBe("••• Elm Street");
    // Maya's own words still count.
    expect(state.slots.reason?.value).toBe("damaged");
  });

  it("property: whatever it says, the customer's slots are what they were without it", () => {
    fc.assert(
      fc.property(
        fc.subarray(SAYINGS, { minLength: 1 }),
        fc.integer({ min: 1, max: 48 }),
        (said, hours) => {
          const text = `Order #18422. ${said.map(([s]) => s).join(" ")}`;
          const without = projected(mayaWrites("Order #18422 hasn't come."));
          const withIt = projected([
            ...mayaWrites("Order #18422 hasn't come."),
            ...strangerAsks({ text, at: hoursAfter(hours) }),
          ]);
          expect(withIt.slots).toEqual(without.slots);
          for (const [, slot] of said) expect(stranger(withIt).withheld?.[slot]).toBeDefined();
        },
      ),
    );
  });

  it("what a model or a rule read from it waits too; what a person enters counts", () => {
    const read: Slots = { items: { value: "Ceramic Vase", source: "model", at: hoursAfter(2) } };
    const typed: Slots = { invoice: { value: "invoice", source: "human", at: hoursAfter(2) } };
    const state = projected([
      ...mayaWrites(),
      ...strangerAsks(),
      slotsFilled({ contactId: STRANGER, at: hoursAfter(2), slots: read, source: "model" }),
      slotsFilled({ contactId: STRANGER, at: hoursAfter(2), slots: typed, source: "human" }),
    ]);
    expect(state.slots.items).toBeUndefined();
    expect(state.slots.invoice?.value).toBe("invoice");
    expect(stranger(state).withheld?.items?.value).toBe("Ceramic Vase");
  });

  it("its photos are no evidence of the customer's", () => {
    const state = projected([
      ...mayaWrites(),
      ...strangerAsks({ artifacts: [{ kind: "photo", url: "https://files.example/x.jpg" }] }),
    ]);
    expect(state.slots.photos).toBeUndefined();
  });

  it("the order number that tied it to a thread without one names the thread's order", () => {
    // Alone on its own thread: the order is still the customer's, and never asked for again.
    const state = projected(strangerAsks());
    expect(state.slots.order_id?.value).toBe("18422");
    expect(state.slots.shipping_address).toBeUndefined();
  });

  it("once a second signal agrees, what it said counts, as when it said it", () => {
    const confirmed = projected([...mayaWrites(), ...strangerAsks(), ...confirms([mayaEmail])]);
    expect(stranger(confirmed)).not.toHaveProperty("withheld");
    expect(confirmed.slots.shipping_address).toEqual({
      value: "••• Elm Street",
      source: "text",
      at: hoursAfter(2),
    });
  });

  it("released late, an older word never overrides what the customer said since", () => {
    const state = projected([
      ...mayaWrites(),
      ...strangerAsks(),
      ...contactSays({
        contactId: "ticket:101",
        at: hoursAfter(4),
        channel: "email",
        text: "Please ship it to 9 Oak Road, Portland.",
        first: false,
        eventId: "maya-later",
      }),
      ...confirms([mayaEmail], hoursAfter(5)),
    ]);
    expect(state.slots.shipping_address?.value).toBe("••• Oak Road");
  });

  it("a second signal that points at someone else releases nothing", () => {
    const bob = signal({ kind: "email", hash: "email-bob", owners: [BOB] });
    const state = projected([...mayaWrites(), ...strangerAsks(), ...confirms([bob])]);
    expect(state.slots.shipping_address).toBeUndefined();
    expect(stranger(state).withheld?.shipping_address).toBeDefined();
  });

  it("a person who confirms the contact releases what it said", () => {
    const state = projected([
      ...mayaWrites(),
      ...strangerAsks(),
      identityResolved({ contactId: STRANGER, customerId: MAYA, at: hoursAfter(3) }),
    ]);
    expect(state.slots.shipping_address?.value).toBe("••• Elm Street");
  });

  it("property: the slots do not depend on the order the facts arrived in", () => {
    const histories = fc
      .record({
        confirmed: fc.boolean(),
        hour: fc.integer({ min: 1, max: 30 }),
        mayaLater: fc.boolean(),
      })
      .map(({ confirmed, hour, mayaLater }) => [
        ...mayaWrites(),
        ...strangerAsks({ at: hoursAfter(hour) }),
        ...(mayaLater
          ? contactSays({
              contactId: "ticket:101",
              at: hoursAfter(hour + 1),
              channel: "email",
              text: "Please ship it to 9 Oak Road, Portland.",
              first: false,
              eventId: "maya-later",
            })
          : []),
        ...(confirmed ? confirms([mayaEmail], hoursAfter(hour + 2)) : []),
      ]);
    fc.assert(
      fc.property(
        histories.chain((log) => fc.tuple(fc.constant(log), permutationOf(log))),
        ([log, shuffled]) => {
          expect(projected(shuffled).slots).toEqual(projected(log).slots);
          expect(projected(shuffled)).toEqual(projected(log));
        },
      ),
      { numRuns: 200 },
    );
  });
});

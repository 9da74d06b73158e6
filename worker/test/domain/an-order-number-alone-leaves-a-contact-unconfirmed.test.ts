import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANNELS } from "../../src/domain/channel-event";
import { auditTrail } from "../../src/domain/audit-trail";
import { unconfirmedReason } from "../../src/domain/contact-confirmation";
import type { Signal, SignalKind } from "../../src/domain/identity-level";
import type { ThreadState } from "../../src/domain/thread-state";
import { permutationOf, signalArb, threadLog } from "./arbitraries";
import {
  hoursAfter,
  identityResolved,
  projected,
  resolutionOf,
  signal,
  T0,
  verification,
  MAYA,
  BOB,
  STRANGER,
  order18422,
  mayaEmail,
  mayaWrites,
  strangerWrites,
} from "./factories";

const contactOf = (state: ThreadState, id = STRANGER) => state.contacts.find((c) => c.id === id)!;

/** Another signal of one kind, owned by the given customers. */
const second = (kind: Exclude<SignalKind, "order">, owners: string[]): Signal =>
  signal({ kind, hash: `${kind}-${owners.join("+")}`, owners, source: "text" });
const SECOND_KINDS: Exclude<SignalKind, "order">[] = [
  "email",
  "phone",
  "name_zip",
  "external_id",
  "zendesk_user",
];

describe("a contact whose only signal is an order number stays unconfirmed (DESIGN §4)", () => {
  it("joins the order's thread at low, unconfirmed, beside the customer who is not", () => {
    const state = projected([...mayaWrites(), ...strangerWrites()]);
    expect(state.customerId).toBe(MAYA);
    expect(contactOf(state)).toMatchObject({
      unconfirmed: "order_only",
      resolution: { level: "low", customerId: MAYA },
    });
    expect(contactOf(state, "ticket:101")).not.toHaveProperty("unconfirmed");
  });

  it("property: whatever its channel, wherever the number came from, alone or joining", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHANNELS),
        fc.constantFrom<Signal["source"][]>("channel", "zendesk", "sunco", "text", "agent"),
        fc.boolean(),
        fc.integer({ min: 0, max: 72 }),
        (channel, source, alone, hour) => {
          const order = { ...order18422, source };
          const stranger = strangerWrites({ channel, at: hoursAfter(hour), signals: [order] });
          const state = projected(alone ? stranger : [...mayaWrites(), ...stranger]);
          expect(contactOf(state).unconfirmed).toBe("order_only");
          expect(contactOf(state).resolution.level).toBe("low");
        },
      ),
    );
  });

  it("property: a second signal of any other kind that points at the customer alone confirms it, given then or later", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SECOND_KINDS),
        fc.integer({ min: 0, max: 30 }),
        (kind, later) => {
          const facts = [
            ...mayaWrites(),
            ...strangerWrites(),
            ...strangerWrites({
              at: hoursAfter(2 + later),
              signals: [second(kind, [MAYA])],
              orderIds: [],
              text: "Here is the detail you asked for.",
              first: false,
              eventId: "second",
            }),
          ];
          const contact = contactOf(projected(facts));
          expect(contact).not.toHaveProperty("unconfirmed");
          expect(contact.resolution.level).toBe("medium");
        },
      ),
    );
  });

  it("a verification confirms it, and it stays confirmed once the verification expires", () => {
    const facts = [
      ...mayaWrites(),
      ...strangerWrites({ verification: verification({ method: "sso", passedAt: hoursAfter(2) }) }),
      // Two days on, the verification (24 hours) has expired: the level falls, the identity stays proven.
      ...strangerWrites({ at: hoursAfter(50), first: false, eventId: "later", text: "Any news?" }),
    ];
    const contact = contactOf(projected(facts));
    expect(contact.resolution.level).toBe("low");
    expect(contact.resolution.verification?.expired).toBe(true);
    expect(contact).not.toHaveProperty("unconfirmed");
  });

  it.each(SECOND_KINDS)(
    "a %s that belongs to someone else leaves it unconfirmed, in conflict",
    (kind) => {
      const state = projected([
        ...mayaWrites(),
        ...strangerWrites(),
        ...strangerWrites({
          at: hoursAfter(3),
          signals: [second(kind, [BOB])],
          first: false,
          eventId: "conflicting",
        }),
      ]);
      expect(contactOf(state)).toMatchObject({
        unconfirmed: "conflicting",
        resolution: { level: "low", customerId: null },
      });
      expect(state.customerId).toBe(MAYA);
      expect(state.riskFlags).toContainEqual(
        expect.objectContaining({ flag: "identity_conflict", contactId: STRANGER }),
      );
    },
  );

  it("evidence shared with another customer (a family email) agrees but proves nothing", () => {
    const family = second("email", [MAYA, BOB]);
    const state = projected([
      ...mayaWrites(),
      ...strangerWrites({ signals: [order18422, family] }),
    ]);
    expect(contactOf(state).unconfirmed).toBe("order_only");
  });

  it("an email that matches nobody proves nothing either", () => {
    const nobody = second("email", []);
    const state = projected([
      ...mayaWrites(),
      ...strangerWrites({ signals: [order18422, nobody] }),
    ]);
    expect(contactOf(state).unconfirmed).toBe("order_only");
  });

  it("a person who confirms who the contact is confirms it", () => {
    const state = projected([
      ...mayaWrites(),
      ...strangerWrites(),
      identityResolved({ contactId: STRANGER, customerId: MAYA, at: hoursAfter(3) }),
    ]);
    expect(contactOf(state)).not.toHaveProperty("unconfirmed");
    expect(contactOf(state).resolution.level).toBe("medium");
  });

  it("property: a contact no order reference ties to the customer is never unconfirmed", () => {
    fc.assert(
      fc.property(
        fc.array(
          signalArb().filter((s) => s.kind !== "order"),
          { minLength: 1, maxLength: 3 },
        ),
        (signals) => {
          const state = projected([...mayaWrites(), ...strangerWrites({ signals })]);
          expect(contactOf(state)).not.toHaveProperty("unconfirmed");
        },
      ),
    );
  });

  it("property: an unconfirmed contact is never above low, in any thread's history", () => {
    fc.assert(
      fc.property(threadLog, (log) => {
        for (const contact of projected(log).contacts.filter((c) => c.unconfirmed))
          expect(contact.resolution.level).toBe("low");
      }),
      { numRuns: 300 },
    );
  });

  it("property: whether it is confirmed does not depend on the order facts arrived in", () => {
    const histories = fc
      .record({
        kind: fc.constantFrom(...SECOND_KINDS),
        owners: fc.constantFrom<string[][]>([MAYA], [BOB], [MAYA, BOB], []),
        later: fc.integer({ min: -2, max: 30 }),
      })
      .map(({ kind, owners, later }) => [
        ...mayaWrites(),
        ...strangerWrites(),
        ...strangerWrites({
          at: hoursAfter(2 + later),
          signals: [second(kind, owners)],
          orderIds: [],
          text: "my details",
          first: false,
          eventId: "second",
        }),
      ]);
    fc.assert(
      fc.property(
        histories.chain((log) => fc.tuple(fc.constant(log), permutationOf(log))),
        ([log, shuffled]) => {
          expect(projected(shuffled)).toEqual(projected(log));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the audit trail says when a contact's words stop or start counting", () => {
  it("records it unconfirmed, and confirmed once a second signal agrees", () => {
    const maya = mayaWrites();
    const stranger = strangerWrites();
    const email = strangerWrites({
      at: hoursAfter(3),
      signals: [mayaEmail],
      first: false,
      eventId: "second",
    });
    const withMaya = projected(maya);
    const withStranger = projected([...maya, ...stranger]);
    const confirmed = projected([...maya, ...stranger, ...email]);
    const of = (trail: ReturnType<typeof auditTrail>) =>
      trail.filter((e) => e.action.startsWith("identity.") && e.action.endsWith("confirmed"));
    expect(of(auditTrail(withMaya, withStranger, stranger, T0, "system:ingest"))).toEqual([
      expect.objectContaining({
        action: "identity.unconfirmed",
        data: { contactId: STRANGER, reason: "order_only" },
      }),
    ]);
    expect(of(auditTrail(withStranger, confirmed, email, T0, "system:ingest"))).toEqual([
      expect.objectContaining({
        action: "identity.confirmed",
        data: { contactId: STRANGER, by: "evidence: email, order" },
      }),
    ]);
  });
});

describe("unconfirmedReason judges one contact from its evidence", () => {
  const judge = (signals: Signal[], threadCustomer: string | null = MAYA, verified = false) =>
    unconfirmedReason(
      { signals, chosen: null },
      resolutionOf(signals, verified ? [verification()] : []),
      threadCustomer,
    );

  it.each([
    ["only the order", [order18422], "order_only"],
    ["the order and the customer's email", [order18422, mayaEmail], null],
    ["the order and someone else's email", [order18422, second("email", [BOB])], "conflicting"],
    ["only the customer's email (no order)", [mayaEmail], null],
    ["nothing", [], null],
  ] as const)("%s: %s", (_, signals, expected) => {
    expect(judge([...signals])).toBe(expected);
  });

  it("a verification confirms an order-only contact", () => {
    expect(judge([order18422], MAYA, true)).toBeNull();
  });

  it("in conflict on a thread with no customer yet, there is no customer to be unconfirmed for", () => {
    expect(judge([order18422, second("email", [BOB])], null)).toBeNull();
  });
});

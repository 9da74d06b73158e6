import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planContact } from "../../src/domain/contact-plan";
import { applyEvents, emptyThread } from "../../src/domain/thread-state";
import {
  channelEvent,
  hoursAfter,
  planInput,
  POLICY,
  projected,
  resolutionOf,
  signal,
  verification,
} from "./factories";

const phone = signal({ kind: "phone", owners: ["C-1"] });
const order = signal({ kind: "order", owners: ["C-1"] });

describe("a new contact's evidence survives projection", () => {
  // All facts of one delivery share its event time; the contact must exist before its evidence
  // and verification are applied, whatever the keys of those facts sort like.
  it("the first delivery of a contact resolves it and gives the thread its customer", () => {
    const events = planContact(
      planInput({
        event: channelEvent({
          eventId: "evt-1",
          message: { author: "customer", text: "order #18422", public: true },
        }),
        signals: [phone, order],
        orderIds: ["18422"],
      }),
    );
    const state = projected(events);
    expect(state.customerId).toBe("C-1");
    expect(state.contacts[0]?.signals).toEqual([phone, order]);
    expect(state.contacts[0]?.resolution.level).toBe("medium");
  });

  it("a late delivery with an earlier event time keeps its evidence, and the contact joined then", () => {
    // Zendesk does not order a sequence: the comment (11:00) arrives before the ticket was created
    // (10:00). The first arrival introduces the contact; the late one only adds what is new.
    const comment = channelEvent({
      source: "zendesk",
      eventId: "z-2",
      ticketId: "101",
      channel: "email",
      occurredAt: hoursAfter(1),
      message: { author: "customer", text: "still broken", public: true },
    });
    const created = channelEvent({
      ...comment,
      eventId: "z-1",
      occurredAt: hoursAfter(0),
      message: undefined,
    });
    const first = planContact(planInput({ event: comment, contactId: "ticket:101" }));
    const late = planContact(
      planInput({
        event: created,
        contactId: "ticket:101",
        knownLinks: [{ kind: "ticket", id: "101" }],
        signals: [phone],
      }),
    );
    const state = projected([...first, ...late]);
    expect(state.contacts).toHaveLength(1);
    expect(state.contacts[0]).toMatchObject({
      id: "ticket:101",
      channel: "email",
      joinedAt: hoursAfter(0),
      signals: [phone],
    });
    expect(state.customerId).toBe("C-1");
    expect(state.openedAt).toBe(hoursAfter(0));
  });

  it("a verification in the first delivery counts", () => {
    const events = planContact(
      planInput({
        event: channelEvent({ verification: verification({ passedAt: hoursAfter(0) }) }),
        signals: [phone],
      }),
    );
    expect(projected(events).contacts[0]?.resolution.level).toBe("high");
  });

  // Known defect, reported: `ThreadEvent.group`/`part` promise that the facts of one delivery
  // keep their planning order at one instant, but `compareEvents` orders them by key, so here the
  // message ("channel:message:m-1") lands on the timeline before the contact joins
  // ("contact:…#joined"). Drop `.fails` once the log order honours `group`/`part`.
  it("the contact joins before anything else of its instant appears on the timeline", () => {
    const events = planContact(
      planInput({
        event: channelEvent({
          eventId: "zzz",
          message: { id: "m-1", author: "customer", text: "hi", public: true },
          artifacts: [{ kind: "photo", url: "https://f.example/1" }],
        }),
      }),
    );
    expect(projected(events).timeline[0]?.kind).toBe("contact");
  });

  it("property: for any ids, the first delivery's evidence is on the contact", () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.constantFrom("zendesk" as const, "sunco" as const, "channel" as const),
        id,
        fc.option(id, { nil: undefined }),
        fc.boolean(),
        (source, eventId, messageId, verified) => {
          const at = hoursAfter(2);
          const input = planInput({
            event: channelEvent({
              source,
              eventId,
              occurredAt: at,
              message: { id: messageId, author: "customer", text: "about my order", public: true },
              ...(verified && { verification: verification({ passedAt: at }) }),
            }),
            signals: [phone],
          });
          const events = planContact(input);
          const expected = resolutionOf(
            [phone],
            verified ? [verification({ passedAt: at })] : [],
            at,
          );
          for (const state of [
            projected(events),
            applyEvents(emptyThread("THR-1", at), events, POLICY),
          ]) {
            expect(state.contacts).toHaveLength(1);
            expect(state.contacts[0]?.signals).toEqual([phone]);
            expect(state.contacts[0]?.resolution).toEqual(expected);
            expect(state.customerId).toBe("C-1");
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { actorName } from "../actor";
import type { IdentityPolicy } from "../identity-level";
import type { ThreadEvent } from "../thread-events";
import { latest } from "../time";
import { newContact, rejudge, updateContact, upsertTicket } from "./records";
import type { ContactState, ThreadState } from "./state";
import { channelName, withTimeline } from "./timeline";

/** Contacts joining and linking, their identity, and verifying who they are. */
export type ContactEvent = Extract<
  ThreadEvent,
  {
    type:
      | "contact.joined"
      | "contact.linked"
      | "identity.observed"
      | "verification.passed"
      | "verification.requested"
      | "verification.wanted"
      | "verification.failed"
      | "identity.resolved";
  }
>;

export function applyContactEvent(
  state: ThreadState,
  event: ContactEvent,
  policy: IdentityPolicy,
): ThreadState {
  switch (event.type) {
    case "contact.joined": {
      const existing = state.contacts.find((c) => c.id === event.contactId);
      if (existing && existing.stitch.reason !== "implicit") return state;
      const previous = state.contacts.filter((c) => c.id !== event.contactId).at(-1);
      const base = existing ?? newContact(event.contactId, event.channel, event.at, policy);
      const contact: ContactState = {
        ...base,
        channel: event.channel,
        origin: event.origin ?? base.origin,
        joinedAt:
          existing && Date.parse(existing.joinedAt) < Date.parse(event.at)
            ? existing.joinedAt
            : event.at,
        links: [
          ...event.links,
          ...base.links.filter((l) => !event.links.some((e) => e.kind === l.kind && e.id === l.id)),
        ],
        stitch: event.stitch,
      };
      let next: ThreadState = {
        ...state,
        contacts: existing
          ? state.contacts.map((c) => (c.id === contact.id ? contact : c))
          : [...state.contacts, contact],
      };
      for (const link of event.links) {
        if (link.kind === "ticket") next = upsertTicket(next, link.id, event.channel);
      }
      const switched = previous && previous.channel !== event.channel;
      return withTimeline(next, {
        at: event.at,
        key: event.key,
        kind: switched ? "channel_switch" : "contact",
        channel: event.channel,
        contactId: event.contactId,
        text: switched
          ? `Continued on ${channelName(event.channel)} (from ${channelName(previous.channel)})`
          : `Contact on ${channelName(event.channel)}`,
      });
    }
    case "contact.linked": {
      const updated = updateContact(state, event.contactId, event.at, event.channel, policy, (c) =>
        c.links.some((l) => l.kind === event.link.kind && l.id === event.link.id)
          ? c
          : { ...c, links: [...c.links, event.link] },
      );
      // The contact's clock moved on: judge it again at its newest event time.
      const next = rejudge(updated.state, updated.contact, policy, event.at);
      return event.link.kind === "ticket" ? upsertTicket(next, event.link.id, event.channel) : next;
    }
    case "identity.observed": {
      const channel = state.contacts.find((c) => c.id === event.contactId)?.channel ?? "api";
      const updated = updateContact(state, event.contactId, event.at, channel, policy, (c) => {
        const known = new Set(c.signals.map((s) => `${s.kind}:${s.hash}`));
        const fresh = event.signals.filter((s) => !known.has(`${s.kind}:${s.hash}`));
        return { ...c, signals: [...c.signals, ...fresh] };
      });
      return rejudge(updated.state, updated.contact, policy, event.at);
    }
    case "verification.passed": {
      const channel = state.contacts.find((c) => c.id === event.contactId)?.channel ?? "api";
      // The verification is itself a moment in the contact's life, possibly after the event that reports it.
      const updated = updateContact(
        state,
        event.contactId,
        latest(event.at, event.passedAt),
        channel,
        policy,
        (c) => ({
          ...c,
          verifications: [...c.verifications, { method: event.method, passedAt: event.passedAt }],
        }),
      );
      let next = rejudge(updated.state, updated.contact, policy, event.at);
      if (next.verification.pending?.contactId === event.contactId) {
        next = { ...next, verification: { ...next.verification, pending: null } };
      }
      return withTimeline(next, {
        at: event.at,
        key: event.key,
        kind: "verification",
        contactId: event.contactId,
        text: `Identity verified (${event.method})`,
      });
    }
    case "verification.requested": {
      const pending = {
        contactId: event.contactId,
        channel: event.channel,
        codeHash: event.codeHash,
        expiresAt: event.expiresAt,
        attemptsLeft: event.attempts,
        requestedAt: event.at,
      };
      return withTimeline(
        { ...state, verification: { ...state.verification, pending } },
        {
          at: event.at,
          key: event.key,
          kind: "verification",
          contactId: event.contactId,
          text: `One-time code sent on ${channelName(event.channel)}`,
        },
      );
    }
    case "verification.wanted":
      return withTimeline(state, {
        at: event.at,
        key: event.key,
        kind: "verification",
        contactId: event.contactId,
        text: `${actorName(event.by)} asked to verify the customer`,
      });
    case "verification.failed": {
      const pending = state.verification.pending;
      const remaining =
        pending && pending.contactId === event.contactId && event.reason === "wrong_code"
          ? { ...pending, attemptsLeft: pending.attemptsLeft - 1 }
          : pending;
      const verification = {
        pending:
          event.reason === "expired" || (remaining && remaining.attemptsLeft <= 0)
            ? null
            : remaining,
        failures: [
          ...state.verification.failures,
          { at: event.at, contactId: event.contactId, reason: event.reason },
        ],
      };
      return withTimeline(
        { ...state, verification },
        {
          at: event.at,
          key: event.key,
          kind: "verification",
          contactId: event.contactId,
          text:
            event.reason === "expired" ? "Verification code expired" : "Wrong verification code",
        },
      );
    }
    case "identity.resolved": {
      const channel = state.contacts.find((c) => c.id === event.contactId)?.channel ?? "api";
      const updated = updateContact(state, event.contactId, event.at, channel, policy, (c) => ({
        ...c,
        chosen: { customerId: event.customerId, by: event.by, at: event.at },
      }));
      const resolved = rejudge(updated.state, updated.contact, policy, event.at);
      const riskFlags = resolved.riskFlags.filter(
        (f) => !(f.flag === "identity_conflict" && f.contactId === event.contactId),
      );
      return withTimeline(
        { ...resolved, riskFlags },
        {
          at: event.at,
          key: event.key,
          kind: "verification",
          contactId: event.contactId,
          text: `${actorName(event.by)} confirmed who the customer is`,
        },
      );
    }
  }
}

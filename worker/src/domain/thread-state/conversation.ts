import { actorName } from "../actor";
import type { IdentityPolicy } from "../identity-level";
import type { ThreadEvent } from "../thread-events";
import { rejudge, updateContact, withheldOr } from "./records";
import type { AgentReply, ConsentAnswer, HandoffNote, ThreadState } from "./state";
import { channelName, excerpt, newer, unique, withTimeline } from "./timeline";

const REPLY_LIMIT = 20;

/** The conversation: messages, artifacts, the AI agent's replies and handoffs, the summary, consent. */
export type ConversationEvent = Extract<
  ThreadEvent,
  {
    type:
      | "message.received"
      | "artifact.added"
      | "agent.replied"
      | "agent.handed_off"
      | "summary.edited"
      | "consent.recorded"
      | "agent.run_completed";
  }
>;

export function applyConversationEvent(
  state: ThreadState,
  event: ConversationEvent,
  policy: IdentityPolicy,
): ThreadState {
  switch (event.type) {
    case "message.received": {
      const updated = updateContact(
        state,
        event.contactId,
        event.at,
        event.channel,
        policy,
        (c) => c,
      );
      // Judged first: an unconfirmed contact's words fill no slot of the customer's (DESIGN §4).
      let next = rejudge(updated.state, updated.contact, policy, event.at);
      if (event.author === "customer") {
        next = {
          ...withheldOr(next, event.contactId, event.slots ?? {}),
          orderIds: unique([...next.orderIds, ...event.orderIds]),
        };
      }
      const who =
        event.author === "customer" ? "Customer" : event.author === "agent" ? "Agent" : "Bot";
      return withTimeline(next, {
        at: event.at,
        key: event.key,
        kind: "message",
        channel: event.channel,
        contactId: event.contactId,
        text: `${who}${event.author !== "customer" && !event.public ? " (internal)" : ""}: ${excerpt(event.text)}`,
      });
    }
    case "artifact.added": {
      if (state.artifacts.some((a) => a.url === event.artifact.url)) return state;
      const next = {
        ...state,
        artifacts: [
          ...state.artifacts,
          { ...event.artifact, at: event.at, channel: event.channel, contactId: event.contactId },
        ],
      };
      return withTimeline(next, {
        at: event.at,
        key: event.key,
        kind: "artifact",
        channel: event.channel,
        contactId: event.contactId,
        text: `${event.artifact.kind} received on ${channelName(event.channel)}`,
      });
    }
    case "agent.replied": {
      const reply: AgentReply = {
        at: event.at,
        key: event.key,
        contactId: event.contactId,
        channel: event.channel,
        text: event.text,
        delivery: event.delivery,
        purpose: event.purpose,
      };
      const agent = {
        ...state.agent,
        replies: [...state.agent.replies, reply].slice(-REPLY_LIMIT),
      };
      return withTimeline(
        { ...state, agent },
        {
          at: event.at,
          key: event.key,
          kind: "agent",
          channel: event.channel,
          contactId: event.contactId,
          // The article comes first, so the excerpt's cut never hides what the answer relied on.
          text: `AI agent${event.delivery === "draft" ? " (draft)" : ""}${event.cites ? `, from the Help Center article "${event.cites.title}"` : ""}: ${excerpt(event.text)}`,
          ...(event.cites && { cites: { title: event.cites.title, url: event.cites.url } }),
        },
      );
    }
    case "agent.handed_off": {
      const agent = {
        ...state.agent,
        handoff: { code: event.code, reason: event.reason, at: event.at },
      };
      // A handoff joining one that stands is the same person's work, told by the note they
      // have; one that starts afresh without a note of its own leaves no earlier note current.
      const handoffNote: HandoffNote | undefined = event.note
        ? { handoff: event.key, at: event.at, ...event.note }
        : state.agent.handoff
          ? state.handoffNote
          : undefined;
      return withTimeline(
        { ...state, agent, handoffNote },
        {
          at: event.at,
          key: event.key,
          kind: "agent",
          text: `Handed to a person: ${event.reason}`,
        },
      );
    }
    case "summary.edited": {
      if (state.summaryEdit && !newer(state.summaryEdit.at, event.at)) return state;
      const summaryEdit = {
        text: event.text,
        by: event.by,
        at: event.at,
        category: event.category,
      };
      return withTimeline(
        { ...state, summaryEdit },
        {
          at: event.at,
          key: event.key,
          kind: "agent",
          text: `Summary corrected by ${actorName(event.by)} (${event.category.replace(/_/g, " ")})`,
        },
      );
    }
    case "consent.recorded": {
      const consent = { ...state.consent };
      const answer = (given: boolean): ConsentAnswer => (given ? "granted" : "denied");
      if (event.recording !== undefined && newer(consent.recordingAt, event.at)) {
        consent.recording = answer(event.recording);
        consent.recordingAt = event.at;
      }
      if (event.dataUse !== undefined && newer(consent.dataUseAt, event.at)) {
        consent.dataUse = answer(event.dataUse);
        consent.dataUseAt = event.at;
      }
      return { ...state, consent };
    }
    case "agent.run_completed":
      return {
        ...state,
        agent: {
          ...state.agent,
          processedOffset: Math.max(state.agent.processedOffset, event.upTo),
        },
      };
  }
}

import type { ChannelEvent } from "../../domain/channel-event";
import type { GenericChannelEvent } from "../../contracts/channel-event";
import { toIso } from "../../domain/time";

export function fromGenericEvent(body: GenericChannelEvent): ChannelEvent {
  const sessionFromIdentifiers = body.identifiers.find(
    (i) => i.type === "chat_session" || i.type === "call_id",
  )?.value;
  const sessionId = body.sessionId ?? sessionFromIdentifiers;
  return {
    source: "channel",
    eventId: body.id,
    occurredAt: toIso(body.occurredAt),
    channel: body.channel,
    ...(sessionId && { sessionId }),
    ...(body.ticketId && { ticketId: body.ticketId }),
    identifiers: body.identifiers,
    ...(body.message && {
      message: { author: body.message.author, text: body.message.text, public: true },
    }),
    artifacts: body.artifacts.map((a) => ({
      kind: a.kind,
      url: a.url,
      ...(a.sha256 && { sha256: a.sha256.toLowerCase() }),
    })),
    ...(body.consent && { consent: body.consent }),
    ...(body.verification && {
      verification: {
        method: body.verification.method,
        passedAt: toIso(body.verification.passedAt),
      },
    }),
  };
}

import type { Channel, ChannelEvent } from "../../domain/channel-event";
import type { RawIdentifier } from "../../domain/identifiers";
import { toIso } from "../../domain/time";
import { SuncoMessagePayload, SuncoSwitchboardPayload, type SuncoEvent } from "./webhook";
import type { z } from "@hono/zod-openapi";

const SOURCE_CHANNELS: Record<string, Channel> = {
  whatsapp: "whatsapp",
  web: "messaging",
  ios: "messaging",
  android: "messaging",
  sdk: "messaging",
  api: "messaging",
  messenger: "social",
  instagram: "social",
  twitter: "social",
  telegram: "social",
  line: "social",
  viber: "social",
  wechat: "social",
  twilio: "sms",
  messagebird: "sms",
  mailgun: "email",
};

/** The Zendesk Agent Workspace's switchboard integration: control there means a person has it. */
const AGENT_WORKSPACE = "zd:agentWorkspace";

export type SuncoMapping =
  | { kind: "event"; event: ChannelEvent }
  | { kind: "ignored"; reason: string }
  | { kind: "invalid"; issues: z.core.$ZodIssue[] };

function identifiersOf(message: z.infer<typeof SuncoMessagePayload>["message"]): RawIdentifier[] {
  const ids: RawIdentifier[] = [];
  const client = message.source?.client;
  const external = client?.externalId?.trim();
  if (external && (message.source?.type === "whatsapp" || client?.type === "whatsapp")) {
    // WhatsApp ids were phone digits; Meta's business-scoped ids (e.g. "US.abc…") are opaque.
    ids.push(
      /^\d{6,15}$/.test(external)
        ? { type: "whatsapp", value: external }
        : { type: "external_id", value: `whatsapp:${external}` },
    );
  } else if (external && (client?.type === "twilio" || client?.type === "messagebird")) {
    ids.push({ type: "phone", value: external.startsWith("+") ? external : `+${external}` });
  }
  const user = message.author.user;
  if (user?.externalId) ids.push({ type: "external_id", value: user.externalId });
  if (user?.profile?.email) ids.push({ type: "email", value: user.profile.email });
  return ids;
}

function withPath(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.map((i) => ({ ...i, path: ["payload", ...i.path] }));
}

/** Consent the web or mobile SDK attached to the message as metadata. */
function consentOf(metadata: Record<string, unknown> | null | undefined) {
  const flag = (key: string) => (typeof metadata?.[key] === "boolean" ? metadata[key] : undefined);
  const recording = flag("continuity_consent_recording");
  const dataUse = flag("continuity_consent_data_use");
  if (recording === undefined && dataUse === undefined) return {};
  return {
    consent: {
      ...(recording !== undefined && { recording }),
      ...(dataUse !== undefined && { dataUse }),
    },
  };
}

/** Turn one Sunshine Conversations v2 event into a ChannelEvent. */
export function fromSuncoEvent(event: SuncoEvent): SuncoMapping {
  const occurredAt = toIso(event.createdAt);
  if (event.type === "conversation:message") {
    const parsed = SuncoMessagePayload.safeParse(event.payload);
    if (!parsed.success) return { kind: "invalid", issues: withPath(parsed.error.issues) };
    const { conversation, message } = parsed.data;
    const sourceType = message.source?.type ?? "api";
    const channel = SOURCE_CHANNELS[sourceType] ?? "messaging";
    const fromUser = message.author.type === "user";
    const media =
      message.content.mediaUrl && /^https?:\/\//.test(message.content.mediaUrl)
        ? message.content.mediaUrl
        : undefined;
    const text = message.content.text ?? message.content.altText ?? "";
    return {
      kind: "event",
      event: {
        source: "sunco",
        eventId: event.id,
        occurredAt,
        channel,
        sessionId: conversation.id,
        identifiers: fromUser ? identifiersOf(message) : [],
        message: {
          id: message.id,
          author: fromUser ? "customer" : sourceType.startsWith(AGENT_WORKSPACE) ? "agent" : "bot",
          text,
          public: true,
        },
        artifacts: media
          ? [{ kind: message.content.type === "image" ? "photo" : "file", url: media }]
          : [],
        ...(fromUser && consentOf(message.metadata)),
        ...(fromUser &&
          message.author.user?.authenticated === true && {
            verification: { method: "authenticated_messaging", passedAt: occurredAt },
          }),
      },
    };
  }
  if (event.type === "switchboard:passControl" || event.type === "switchboard:acceptControl") {
    const parsed = SuncoSwitchboardPayload.safeParse(event.payload);
    if (!parsed.success) return { kind: "invalid", issues: withPath(parsed.error.issues) };
    const active = parsed.data.conversation.activeSwitchboardIntegration;
    if (!active) return { kind: "ignored", reason: "no integration holds the conversation" };
    const human = active.integrationType === AGENT_WORKSPACE;
    return {
      kind: "event",
      event: {
        source: "sunco",
        eventId: event.id,
        occurredAt,
        channel: "messaging",
        sessionId: parsed.data.conversation.id,
        identifiers: [],
        artifacts: [],
        control: {
          owner: human ? "human" : "ai",
          reason: human ? "passed to the agent workspace" : `passed to ${active.name ?? "the bot"}`,
        },
      },
    };
  }
  return { kind: "ignored", reason: `${event.type} is not an event Continuity acts on` };
}

import type { Channel } from "../channel-event";
import type { RiskFlag, ThreadState, TimelineEntry } from "./state";

// The timeline, and the small pieces of text and time that every concern's applier uses. It
// imports no values, so anything in the domain may use it without an import cycle.

export const TIMELINE_LIMIT = 200;
const MESSAGE_EXCERPT = 280;

const CHANNEL_NAMES: Record<Channel, string> = {
  web_chat: "web chat",
  messaging: "messaging",
  whatsapp: "WhatsApp",
  sms: "SMS",
  email: "email",
  voice: "voice",
  social: "social",
  api: "API",
};

export function channelName(channel: Channel): string {
  return CHANNEL_NAMES[channel];
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MESSAGE_EXCERPT ? `${flat.slice(0, MESSAGE_EXCERPT - 1)}…` : flat;
}

export function withTimeline(state: ThreadState, entry: TimelineEntry): ThreadState {
  const timeline = [...state.timeline, entry];
  return { ...state, timeline: timeline.slice(-TIMELINE_LIMIT) };
}

export function raise(state: ThreadState, flag: RiskFlag): ThreadState {
  const same = state.riskFlags.some((f) => f.flag === flag.flag && f.contactId === flag.contactId);
  if (same) return state;
  const next = { ...state, riskFlags: [...state.riskFlags, flag] };
  return withTimeline(next, {
    at: flag.at,
    key: `${flag.flag}:${flag.contactId ?? ""}`,
    kind: "risk",
    contactId: flag.contactId,
    text: flag.reason,
  });
}

export function newer(current: string | null, at: string): boolean {
  return current === null || Date.parse(at) >= Date.parse(current);
}

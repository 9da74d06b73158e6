import type { ThreadEvent } from "./thread-events";
import type { SlotName, Slots } from "./slots";

/** The kinds of data a tenant keeps for a limited time, each with its own window. */
export const DATA_CLASSES = ["messages", "identifiers", "verification", "artifacts"] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/** Which facts hold which class of data: every fact type belongs to at most one class. */
export const CLASS_OF_FACT: Partial<Record<ThreadEvent["type"], DataClass>> = {
  "message.received": "messages",
  "agent.replied": "messages",
  "summary.edited": "messages",
  "identity.observed": "identifiers",
  "verification.passed": "verification",
  "verification.requested": "verification",
  "verification.failed": "verification",
  "verification.wanted": "verification",
  "artifact.added": "artifacts",
};

export function factTypesOf(dataClass: DataClass): ThreadEvent["type"][] {
  return (Object.entries(CLASS_OF_FACT) as [ThreadEvent["type"], DataClass][])
    .filter(([, c]) => c === dataClass)
    .map(([type]) => type);
}

export const REMOVED = "[removed: retention period ended]";

/** Slots that carry what the customer said rather than what the business knows. */
const SPOKEN_SLOTS: SlotName[] = [
  "shipping_address",
  "email",
  "phone",
  "name_zip",
  "payment_method",
  "serial_number",
  "reason",
  "items",
];

function scrubSlots(slots: Slots | undefined): Slots | undefined {
  if (!slots) return slots;
  return Object.fromEntries(
    Object.entries(slots).map(([name, slot]) => [
      name,
      SPOKEN_SLOTS.includes(name as SlotName) ? { ...slot, value: REMOVED } : slot,
    ]),
  ) as Slots;
}

/**
 * A fact with its class's content removed and its shape kept: the log keeps its offsets and the
 * thread still reads as a story ("the customer wrote", "a photo arrived"), without the words,
 * the identifiers, the verification details or the links.
 */
export function scrubFact(event: ThreadEvent): ThreadEvent {
  switch (event.type) {
    case "message.received": {
      const { codeAttempt: _code, ...rest } = event;
      return { ...rest, text: REMOVED, slots: scrubSlots(event.slots) } as ThreadEvent;
    }
    case "agent.replied":
    case "summary.edited":
      return { ...event, text: REMOVED };
    case "identity.observed":
      return {
        ...event,
        signals: event.signals.map((s, i) => ({
          ...s,
          hash: `removed:${i}`,
          masked: "[removed]",
        })),
      };
    case "verification.passed":
      return { ...event, method: "removed" };
    case "verification.requested":
      return { ...event, codeHash: "removed" };
    case "verification.failed":
    case "verification.wanted":
      return event;
    case "artifact.added": {
      const { sha256: _sha, ...artifact } = event.artifact;
      return { ...event, artifact: { ...artifact, url: `removed:${event.key}` } };
    }
    default:
      return event;
  }
}

import type { Channel } from "./channel-event";
import type { IdentityLevel } from "./identity-level";
import type { HardStopCode, WorkflowId } from "./intent";
import type { SlotName } from "./slots";
import type { ConsentAnswer, UnconfirmedReason } from "./thread-state/state";

export const HANDOFF_VERSION = 1;

/**
 * What a person needs to continue without asking the customer anything again (DESIGN §6).
 * Built only from the thread's state, so the same state always gives the same payload; an LLM
 * summary may sit beside it, never in place of a field.
 */
export interface HandoffPayload {
  version: typeof HANDOFF_VERSION;
  thread: { id: string; status: string; openedAt: string };
  tickets: { id: string; channel: Channel; status: string | null }[];
  sessions: { id: string; channel: Channel }[];
  customer: {
    customerId: string | null;
    level: IdentityLevel;
    identifiers: string[];
    verification: { method: string; passedAt: string; expiresAt: string; expired: boolean } | null;
    conflict: string | null;
    /**
     * Present while the contact this payload is for is unconfirmed (DESIGN §4): tied to the
     * customer by an order reference alone, so its words are not the customer's.
     */
    unconfirmed?: UnconfirmedReason;
  };
  category: WorkflowId | null;
  statement: string;
  timeline: { at: string; text: string }[];
  steps: { id: string; title: string; status: string; by?: string; outcome?: string }[];
  artifacts: { kind: string; url: string; channel: Channel; at: string }[];
  preferences: { language: string; channel: Channel | null; channels: Channel[] };
  sentiment: "frustrated" | "neutral";
  riskFlags: { flag: string; reason: string }[];
  consent: { recording: ConsentAnswer; dataUse: ConsentAnswer };
  current: {
    step: string | null;
    stepTitle: string | null;
    missing: SlotName[];
    nextBestAction: string;
  };
  handoff: { code: HardStopCode | "needs_person"; reason: string; at: string } | null;
  /** Prose beside the fields, never instead of one: generated from them, or as a person corrected it. */
  summary: { text: string; source: "generated" | "edited"; editedBy: string | null };
}

export type HandoffFields = Omit<HandoffPayload, "summary">;

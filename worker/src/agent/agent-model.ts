import type { ContextCards, OrderFacts } from "../domain/agent/cards";
import type { Interpretation } from "../domain/agent/plan-run";
import type { Channel } from "../domain/channel-event";
import type { WorkflowId } from "../domain/intent";

export interface InterpretInput {
  messages: { text: string; channel: Channel }[];
  workflow: WorkflowId | null;
  /** Already filtered by policy: the model never sees what the contact may not. */
  cards: ContextCards;
}

/** A tool call the model made, as the audit trail records it. */
export interface ToolCallRecord {
  tool: string;
  action: string;
  latencyMs: number;
  outcome: "ok" | "denied" | "failed";
  /** A knowledge search: the locale searched and the articles it found (public content only). */
  knowledge?: { locale: string; articles: { id: string; url: string; score: number }[] };
}

/**
 * Every provider reads the same assembled context and answers the same questions. Deterministic
 * policy decides what happens; the model only interprets and phrases.
 */
export interface AgentModel {
  readonly name: string;
  interpret(
    input: InterpretInput,
  ): Promise<{ interpretation: Interpretation; toolCalls: ToolCallRecord[] }>;
  /**
   * Reword a templated reply; null keeps the template. A reply answered from knowledge comes with
   * its grounding: the passages it may draw on and the link it must keep.
   */
  phrase(template: string, input: InterpretInput, grounding?: Grounding): Promise<string | null>;
}

/** What a reply from knowledge may say: only what these passages say, citing this link. */
export interface Grounding {
  passages: string[];
  cite: string;
}

/** What a model's tools may read, decided by policy before the model runs. */
export interface ToolGate {
  /** The order the contact may see details of, or why not. */
  order(orderId: string): Promise<{ ok: true; order: OrderFacts } | { ok: false; reason: string }>;
  /**
   * Whether the order system knows an order, as its canonical id (no '#', upper case): how a
   * model's reading is grounded. Reveals nothing to the model; the shell asks, not the model.
   */
  confirm(orderId: string): Promise<string | null>;
}

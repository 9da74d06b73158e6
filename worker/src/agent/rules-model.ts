import { classifyIntent } from "../domain/intent";
import type { AgentModel } from "./agent-model";

/**
 * The deterministic default: keyword and pattern intent classification over the eight workflows,
 * grammar and regex slot extraction (done at ingest, so every message on every channel is read),
 * and templated replies. It must pass every journey on its own.
 */
export const rulesModel: AgentModel = {
  name: "rules",
  async interpret(input) {
    const text = input.messages.map((m) => m.text).join("\n");
    return {
      interpretation: { intent: input.workflow ? null : classifyIntent(text), slots: {} },
      toolCalls: [],
    };
  },
  async phrase() {
    return null;
  },
};

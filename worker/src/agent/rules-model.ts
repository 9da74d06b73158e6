import { classifyIntent } from "../domain/language/read-message";
import type { AgentModel } from "./agent-model";

/**
 * The deterministic default: the reader of customer words (`domain/language`: a classifier trained
 * from the corpus, concepts and frames), slots grounded at ingest, and templated replies. It must
 * pass every journey on its own.
 */
export const rulesModel: AgentModel = {
  name: "rules",
  async interpret(input) {
    if (input.workflow) return { interpretation: { intent: null, slots: {} }, toolCalls: [] };
    // Each message in its own channel's way, newest first; then all of them together, for a
    // request spread over fragments ("the running shoes one" / "still hasn't come").
    const intent =
      [...input.messages]
        .reverse()
        .map((m) => classifyIntent(m.text, m.channel))
        .find(Boolean) ??
      classifyIntent(
        input.messages.map((m) => m.text).join("\n"),
        input.messages.at(-1)?.channel ?? "web_chat",
      );
    return { interpretation: { intent, slots: {} }, toolCalls: [] };
  },
  async phrase() {
    return null;
  },
};

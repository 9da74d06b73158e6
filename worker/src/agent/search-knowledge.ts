import { unconfirmedOf } from "../domain/contact-confirmation";
import type { Interpretation, RunMessage } from "../domain/agent/plan-run";
import { asksAQuestion } from "../domain/knowledge/question";
import type { KnowledgeLookup } from "../domain/knowledge/passage";
import { languageOf, searchWords } from "../domain/knowledge/terms";
import type { ContactState, ThreadState } from "../domain/thread-state/state";
import type { KnowledgeSource } from "../integrations/ports";
import type { ToolCallRecord } from "./agent-model";

/**
 * Searches the tenant's help content when the customer asked a general question: one that starts
 * no workflow (or comes from a contact who may be told nothing else). Only the question's subject
 * words go out, never account data, and it runs at any identity level because the content is
 * public. The search is recorded as a tool call with the articles it found.
 */
export async function searchKnowledge(
  source: KnowledgeSource | null,
  run: {
    messages: RunMessage[];
    state: ThreadState;
    contact: ContactState | undefined;
    interpretation: Interpretation;
  },
  calls: ToolCallRecord[],
): Promise<KnowledgeLookup> {
  const text = run.messages.map((m) => m.text).join("\n");
  const working = run.state.workflow !== null || run.interpretation.intent !== null;
  const general = !working || unconfirmedOf(run.contact) !== null;
  if (!source || !general || !asksAQuestion(text) || searchWords(text).length === 0)
    return { status: "not_searched" };
  const started = Date.now();
  const lookup = await source.search(text, languageOf(text));
  calls.push({
    tool: source.name,
    action: "search",
    latencyMs: Date.now() - started,
    outcome: lookup.status === "searched" ? "ok" : "failed",
    ...(lookup.status === "searched" && {
      knowledge: {
        locale: lookup.locale,
        articles: lookup.passages.map((p) => ({
          id: p.articleId,
          url: p.url,
          score: Math.round(p.score * 100) / 100,
        })),
      },
    }),
  });
  return lookup;
}

import { answerFrom } from "../knowledge/relevance";
import { asksAQuestion } from "../knowledge/question";
import { languageOf } from "../knowledge/terms";
import { unansweredQuestion } from "../knowledge/unanswered-question";
import { handOff } from "./hand-off";
import * as say from "./replies";
import type { RunDraft } from "./run-draft";

/**
 * General questions ("what's your return policy?") are answered from the tenant's own Help
 * Center, never from words of ours: the answer quotes the passage that cleared the relevance bar
 * and links its article. They are answered at any identity level, because help content is public
 * and the search carries nothing about the customer (docs/agent.md, "Knowledge").
 */
function lookupOf(draft: RunDraft) {
  return draft.input.knowledge ?? { status: "not_searched" as const };
}

/** Counted per category and language on the metrics page, so an admin sees the Help Center's gaps. */
function segmentOf(draft: RunDraft) {
  return {
    category: draft.state.workflow?.id ?? "unclassified",
    language: languageOf(draft.text) ?? "unknown",
  };
}

/** Answers from the passage that cleared the bar, if one did; records what it cited. */
export function answerFromKnowledge(draft: RunDraft): boolean {
  const answer = answerFrom(draft.text, lookupOf(draft));
  if (!answer) return false;
  draft.parts.push(say.fromKnowledge(answer));
  draft.decisions.knowledge = {
    ...segmentOf(draft),
    outcome: "answered",
    source: answer.source,
    articleId: answer.articleId,
    title: answer.title,
    url: answer.url,
    locale: answer.locale,
    score: Math.round(answer.score * 100) / 100,
  };
  return true;
}

/**
 * Answers a general question, or, when the Help Center has nothing that clears the bar (or could
 * not be read), says a person will check and hands the question over: nothing is made up. Returns
 * whether the message was such a question.
 */
export function answerGeneralQuestion(draft: RunDraft): boolean {
  const lookup = lookupOf(draft);
  if (lookup.status === "not_searched" || !asksAQuestion(draft.text)) return false;
  if (answerFromKnowledge(draft)) return true;
  const outcome = lookup.status === "unavailable" ? "unavailable" : "none_found";
  // The words are the customer's: stored masked, and kept only as long as their messages are.
  draft.decisions.knowledge =
    outcome === "none_found"
      ? {
          ...segmentOf(draft),
          outcome,
          source: lookup.source,
          question: unansweredQuestion(draft.text),
        }
      : { ...segmentOf(draft), outcome, source: lookup.source };
  // The person reads why in the note; the customer is told a person will check, nothing more.
  handOff(
    draft,
    "needs_person",
    outcome === "unavailable"
      ? "the Help Center could not be read to answer a general question"
      : "no Help Center article answers the customer's question",
    undefined,
    say.WILL_CHECK,
  );
  return true;
}

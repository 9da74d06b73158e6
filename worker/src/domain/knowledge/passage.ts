/**
 * What a knowledge source answers: passages of the tenant's own help content, each with where it
 * comes from (title, link, locale) and how fresh it is. Public content only: nothing here is about
 * a customer, so it may be read at any identity level (docs/agent.md, "Knowledge").
 */
export interface KnowledgePassage {
  /** The source's id for the article, as audit entries and metrics name it. */
  articleId: string;
  title: string;
  url: string;
  locale: string;
  updatedAt: string;
  text: string;
  /** How well the passage answers the question, 0–1 (`relevance.ts`). */
  score: number;
}

/** What one search came to, as the agent run receives it. */
export type KnowledgeLookup =
  | { status: "searched"; source: string; locale: string; passages: KnowledgePassage[] }
  /** The source could not be read (outage, refused credentials): nothing may be said from it. */
  | { status: "unavailable"; source: string }
  /** The message asked nothing the knowledge source could answer, or no source is set. */
  | { status: "not_searched" };

/** The answer the agent gives from a passage, and what it cites. */
export interface KnowledgeAnswer {
  source: string;
  articleId: string;
  title: string;
  url: string;
  locale: string;
  /** The passage's sentences that answer the question, in the article's order. */
  sentences: string[];
  /** The whole passage, so a language model's phrasing can be held to it. */
  passage: string;
  score: number;
}

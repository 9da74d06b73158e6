import type { KnowledgeLookup } from "../../src/domain/knowledge/passage";
import { scoredPassages, type ArticleText } from "../../src/domain/knowledge/passages";

/** One Help Center article, in plain blocks as the adapter reads them. */
export function article(
  fields: Partial<ArticleText> & { title: string; blocks: string[] },
): ArticleText {
  const id = fields.articleId ?? String(4000 + fields.title.length);
  return {
    articleId: id,
    url: `https://acme.zendesk.com/hc/${fields.locale ?? "en-us"}/articles/${id}`,
    locale: "en-us",
    updatedAt: "2026-01-01T00:00:00Z",
    ...fields,
  };
}

/** What the shell hands the run after searching these articles for the question. */
export function searched(
  question: string,
  articles: ArticleText[],
  locale = "en-us",
): KnowledgeLookup {
  return {
    status: "searched",
    source: "zendesk_help_center",
    locale,
    passages: scoredPassages(
      question,
      articles.filter((a) => a.locale === locale),
    ),
  };
}

export const UNAVAILABLE: KnowledgeLookup = {
  status: "unavailable",
  source: "zendesk_help_center",
};

/** The demo Help Center's returns article, as a tenant with a 30-day window writes it. */
export const RETURNS_30 = article({
  articleId: "360010000001",
  title: "Returns and refunds",
  blocks: [
    "You can return most items within 30 days of delivery for a full refund, as long as they're unused and in their original packaging.",
    "Once the item reaches our warehouse we refund the original payment method within 5–10 business days.",
  ],
});

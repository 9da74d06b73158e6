import type { KnowledgePassage } from "./passage";
import { relevance } from "./relevance";

/** About a paragraph or two: long enough to hold an answer, short enough to quote from. */
const PASSAGE_CHARS = 600;

export interface ArticleText {
  articleId: string;
  title: string;
  url: string;
  locale: string;
  updatedAt: string;
  /** The article's text, one entry per paragraph, list item or heading. */
  blocks: string[];
}

/**
 * An article cut into passages: consecutive blocks joined until a passage is about
 * `PASSAGE_CHARS` long, a heading always starting a new one (it opens a new subject).
 */
export function passagesOf(article: ArticleText): Omit<KnowledgePassage, "score">[] {
  const out: string[] = [];
  let current = "";
  for (const block of article.blocks.map((b) => b.replace(/\s+/g, " ").trim()).filter(Boolean)) {
    if (current && current.length + block.length + 1 > PASSAGE_CHARS) {
      out.push(current);
      current = "";
    }
    current = current ? `${current} ${block}` : block;
  }
  if (current) out.push(current);
  const { blocks: _blocks, ...source } = article;
  return out.map((text) => ({ ...source, text }));
}

/** Every passage of the articles, scored against the question, best first, at most `limit`. */
export function scoredPassages(
  question: string,
  articles: ArticleText[],
  limit = 3,
): KnowledgePassage[] {
  return (
    articles
      .flatMap(passagesOf)
      .map((p) => ({ ...p, score: relevance(question, p, p.locale) }))
      .map((p) => ({ p, title: relevance(question, { title: p.title, text: "" }, p.locale) }))
      // Equal cover: the article whose title names the subject is the one about it.
      .sort((a, b) => b.p.score - a.p.score || b.title - a.title)
      .slice(0, limit)
      .map(({ p }) => p)
  );
}

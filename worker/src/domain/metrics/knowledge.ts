import type { KnowledgeDecision } from "../agent/run-draft";

export interface KnowledgeRow {
  category: string;
  language: string;
  /** General questions answered from an article. */
  answered: number;
  /** General questions no article answered: where the Help Center has a gap. */
  noneFound: number;
  /** General questions asked while the Help Center could not be read. */
  unavailable: number;
}

export interface KnowledgeReport {
  rows: KnowledgeRow[];
  /** The articles answers came from, most used first. */
  articles: { articleId: string; url: string; answers: number }[];
}

/**
 * The knowledge figures of the metrics page, from the agent's recorded decisions (the audit
 * trail's `agent.decided`): what was answered from the Help Center and what found nothing, per
 * category and language, and which articles answered how often.
 */
export function knowledgeReport(decisions: KnowledgeDecision[]): KnowledgeReport {
  const rows = new Map<string, KnowledgeRow>();
  const articles = new Map<string, KnowledgeReport["articles"][number]>();
  for (const d of decisions) {
    const key = `${d.category}|${d.language}`;
    const row = rows.get(key) ?? {
      category: d.category,
      language: d.language,
      answered: 0,
      noneFound: 0,
      unavailable: 0,
    };
    if (d.outcome === "answered") {
      row.answered++;
      const used = articles.get(d.articleId) ?? { articleId: d.articleId, url: d.url, answers: 0 };
      used.answers++;
      articles.set(d.articleId, used);
    } else if (d.outcome === "none_found") row.noneFound++;
    else row.unavailable++;
    rows.set(key, row);
  }
  return {
    rows: [...rows.values()].sort(
      (a, b) => a.category.localeCompare(b.category) || a.language.localeCompare(b.language),
    ),
    articles: [...articles.values()].sort(
      (a, b) => b.answers - a.answers || a.articleId.localeCompare(b.articleId),
    ),
  };
}

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

/** A general question nothing answered, masked, as the metrics page lists it. */
export interface UnansweredQuestion {
  at: string;
  category: string;
  language: string;
  question: string;
}

export interface KnowledgeReport {
  rows: KnowledgeRow[];
  /** The articles answers came from, most used first. */
  articles: { articleId: string; url: string; answers: number }[];
  /** The newest questions no article answered, newest first: what to write next. */
  unanswered: UnansweredQuestion[];
}

/** A list to read, not a report: the newest questions show what is missing now. */
export const UNANSWERED_SHOWN = 20;

/**
 * The knowledge figures of the metrics page, from the agent's recorded decisions (the audit
 * trail's `agent.decided`): what was answered from the Help Center and what found nothing, per
 * category and language, which articles answered how often, and the newest questions (masked)
 * that found nothing.
 */
export function knowledgeReport(
  decisions: (KnowledgeDecision & { at: string })[],
): KnowledgeReport {
  const rows = new Map<string, KnowledgeRow>();
  const unanswered: UnansweredQuestion[] = [];
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
    } else if (d.outcome === "none_found") {
      row.noneFound++;
      if (d.question)
        unanswered.push({
          at: d.at,
          category: d.category,
          language: d.language,
          question: d.question,
        });
    } else row.unavailable++;
    rows.set(key, row);
  }
  return {
    rows: [...rows.values()].sort(
      (a, b) => a.category.localeCompare(b.category) || a.language.localeCompare(b.language),
    ),
    articles: [...articles.values()].sort(
      (a, b) => b.answers - a.answers || a.articleId.localeCompare(b.articleId),
    ),
    unanswered: unanswered.sort((a, b) => b.at.localeCompare(a.at)).slice(0, UNANSWERED_SHOWN),
  };
}

import { Anchor } from "@zendeskgarden/react-buttons";
import { Paragraph, SM } from "@zendeskgarden/react-typography";
import type { KnowledgeReport } from "../../api/metrics-types";
import { useI18n } from "../../hooks/useI18n";
import { useMetricFormat } from "../../hooks/useMetricFormat";
import { FigureTable } from "./FigureTable";
import { segmentValue } from "./metric-labels";

/**
 * General questions the agent answered from the tenant's Help Center and those it found nothing
 * for, per category and language, the articles it answered from, and the newest questions that
 * found nothing (masked): where the Help Center has gaps an admin can fill.
 */
export function KnowledgeFigures({ report }: { report: KnowledgeReport }) {
  const { t, tOr, dateTime } = useI18n();
  const format = useMetricFormat();
  const languages = new Intl.DisplayNames(undefined, { type: "language", fallback: "code" });
  const language = (code: string) =>
    code === "unknown" ? t("metrics.knowledge.unknownLanguage") : (languages.of(code) ?? code);
  return (
    <section data-testid="knowledge-figures" aria-labelledby="knowledge-title">
      <h2 id="knowledge-title">{t("metrics.knowledge.title")}</h2>
      {report.rows.length === 0 ? (
        <Paragraph>{t("metrics.knowledge.none")}</Paragraph>
      ) : (
        <FigureTable>
          <caption>{t("metrics.knowledge.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("metrics.dimension.category")}</th>
              <th scope="col">{t("metrics.knowledge.language")}</th>
              <th scope="col" data-numeric>
                {t("metrics.knowledge.answered")}
              </th>
              <th scope="col" data-numeric>
                {t("metrics.knowledge.noneFound")}
              </th>
              <th scope="col" data-numeric>
                {t("metrics.knowledge.unavailable")}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={`${row.category}|${row.language}`} data-testid="knowledge-row">
                <th scope="row">{segmentValue(tOr, (d) => d, "category", row.category)}</th>
                <td>{language(row.language)}</td>
                <td data-numeric>{format.count(row.answered)}</td>
                <td data-numeric>{format.count(row.noneFound)}</td>
                <td data-numeric>{format.count(row.unavailable)}</td>
              </tr>
            ))}
          </tbody>
        </FigureTable>
      )}
      {report.articles.length > 0 && (
        <>
          <h3>{t("metrics.knowledge.articles")}</h3>
          <ul>
            {report.articles.map((a) => (
              <li key={a.articleId} data-testid="knowledge-article">
                <Anchor href={a.url} isExternal>
                  {a.url}
                </Anchor>{" "}
                {t("metrics.knowledge.answers", {
                  count: a.answers,
                  value: format.count(a.answers),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.unanswered.length > 0 && (
        <>
          <h3 id="knowledge-unanswered-title">{t("metrics.knowledge.unanswered")}</h3>
          <SM>{t("metrics.knowledge.unansweredNote")}</SM>
          <ul aria-labelledby="knowledge-unanswered-title">
            {report.unanswered.map((q, i) => (
              <li key={`${q.at}|${i}`} data-testid="knowledge-unanswered">
                <q>{q.question}</q>{" "}
                <SM tag="span">
                  {segmentValue(tOr, (d) => d, "category", q.category)} · {language(q.language)} ·{" "}
                  <time dateTime={q.at}>{dateTime(q.at)}</time>
                </SM>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

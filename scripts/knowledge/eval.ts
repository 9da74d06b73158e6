/**
 * `npm run eval:knowledge`: how well the agent answers general questions from a Help Center. A
 * labelled set of questions (`worker/test/knowledge/questions.json`: several phrasings per topic,
 * questions no article answers, Spanish ones) is run against the stand-in Help Center's articles,
 * each question against every article in the locale its own words pick (stricter than Zendesk's
 * search, which only returns articles sharing a word). Each question's half is drawn once by a
 * hash of its id: the bar is chosen on the tuning half only, and the held-out half is only measured.
 *
 * precision: answers citing the labelled article / answers given;
 * recall: answers citing the labelled article / questions an article answers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { localeChain, searchLocale } from "../../worker/src/domain/knowledge/locales";
import type { ArticleText } from "../../worker/src/domain/knowledge/passages";
import { scoredPassages } from "../../worker/src/domain/knowledge/passages";
import { answerFrom } from "../../worker/src/domain/knowledge/relevance";
import { languageOf } from "../../worker/src/domain/knowledge/terms";
import { articleBlocks } from "../../worker/src/integrations/zendesk/article-text";

const ROOT = path.resolve(import.meta.dirname, "../..");
interface Question {
  id: string;
  locale: string;
  article: string | null;
  text: string;
}
interface HelpCenter {
  default_locale: string;
  locales: string[];
  articles: {
    id: number;
    title: string;
    locale: string;
    updated_at: string;
    body: string;
    html_url_path: string;
  }[];
}

const questions = JSON.parse(
  readFileSync(path.join(ROOT, "worker/test/knowledge/questions.json"), "utf8"),
) as Question[];
const center = JSON.parse(
  readFileSync(path.join(ROOT, "scripts/standins/help-center-articles.json"), "utf8"),
) as HelpCenter;
const articles: ArticleText[] = center.articles.map((a) => ({
  articleId: String(a.id),
  title: a.title,
  url: `https://example.zendesk.com${a.html_url_path}`,
  locale: a.locale,
  updatedAt: a.updated_at,
  blocks: articleBlocks(a.body),
}));

/** FNV-1a of the id: a question's half never changes when others are added. */
function half(id: string): "tuning" | "held-out" {
  let h = 0x811c9dc5;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h % 2 === 0 ? "tuning" : "held-out";
}

function searchedLocale(text: string): string {
  return searchLocale(
    localeChain(languageOf(text), center.default_locale),
    center.locales,
    center.default_locale,
  );
}

function measure(set: Question[], bar: number) {
  let answered = 0;
  let right = 0;
  let wrongLocale = 0;
  const answerable = set.filter((q) => q.article !== null).length;
  const misses: string[] = [];
  for (const q of set) {
    const locale = searchedLocale(q.text);
    if (locale !== q.locale) wrongLocale++;
    const passages = scoredPassages(
      q.text,
      articles.filter((a) => a.locale === locale),
    );
    const answer = answerFrom(
      q.text,
      { status: "searched", source: "eval", locale, passages },
      bar,
    );
    if (answer) answered++;
    if (answer && answer.articleId === q.article) right++;
    else if (answer || q.article)
      misses.push(
        `${q.id} ${q.text} → ${answer ? answer.title : "none"} (${passages[0]?.score.toFixed(2)})`,
      );
  }
  return {
    n: set.length,
    answerable,
    answered,
    right,
    wrongLocale,
    precision: answered ? right / answered : 1,
    recall: answerable ? right / answerable : 1,
    misses,
  };
}

const tuning = questions.filter((q) => half(q.id) === "tuning");
const heldOut = questions.filter((q) => half(q.id) === "held-out");
const bars = Array.from({ length: 15 }, (_, i) => 0.3 + i * 0.05);
// Precision weighs double: a wrong answer in the company's name is worse than a person checking.
const f05 = (p: number, r: number) => (p + r === 0 ? 0 : (1.25 * p * r) / (0.25 * p + r));
console.log("bar   tuning P / R (answered)");
let best = { bar: 0, score: -1 };
for (const bar of bars) {
  const m = measure(tuning, bar);
  const score = f05(m.precision, m.recall);
  if (score > best.score + 1e-9) best = { bar, score };
  console.log(
    `${bar.toFixed(2)}  ${m.precision.toFixed(2)} / ${m.recall.toFixed(2)} (${m.answered}/${m.n})`,
  );
}
const verbose = process.argv.includes("--misses");
for (const [name, set] of [
  ["tuning", tuning],
  ["held-out", heldOut],
] as const) {
  const m = measure(set, best.bar);
  console.log(
    `\n${name} at bar ${best.bar.toFixed(2)}: ${m.n} questions (${m.answerable} with an article), ` +
      `answered ${m.answered}, right ${m.right}: precision ${m.precision.toFixed(2)}, recall ` +
      `${m.recall.toFixed(2)}; locale picked wrongly for ${m.wrongLocale}`,
  );
  if (verbose || name === "tuning") for (const miss of m.misses) console.log(`  ${miss}`);
}

import demo from "./help-center-articles.json" with { type: "json" };
import { json, type Route } from "./loopback";

/** An article as a journey or test loads it; the stand-in fills in the rest of Zendesk's fields. */
export interface HelpCenterArticle {
  id: number;
  title: string;
  locale: string;
  body: string;
  updated_at: string;
  html_url_path?: string;
  draft?: boolean;
}

export interface HelpCenterLoad {
  default_locale: string;
  locales: string[];
  articles: HelpCenterArticle[];
}

/** Each space's Help Center; a space that loads none serves the demo one. */
const centers = new WeakMap<object, HelpCenterLoad>();

export function loadHelpCenter(space: object, load: HelpCenterLoad | undefined): void {
  if (load) centers.set(space, load);
}

const words = (s: string) =>
  (
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => w.length > 2);

/**
 * Zendesk Help Center API stand-in: `GET /api/v2/help_center/locales` and Search Articles
 * (`GET /api/v2/help_center/articles/search?query=…&locale=…`), answering documented shapes:
 * `results[]` of articles (`id`, `url`, `html_url`, `title`, `body`, `locale`, `updated_at`, …)
 * with `page`, `per_page`, `count`, `next_page`. A result shares at least one query word (by its
 * first five letters, a crude stem); an unknown locale searches the default, as Zendesk does.
 */
export function helpCenterRoutes(space: object, origin: () => string): Route[] {
  const center = () => centers.get(space) ?? (demo as HelpCenterLoad);
  return [
    {
      method: "GET",
      pattern: /^\/api\/v2\/help_center\/locales(?:\.json)?$/,
      handle: () =>
        json(200, { locales: center().locales, default_locale: center().default_locale }),
    },
    {
      method: "GET",
      pattern: /^\/api\/v2\/help_center\/articles\/search(?:\.json)?$/,
      handle: (_match, { query }) => {
        const hc = center();
        const asked = query.get("locale")?.toLowerCase() ?? "";
        const locale = hc.locales.includes(asked) ? asked : hc.default_locale;
        const stems = new Set(words(query.get("query") ?? "").map((w) => w.slice(0, 5)));
        const perPage = Math.min(100, Number(query.get("per_page") ?? 25));
        const results = hc.articles
          .filter((a) => a.locale === locale && a.draft !== true)
          .map((a) => ({
            a,
            hits: words(`${a.title} ${a.body}`).filter((w) => stems.has(w.slice(0, 5))).length,
          }))
          .filter((r) => r.hits > 0)
          .sort((x, y) => y.hits - x.hits)
          .slice(0, perPage)
          .map(({ a }) => {
            const path = a.html_url_path ?? `/hc/${a.locale}/articles/${a.id}`;
            return {
              id: a.id,
              url: `${origin()}/api/v2/help_center/${a.locale}/articles/${a.id}.json`,
              html_url: `${origin()}${path}`,
              title: a.title,
              body: a.body,
              locale: a.locale,
              source_locale: hc.default_locale,
              updated_at: a.updated_at,
              created_at: a.updated_at,
              draft: false,
              result_type: "article",
              label_names: [],
            };
          });
        return json(200, {
          results,
          page: 1,
          per_page: perPage,
          page_count: 1,
          count: results.length,
          next_page: null,
          previous_page: null,
        });
      },
    },
  ];
}

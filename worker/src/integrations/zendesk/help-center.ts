import { z } from "@hono/zod-openapi";
import { getJson, type HttpClient } from "../../connectors/http";
import { localeChain, searchLocale } from "../../domain/knowledge/locales";
import type { KnowledgeLookup } from "../../domain/knowledge/passage";
import { scoredPassages, type ArticleText } from "../../domain/knowledge/passages";
import { searchWords } from "../../domain/knowledge/terms";
import type { TenantConfig } from "../../tenancy/tenant-config";
import type { IntegrationDeps, KnowledgeSource } from "../ports";
import { articleBlocks } from "./article-text";
import { zendeskHttp } from "./client";
import { zendeskCredentials } from "./credentials";

export const HELP_CENTER = "zendesk_help_center";

/** Zendesk's documented Search Articles answer (Help Center API), the fields we read. */
const ArticleSearch = z.object({
  results: z.array(
    z.object({
      id: z.union([z.number(), z.string()]).transform(String),
      html_url: z.string(),
      title: z.string(),
      body: z.string().nullish(),
      locale: z.string(),
      updated_at: z.string(),
      draft: z.boolean().optional(),
    }),
  ),
});
/** `GET /api/v2/help_center/locales`: the enabled locales and the default one. */
const Locales = z.object({ locales: z.array(z.string()), default_locale: z.string() });

/** Help Center content changes rarely; a few minutes keeps a burst of questions to one call. */
const SEARCH_TTL_SECONDS = 300;
const LOCALES_TTL_SECONDS = 3600;
const PER_PAGE = 10;

/**
 * Zendesk Guide (Help Center) as the tenant's knowledge source: its article search, in the first
 * enabled locale of the customer's language chain, through the tenant's Zendesk credentials.
 * Answers are cached in KV per tenant, locale and query; nothing about the customer is sent or
 * kept, only the question's subject words.
 */
export function zendeskHelpCenter(
  tenant: TenantConfig,
  deps: IntegrationDeps,
): KnowledgeSource | null {
  // Zendesk answers article searches without credentials too (Help Center content is public);
  // the tenant's credentials are sent when it has them.
  const config = tenant.zendesk;
  // Built on the one Zendesk client, so the Marketplace headers go with every search too.
  const client: HttpClient = {
    ...zendeskHttp(deps.env, deps.fetcher ?? fetch),
    service: "Zendesk Help Center",
  };
  const auth = zendeskCredentials(tenant, deps);
  const cache = deps.env.CACHE;
  const read = async <T extends z.ZodType>(schema: T, path: string, key: string, ttl: number) => {
    const cached = await cache.get<z.infer<T>>(key, "json");
    if (cached) return cached;
    const body = await getJson<unknown>(client, `${config.baseUrl}${path}`, await auth());
    const parsed = schema.parse(body ?? {});
    await cache.put(key, JSON.stringify(parsed), { expirationTtl: ttl });
    return parsed as z.infer<T>;
  };
  return {
    name: HELP_CENTER,
    async search(question, language): Promise<KnowledgeLookup> {
      const words = searchWords(question);
      if (words.length === 0)
        return { status: "searched", source: HELP_CENTER, locale: "", passages: [] };
      try {
        const enabled = await read(
          Locales,
          "/api/v2/help_center/locales.json",
          `hc:${tenant.id}:locales`,
          LOCALES_TTL_SECONDS,
        );
        const locale = searchLocale(
          localeChain(language, enabled.default_locale),
          enabled.locales,
          enabled.default_locale,
        );
        const query = words.join(" ").slice(0, 200);
        const found = await read(
          ArticleSearch,
          `/api/v2/help_center/articles/search.json?query=${encodeURIComponent(query)}&locale=${encodeURIComponent(locale)}&per_page=${PER_PAGE}`,
          `hc:${tenant.id}:search:${locale}:${await digest(query)}`,
          SEARCH_TTL_SECONDS,
        );
        const articles: ArticleText[] = found.results
          .filter((a) => a.draft !== true)
          .map((a) => ({
            articleId: a.id,
            title: a.title,
            url: a.html_url,
            locale: a.locale,
            updatedAt: a.updated_at,
            blocks: articleBlocks(a.body ?? ""),
          }));
        return {
          status: "searched",
          source: HELP_CENTER,
          locale,
          passages: scoredPassages(question, articles),
        };
      } catch (error) {
        // Unreachable, refused or malformed: the same to the customer, who is told a person will
        // check. The reason is logged without the question (it is the customer's words).
        console.warn(
          JSON.stringify({
            msg: "help center unavailable",
            tenantId: tenant.id,
            error: error instanceof Error ? error.message : "unknown",
          }),
        );
        return { status: "unavailable", source: HELP_CENTER };
      }
    },
  };
}

/** The cache key carries a digest of the query, not the customer's words. */
async function digest(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

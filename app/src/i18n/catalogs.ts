import en from "../../../translations/en.json";
import type { CatalogTree } from "./translate";

export const FALLBACK_LOCALE = "en";
export const englishCatalog: CatalogTree = en.continuity;

// Other locales load on demand so the initial bundle carries English only.
const loaders = import.meta.glob<{ continuity: CatalogTree }>([
  "../../../translations/*.json",
  "!../../../translations/en.json",
]);

const byLocale = new Map(
  Object.entries(loaders).map(([path, load]) => [
    path.replace(/^.*\/([^/]+)\.json$/, "$1").toLowerCase(),
    load,
  ]),
);

export function availableLocales(): string[] {
  return [FALLBACK_LOCALE, ...byLocale.keys()];
}

/** Zendesk locales look like "es", "pt-BR" or "en-gb": take the exact one, else the language. */
export function resolveLocale(requested: string | null | undefined): string {
  if (!requested) return FALLBACK_LOCALE;
  const wanted = requested.toLowerCase();
  const known = availableLocales();
  if (known.includes(wanted)) return wanted;
  const language = wanted.split(/[-_]/)[0] ?? "";
  return known.includes(language) ? language : FALLBACK_LOCALE;
}

export async function loadCatalog(locale: string): Promise<CatalogTree> {
  if (locale === FALLBACK_LOCALE) return englishCatalog;
  const load = byLocale.get(locale);
  if (!load) return englishCatalog;
  const module = await load();
  return module.continuity;
}

import { createContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useClient } from "../hooks/useClient";
import { englishCatalog, FALLBACK_LOCALE, loadCatalog, resolveLocale } from "./catalogs";
import { formattersFor, type Formatters } from "./format";
import {
  translate,
  translateOr,
  type CatalogTree,
  type TranslationKey,
  type Vars,
} from "./translate";

export interface I18n extends Formatters {
  locale: string;
  t(key: TranslationKey, vars?: Vars): string;
  /** Text for a key built from the Worker's data, or `fallback` where the catalog has none. */
  tOr(key: string, fallback: string): string;
}

function supported(tag: string): string | undefined {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag)[0];
  } catch {
    return undefined; // not a BCP 47 tag
  }
}

/**
 * `locale` picks the catalog; `regional` (the agent's own, e.g. en-GB) formats dates and numbers
 * when Intl knows it, so a British agent reads English strings with British dates.
 */
export function makeI18n(locale: string, own: CatalogTree, regional: string = locale): I18n {
  const formatting = supported(regional) ?? locale;
  const plural = new Intl.PluralRules(locale);
  const catalogs = { own, fallback: englishCatalog };
  return {
    locale,
    t: (key, vars) => translate(catalogs, plural, key, vars),
    tOr: (key, fallback) => translateOr(catalogs, plural, key, fallback),
    ...formattersFor(formatting),
  };
}

export const I18nContext = createContext<I18n>(makeI18n(FALLBACK_LOCALE, englishCatalog));

/**
 * Speaks the current agent's Zendesk language (currentUser.locale), English where it has no
 * catalog. Renders nothing until the catalog is in, so the agent never sees English flash first.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [loaded, setLoaded] = useState<{
    locale: string;
    regional: string;
    catalog: CatalogTree;
  } | null>(null);

  useEffect(() => {
    let live = true;
    const settle = (locale: string, regional: string, catalog: CatalogTree) => {
      if (live) setLoaded({ locale, regional, catalog });
    };
    client
      .get("currentUser.locale")
      .then(async (answer) => {
        const requested = answer["currentUser.locale"];
        const regional = typeof requested === "string" && requested ? requested : FALLBACK_LOCALE;
        const locale = resolveLocale(regional);
        settle(locale, regional, await loadCatalog(locale));
      })
      .catch(() => settle(FALLBACK_LOCALE, FALLBACK_LOCALE, englishCatalog));
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(() => {
    // Screen readers pick their voice from the page language.
    if (loaded) document.documentElement.lang = loaded.locale;
  }, [loaded]);

  const i18n = useMemo(
    () => (loaded ? makeI18n(loaded.locale, loaded.catalog, loaded.regional) : null),
    [loaded],
  );
  if (!i18n) return null;
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

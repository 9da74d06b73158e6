/**
 * The locales to search, most specific first: the customer's (`es-MX`), its language (`es`), then
 * the Help Center's default. Help Centers name locales in lower case (`en-us`), so every entry is
 * lower-cased and repeated entries are dropped.
 */
export function localeChain(customer: string | null, fallback: string): string[] {
  const chain: string[] = [];
  const add = (locale: string | null | undefined) => {
    const l = locale?.trim().toLowerCase().replace(/_/g, "-");
    if (l && !chain.includes(l)) chain.push(l);
  };
  add(customer);
  add(customer?.split(/[-_]/)[0]);
  add(fallback);
  return chain;
}

/**
 * The first locale of the chain the Help Center has enabled: exactly ("es"), else a regional form
 * of that language ("es" finds "es-mx" in a Help Center written only for Mexico). None enabled:
 * the Help Center's default.
 */
export function searchLocale(chain: string[], enabled: string[], defaultLocale: string): string {
  const held = enabled.map((l) => l.toLowerCase());
  for (const wanted of chain) {
    const match = held.find((l) => l === wanted) ?? held.find((l) => l.startsWith(`${wanted}-`));
    if (match) return match;
  }
  return defaultLocale.toLowerCase();
}

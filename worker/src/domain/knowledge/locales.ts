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

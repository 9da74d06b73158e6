import type en from "../../../translations/en.json";

/** The app's UI strings: everything under `continuity` in translations/<locale>.json. */
export type Catalog = (typeof en)["continuity"];

/** A plural entry picks its form with Intl.PluralRules for `count`. */
type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

type KeysOf<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string | { other: string }
    ? `${Prefix}${K}`
    : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every dotted key en.json defines; a typo or a missing key fails the typecheck. */
export type TranslationKey = KeysOf<Catalog>;

export type Vars = Record<string, string | number>;

/** A catalog as loaded at runtime: another locale may be any nested shape of strings. */
export type CatalogTree = { [key: string]: string | CatalogTree };

function lookup(tree: CatalogTree, key: string): string | CatalogTree | undefined {
  let node: string | CatalogTree | undefined = tree;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return node;
}

function pick(entry: string | CatalogTree, vars: Vars | undefined, plural: Intl.PluralRules) {
  if (typeof entry === "string") return entry;
  const forms = entry as unknown as PluralForms;
  const count = typeof vars?.count === "number" ? vars.count : Number(vars?.count ?? 0);
  // An exact "zero" form reads better than "0 items" even where the language has no zero category.
  if (count === 0 && typeof forms.zero === "string") return forms.zero;
  const form = forms[plural.select(count)];
  return typeof form === "string" ? form : forms.other;
}

function interpolate(text: string, vars: Vars | undefined): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/**
 * Translate `key` from the agent's catalog, falling back to English per key, so a locale that
 * lags behind shows English rather than a raw key.
 */
export function translate(
  catalogs: { own: CatalogTree; fallback: CatalogTree },
  plural: Intl.PluralRules,
  key: TranslationKey,
  vars?: Vars,
): string {
  const entry = lookup(catalogs.own, key) ?? lookup(catalogs.fallback, key);
  if (entry === undefined) return key;
  return interpolate(pick(entry, vars, plural), vars);
}

/**
 * For keys built from what the Worker sent (a workflow step's id): the catalog's text when this
 * version of the app knows the key, else the Worker's own English, never a raw key.
 */
export function translateOr(
  catalogs: { own: CatalogTree; fallback: CatalogTree },
  plural: Intl.PluralRules,
  key: string,
  fallback: string,
): string {
  const entry = lookup(catalogs.own, key) ?? lookup(catalogs.fallback, key);
  return entry === undefined ? fallback : pick(entry, undefined, plural);
}

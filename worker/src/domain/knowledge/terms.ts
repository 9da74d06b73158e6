import { stemmer } from "stemmer";

/**
 * The words of a question or a passage that carry its subject, in a form two phrasings share:
 * lower case, accents folded, function words dropped, each word reduced to its stem (Porter for
 * English; a light plural/suffix fold for Spanish, whose stemmer we do not ship). The lists are
 * grammar words and the filler of support messages, never topic words, so no topic is favoured.
 */
const FUNCTION_WORDS: Record<"en" | "es", string[]> = {
  en: (
    "a an the and or but if of to in on at by for from with about as into than then so " +
    "is are was were be been being am do does did doing have has had having will would can " +
    "could shall should may might must i me my mine we us our you your yours he she it its " +
    "they them their this that these those there here what which who whom whose when where why " +
    "how not no yes any some all each every much many more most other just also only very too " +
    "please thanks thank hi hello hey know tell want need like get got let lets im ive id dont " +
    "doesnt cant wont whats hows wheres whens one ok okay still ever really again something " +
    "anything work works help assist question anyone someone policy policies news update updates"
  ).split(" "),
  es: (
    "el la los las un una unos unas y o u pero si de del al a en por para con sin sobre " +
    "que qué como cómo cuando cuándo donde dónde cual cuál cuales quien es son era fue ser " +
    "estar esta este esto estos estas ese esa eso hay he ha han hemos tengo tiene tienen tener " +
    "puedo puede pueden podria poder mi mis me te tu tus su sus nos nuestro nuestra yo usted " +
    "ustedes lo le les se ya muy mas más tambien también no hola gracias favor quiero quisiera " +
    "ayuda ayudar ayudarme pregunta politica novedades necesito saber cuanto cuánto cuanta cuánta cuantos cuántos cuantas cuántas hacer hace"
  ).split(" "),
};

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const STOP = {
  en: new Set(FUNCTION_WORDS.en.map(fold)),
  es: new Set(FUNCTION_WORDS.es.map(fold)),
};

export type TermLanguage = "en" | "es";

/** The language a locale's words are stemmed in; other languages are compared unstemmed. */
export function termLanguage(locale: string): TermLanguage | null {
  const lang = locale.toLowerCase().slice(0, 2);
  return lang === "en" || lang === "es" ? lang : null;
}

/**
 * Words support content uses for the same thing, read as one term: a thesaurus of everyday
 * equivalents (both languages), not phrases of any article. Each maps to the group's first word.
 */
const EQUIVALENTS: string[][] = [
  ["ship", "deliver", "delivery", "shipping", "shipped", "dispatch", "send", "post", "mail"],
  ["return", "send back", "bring back"],
  ["refund", "money back", "reimburse", "reembolso", "reembolsar"],
  [
    "cost",
    "how much",
    "price",
    "charge",
    "fee",
    "costs",
    "cuesta",
    "cuestan",
    "costo",
    "coste",
    "precio",
  ],
  ["open", "opening", "hours", "horario", "abierto", "abren"],
  ["phone", "call", "telephone", "llamar", "llamarlos", "telefono"],
  ["warranty", "guarantee", "garantia"],
  ["pay", "payment", "pagar", "pago"],
  ["country", "countries", "international", "internationally", "abroad", "pais", "paises"],
  ["envio", "enviar", "enviarlo", "entrega", "entregar"],
  ["devolucion", "devolver", "devuelvo", "devoluciones"],
];
const EQUIVALENT = new Map<string, string>();
for (const group of EQUIVALENTS) for (const word of group) EQUIVALENT.set(word, group[0]!);

/** "how long", "how many": the form of a question, not its subject ("how much" asks a cost). */
const QUESTION_FORMS = /\bhow (?:long|many|often|soon|far)\b/g;

function spanishStem(word: string): string {
  // Plurals and the commonest derivational endings: enough to meet "devoluciones"/"devolución",
  // "envíos"/"envío", "garantías"/"garantía" without a full stemmer.
  for (const ending of [
    "aciones",
    "iciones",
    "ciones",
    "mente",
    "acion",
    "cion",
    "ar",
    "er",
    "ir",
    "es",
    "s",
  ]) {
    if (word.length - ending.length >= 4 && word.endsWith(ending))
      return word.slice(0, -ending.length);
  }
  return word.length > 4 && /[aeo]$/.test(word) ? word.slice(0, -1) : word;
}

/**
 * The subject words as written (folded, not stemmed): what is sent to a source's own search, so
 * "What's your return policy?" searches "return policy" rather than every word of the sentence.
 */
export function searchWords(text: string): string[] {
  // Contact details and long numbers (orders, phones, codes) are the customer's, not the
  // question's: they never leave in a search.
  const general = text.replace(/\S+@\S+/g, " ").replace(/['’]/g, "");
  const words = fold(general).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [
    ...new Set(
      words.filter((w) => w.length > 1 && !/\d{4,}/.test(w) && !STOP.en.has(w) && !STOP.es.has(w)),
    ),
  ];
}

/** The subject words of `text`, stemmed, in order of first appearance. */
export function termsOf(text: string, locale: string): string[] {
  const lang = termLanguage(locale);
  let folded = fold(text.replace(/['’]/g, "")).replace(QUESTION_FORMS, " ");
  // Two-word equivalents first ("send back" is "return", not "send").
  for (const [phrase, term] of EQUIVALENT)
    if (phrase.includes(" ")) folded = folded.replaceAll(phrase, term);
  const words = folded.match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const raw of words) {
    const word = EQUIVALENT.get(raw) ?? raw;
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (STOP.en.has(word) || STOP.es.has(word)) continue;
    const stem = lang === "en" ? stemmer(word) : lang === "es" ? spanishStem(word) : word;
    if (!out.includes(stem)) out.push(stem);
  }
  return out;
}

/**
 * The language a message is written in, among those the terms know, by its function words: the
 * customer's own words decide which Help Center locale is searched first. Null when neither
 * language's words appear (a bare "warranty?"), so the tenant's default is used.
 */
export function languageOf(text: string): TermLanguage | null {
  const words = fold(text).match(/\p{L}+/gu) ?? [];
  const hits = { en: 0, es: 0 };
  for (const w of words) {
    if (STOP.en.has(w) && !STOP.es.has(w)) hits.en++;
    if (STOP.es.has(w) && !STOP.en.has(w)) hits.es++;
  }
  if (/[¿¡ñ]/.test(text)) hits.es += 2;
  if (hits.en === hits.es) return null;
  return hits.en > hits.es ? "en" : "es";
}

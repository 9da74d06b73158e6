/**
 * A street address the customer asks us to use ("could it go to my office at 5 Pine Rd rather
 * than home?"): a house number, one to four words of street name and a street type, perhaps
 * after a flat or unit ("Flat 3, 27 Mornington Crescent") or with the type first ("14 Rue
 * Saint-Denis"). An address in the signature is where the sender lives, not a new delivery.
 */
export const STREET_TYPES =
  "street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|way|drive|dr|court|ct|place|pl|terrace|square|sq|close|crescent|cres|parade|parkway|pkwy|highway|hwy|loop|grove|gardens|gdns|mews|circle|cir|trail|trl|alley|quay|wharf";
const NAME_WORD = "[\\p{L}][\\p{L}'’.-]*";
const UNIT = "(?:(?:flat|unit|apt|apartment|suite|ste)\\s*#?\\s*[\\p{L}\\p{N}-]{1,6},?\\s+)?";
const NUMBER = "\\d{1,6}[a-z]?";
const DIRECTION = "(?:\\s+(?:n|s|e|w|ne|nw|se|sw|north|south|east|west))?\\b";

const TYPE_LAST = new RegExp(
  `\\b(${UNIT}${NUMBER}\\s+(?:${NAME_WORD}\\s+){0,3}(?:${STREET_TYPES})\\.?${DIRECTION})`,
  "iu",
);
const TYPE_FIRST = new RegExp(
  `\\b(${UNIT}${NUMBER},?\\s+(?:rue|calle|via|avenida|strasse|straße)\\s+${NAME_WORD}(?:\\s+${NAME_WORD})?)`,
  "iu",
);
// Street names that carry their type in one word: "Kingsway", "Bishopsgate", "Mokotowska".
const ONE_WORD_STREET = new RegExp(
  `\\b(?:to|at|is|address)[:\\s]+(?:my \\w+[:\\s]+)?(${UNIT}${NUMBER}\\s+\\p{Lu}\\p{Ll}{3,}(?:way|gate|side|field|ford|bury|hall))\\b`,
  "u",
);

export function findStreetAddress(text: string): string | null {
  // Where the writer capitalises words, a street name is capitalised too ("4 in sage green" is not).
  const inCase = /(?:^|[^\p{L}])\p{Lu}\p{Ll}+/u.test(text);
  for (const pattern of [TYPE_LAST, TYPE_FIRST, ONE_WORD_STREET]) {
    for (const m of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      const address = m[1]!.trim();
      const name =
        address
          .replace(/^(?:flat|unit|apt|apartment|suite|ste)\s*#?\s*\S+,?\s+/i, "")
          .split(/\s+/)[1] ?? "";
      if (inCase && !/^\p{Lu}/u.test(name)) continue;
      return address;
    }
  }
  return null;
}

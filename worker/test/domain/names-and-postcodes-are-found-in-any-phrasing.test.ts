import { describe, expect, it } from "vitest";
import type { Channel } from "../../src/domain/channel-event";
import { findReferences } from "../../src/domain/language/references";

// Names of different origins and shapes, postcodes of different countries, phrasings of
// introductions and sign-offs: every combination is read.
const NAMES = [
  "Rosa Díaz",
  "Tom Baker",
  "Siobhan O'Neill",
  "Jean-Luc Martin",
  "Anna van der Berg",
  "Mei Lin Wong",
  "Beatriz Gómez de la Fuente",
  "Harold P. Whitcombe",
];
const POSTCODES: [string, string][] = [
  ["30303", "30303"],
  ["94110-3302", "94110-3302"],
  ["SW1A 1AA", "SW1A 1AA"],
  ["m5v 3l9", "M5V 3L9"],
  ["D02 X285", "D02 X285"],
  // Brazil's CEP, given after its cue.
  ["CEP 01310-100", "01310-100"],
];
const PHRASINGS: [Channel, (name: string, zip: string) => string][] = [
  ["web_chat", (n, z) => `Hi, this is ${n}, zip ${z}. My order never came.`],
  ["web_chat", (n, z) => `${n} here (${z}) - where is my parcel?`],
  ["whatsapp", (n, z) => `my parcel never came 😕\nName: ${n}\nPostcode: ${z}`],
  ["web_chat", (n, z) => `My name is ${n}. Still no parcel. My postcode is ${z} if that helps`],
  [
    "email",
    (n, z) => `Hello,\n\nMy parcel never came.\n\nThanks,\n${n}\n12 Elm Street\nSpringfield ${z}`,
  ],
  [
    "voice",
    (n, z) =>
      `yeah hi it's ${n.toLowerCase()} um the zip is ${z.toLowerCase()} and my parcel never came`,
  ],
  ["web_chat", (n, z) => `where is my parcel. ${n}, ${z}`],
  ["email", (n, z) => `Hello,\n\nMy parcel never came.\n\nMit freundlichen Grüßen\n${n}\n${z}`],
  [
    "voice",
    (n, z) =>
      `my name's ${n.toLowerCase()} that's spelt like it sounds and my zip's ${z.toLowerCase()} thanks`,
  ],
  // A title before the name and letters after it, in a signature.
  [
    "email",
    (n, z) => `Dear Sir,

My parcel never came.

Yours faithfully,
Dr. ${n}
4 Mill Lane
${z}`,
  ],
  [
    "email",
    (n, z) => `Hi,

Still no parcel.

Kind regards,
Mrs ${n} MBE
${z}`,
  ],
  [
    "email",
    (n, z) => `Hi,

Still no parcel.

Best,
${n} PhD
Postcode: ${z}`,
  ],
  [
    "voice",
    (n, z) =>
      `hi there it's ${n.toLowerCase()} i'm moving next week and my postcode is ${z.toLowerCase()}`,
  ],
];

describe("a name and a postcode are found in any phrasing and order", () => {
  it("every phrasing, name and postcode yields the pair, first or among the few looked up", () => {
    const missed: string[] = [];
    for (const [channel, say] of PHRASINGS)
      for (const name of NAMES)
        for (const [written, zip] of POSTCODES) {
          const text = say(name, written);
          const pairs = findReferences(text, channel, "US").nameZip;
          const found = pairs.some(
            (p) =>
              p.name.toLowerCase() === name.toLowerCase() &&
              p.zip.replace(/\s/g, "") === zip.replace(/\s/g, ""),
          );
          if (!found) missed.push(`${channel}: ${text} → ${JSON.stringify(pairs)}`);
        }
    expect(missed).toEqual([]);
  });

  it("no pair when only a name or only a postcode is given", () => {
    for (const text of [
      "This is Rosa Díaz, where is my parcel?",
      "my zip is 30303, where is my parcel?",
    ])
      expect(findReferences(text, "web_chat").nameZip, text).toEqual([]);
  });

  it("a greeting, a weekday or a product is never taken for a name", () => {
    const refs = findReferences("Hello Support Team, Monday Delivery 30303 Blue Vase", "web_chat");
    for (const pair of refs.nameZip) expect(pair.name).not.toMatch(/^(Hello|Support|Monday)\b/);
  });
});

import { describe, expect, it } from "vitest";
import type { Channel } from "../../src/domain/channel-event";
import { findReferences } from "../../src/domain/language/references";

const hasPair = (text: string, channel: Channel, name: string, zip: string) =>
  findReferences(text, channel, "US").nameZip.some(
    (p) =>
      p.name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase() ===
        name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase() &&
      p.zip.replace(/\s/g, "") === zip,
  );

describe("who the customer says they are", () => {
  it("a caller who spells their names after saying them is read once, with the zip", () => {
    const NAMES = ["priya raghunathan", "tom baker", "ines moreau", "kwame mensah"];
    const spell = (word: string, sep: string) => word.split("").join(sep);
    const SAYINGS = [
      (first: string, last: string) =>
        `my name is ${first}, ${spell(first, " ")}, ${last}, ${spell(last, " ")}, and the zip is three oh three oh three`,
      (first: string, last: string) =>
        `it's ${first} ${last}, that's ${spell(last, ", ")}, zip three zero three zero three, my order never came`,
      (first: string, last: string) =>
        `um yeah this is ${first} ${spell(first, " ")} ${last} ${spell(last, " ")} and my zip code is 30303`,
      // Spelt before it is said, both names spelt at once, or the first name spelt and the last
      // said again after it.
      (first: string, last: string) =>
        `hello my name is ${spell(first, " ")} ${first} ${last} and the zip is 30303`,
      (first: string, last: string) =>
        `yes hi ${first} ${last}, ${spell(first + last, " ")}, all one word, zip 30303, it's late`,
      (first: string, last: string) =>
        `this is uh ${first} ${last} ${spell(first, " ")} ${last} zip code three oh three oh three`,
      (first: string, last: string) =>
        `my name is ${first} that is ${spell(first, " ")} ${last} and the zip code is 30303 thanks`,
    ];
    const missed: string[] = [];
    for (const name of NAMES)
      for (const say of SAYINGS) {
        const [first, last] = name.split(" ") as [string, string];
        const text = say(first, last);
        if (!hasPair(text, "voice", name, "30303")) missed.push(text);
      }
    expect(missed).toEqual([]);
  });

  it("a sender who says who they are may give a postcode in their own country's form", () => {
    const SENDERS: [string, string, string][] = [
      ["Ana Sofia Martins", "Rua Augusta 155, 1100-048 Lisboa", "1100-048"],
      ["Arjun Krishnamurthy", "No. 14, 2nd Main Road, Bengaluru 560034", "560034"],
      ["Lena Fischer", "Hauptstraße 5, 10115 Berlin", "10115"],
      ["Sipho Dlamini", "12 Long Street, Cape Town 8001", "8001"],
    ];
    const INTRODUCTIONS = [
      (name: string, address: string) =>
        `Hello, please send my parcel to: ${address}. My name is ${name}. Thank you`,
      (name: string, address: string) =>
        `Good morning,\n\nKindly deliver to the below address:\n\n${address}\n\nName: ${name}\n\nRegards`,
    ];
    const missed: string[] = [];
    for (const [name, address, zip] of SENDERS)
      for (const introduce of INTRODUCTIONS) {
        const text = introduce(name, address);
        if (!hasPair(text, "email", name, zip)) missed.push(text);
      }
    expect(missed).toEqual([]);
  });

  it("Irish names with Ó and Ní are names", () => {
    for (const name of ["Tomás Ó Briain", "Aoife Ní Bhriain", "Seán Ó Súilleabháin"])
      expect(
        hasPair(`Hi, ${name}, postcode BS1 4DJ. Where is my order?`, "web_chat", name, "BS14DJ"),
      ).toBe(true);
  });
});

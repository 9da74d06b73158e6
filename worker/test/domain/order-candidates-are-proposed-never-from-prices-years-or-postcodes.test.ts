import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderIdForms } from "../../src/connectors/orders";
import { findReferences } from "../../src/domain/language/references";

const ids = fc.oneof(
  fc.integer({ min: 1_000_000, max: 9_999_999 }).map((n) => `W${n}`),
  fc.integer({ min: 10_000, max: 99_999 }).map(String),
  fc.integer({ min: 10_000, max: 99_999 }).map((n) => `A-${n}`),
  fc.integer({ min: 10_000, max: 99_999 }).map((n) => `ORD-${n}`),
  // Groups joined by dashes, and letter suffixes: "66-20481", "112-3456789-1234567", "30912-B".
  fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 10_000, max: 99_999 }))
    .map(([a, b]) => `${a}-${b}`),
  fc
    .tuple(
      fc.integer({ min: 100, max: 999 }),
      fc.integer({ min: 1_000_000, max: 9_999_999 }),
      fc.integer({ min: 1_000_000, max: 9_999_999 }),
    )
    .map(([a, b, c]) => `${a}-${b}-${c}`),
  // A figure and letters before the dash: "2K-40918", "7TX-10293".
  fc
    .tuple(
      fc.integer({ min: 1, max: 9 }),
      fc.constantFrom("K", "TX", "AB", "Q"),
      fc.integer({ min: 10_000, max: 99_999 }),
    )
    .map(([d, letters, n]) => `${d}${letters}-${n}`),
  fc
    .tuple(fc.integer({ min: 1_000, max: 99_999 }), fc.constantFrom("B", "K", "PK", "C"))
    .map(([n, suffix]) => `${n}-${suffix}`),
);
const caseOf = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toLowerCase(),
);
const candidates = (text: string) => findReferences(text, "web_chat", "US").orders;

describe("order ids are proposed in any common form, to be confirmed by the order system", () => {
  it("with '#', after 'order', 're:' or 'ref', in brackets, alone on a line or leading a fragment", () => {
    const forms = fc.constantFrom(
      (id: string) => `my order #${id} never came`,
      (id: string) => `it's about order ${id}`,
      (id: string) => `re: ${id} still waiting`,
      (id: string) => `Ref ${id} - please check`,
      (id: string) => `(${id}) never came`,
      (id: string) => `hi\n${id}\nwhere is it`,
      (id: string) => `${id} arrived broken`,
    );
    fc.assert(
      fc.property(ids, caseOf, forms, (id, cased, form) => {
        const found = candidates(form(cased(id)));
        expect(found.map((c) => c.id)).toContain(id.toUpperCase());
        // Whatever the form, it is looked up first as written, then in its other forms.
        const written = found.find((c) => c.id === id.toUpperCase())!.written;
        expect(orderIdForms(written)).toContain(id.toUpperCase());
      }),
      { numRuns: 300 },
    );
  });

  it("a lone figure is only a bare candidate; a cue makes it a cued one", () => {
    expect(candidates("the 18422 one arrived broken")[0]).toMatchObject({ strength: "bare" });
    expect(candidates("order 18422 arrived broken")[0]).toMatchObject({ strength: "cued" });
    expect(candidates("w4471210 arrived broken")[0]).toMatchObject({ strength: "cued" });
  });

  it("never proposes a price, a year, a zip, a phone number, a quantity, a time, a street number or a serial", () => {
    const figure = fc.integer({ min: 10_000, max: 99_999 }).map(String);
    const distractors = fc.constantFrom(
      (n: string) => `I paid $${n.slice(0, 3)}.99 for it`,
      (n: string) => `it cost ${n} dollars`,
      (n: string) => `I bought it in 20${n.slice(0, 2).replace(/^[3-9]/, "2")}`,
      (n: string) => `my zip code is ${n}`,
      (n: string) => `ship it to 12 Elm St, Atlanta GA ${n}`,
      (n: string) => `call me on (415) 555-${n.slice(0, 4)}`,
      (n: string) => `I ordered ${n.slice(0, 3)} items`,
      (n: string) => `I'll be home after 10:${n.slice(0, 2).replace(/^[6-9]/, "3")}`,
      (n: string) => `the address is ${n.slice(0, 4)} Maple Avenue`,
      (n: string) => `the serial number is SN${n}`,
      (n: string) => `model KX-${n.slice(0, 3)} heater`,
      (n: string) => `a ${n[0]}K-${n.slice(1, 4)} television`,
      (n: string) => `it was ${n.slice(0, 2)}% off`,
      (n: string) => `card ending ${n.slice(0, 4)}`,
      (n: string) => `it was due on 2026-0${n[0] === "0" ? 1 : n[0]}-1${n[1]}`,
      (n: string) => `it takes ${n.slice(0, 1)}-${n.slice(1, 3)} days`,
      (n: string) => `returned under RMA-${n}`,
      (n: string) => `the return label RTN-${n} is printed`,
      (n: string) => `our PO-${n.slice(0, 4)} is on the invoice`,
      (n: string) => `the collection ref ${n} was emailed`,
      (n: string) => `sort code ${n.slice(0, 2)}-${n.slice(2, 4)}-${n.slice(3, 5)}`,
      // A long number in groups is one number, a parcel's or a card's: none of its groups.
      (n: string) => `tracking RM ${n.slice(0, 4)} ${n.slice(1, 5)} 7GB shows nothing`,
      (n: string) =>
        `(TRK ${n.slice(0, 4)} ${n.slice(1, 5)} 00${n.slice(3, 5)}) still pre-shipment`,
      (n: string) => `9400 1${n.slice(0, 3)} ${n.slice(1, 5)} 0000 00 — whose is that?`,
      // A company's own registration or tax number, as signatures and invoices give them.
      (n: string) => `Registered in England No. 0${n}${n.slice(0, 2)}`,
      (n: string) => `VAT no ${n}${n.slice(0, 4)}`,
      (n: string) => `Company registration ${n}`,
      // Where the street's name comes first, and either end of a range.
      (n: string) => `please resend to Av. Vallarta ${n.slice(0, 4)}`,
      (n: string) => `new address: Calle Mayor ${n}, Madrid`,
      (n: string) => `Lieferadresse Lindenstraße ${n.slice(0, 4)} bitte`,
      (n: string) => `my points went from ${n} to 0 overnight`,
      (n: string) => `somewhere between ${n.slice(0, 4)} and ${n} steps a day`,
      // Memberships, people and other things' numbers, with or without their '#'.
      (n: string) => `customer number ${n} here`,
      (n: string) => `my loyalty id is ${n}`,
      (n: string) => `your agent ${n.slice(0, 4)} said it was sorted`,
      (n: string) => `it's about ticket #${n}, still open`,
      (n: string) => `my bank ref ${n} for the transfer`,
      (n: string) => `the courier's ref is ${n}`,
      // Money in other currencies, measures, sizes and a national phone number.
      (n: string) => `I paid EUR ${n.slice(0, 4)} for it`,
      (n: string) => `paid ₹${n} for it`,
      (n: string) => `it was Rs. ${n} on the site`,
      (n: string) => `it spins at ${n.slice(0, 4)} rpm and rattles`,
      (n: string) => `I have ${n} points on my account`,
      (n: string) => `screen ${n.slice(0, 4)} x ${n.slice(1, 5)} is the wrong size`,
      (n: string) => `ring 07${n.slice(0, 3)} ${n}${n[0]} please`,
      (n: string) => `I called 0800${n}${n.slice(0, 2)} and nobody answered`,
      // What labels, statements and screens print: batches, expiry, transactions, errors.
      (n: string) => `lot number ${n} on the label`,
      (n: string) => `transaction id ${n}${n.slice(0, 3)} on my statement`,
      (n: string) => `error ${n} at checkout`,
      (n: string) => `the amount ${n} was taken`,
      (n: string) => `my locker code is ${n}`,
      // Times and dates written as figures.
      (n: string) => `out for delivery since 0${Number(n[0]) % 10}${Number(n[1]) % 6}${n[2]}`,
      (n: string) => `the slot 1${Number(n[0]) % 4}00-1${(Number(n[1]) % 4) + 5}00 was missed`,
      (n: string) =>
        `use by 202${n[0]}${String(1 + (Number(n[1]) % 12)).padStart(2, "0")}${String(1 + (Number(n.slice(2, 4)) % 28)).padStart(2, "0")}`,
      (n: string) => `on hold ${n} seconds`,
    );
    fc.assert(
      fc.property(figure, distractors, (n, say) => {
        expect(candidates(say(n))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("a postcode given right after a name is the name's, not an order", () => {
    for (const text of ["Rosa Díaz, 30303", "tom baker / 84161", "Hiroshi Tanaka (94110) here"])
      expect(candidates(text), text).toEqual([]);
  });

  it("a zip said again later is still that zip, not an order", () => {
    const zip = fc.integer({ min: 10_000, max: 99_999 }).map(String);
    const again = fc.constantFrom(
      (z: string) => `my zip code is ${z}. the old address was ${z} too`,
      (z: string) => `zip ${z}\n(yes, ${z}, we moved within town)`,
      (z: string) => `postcode: ${z} — same ${z} as the billing one`,
    );
    fc.assert(
      fc.property(zip, again, (z, say) => {
        expect(candidates(say(z))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

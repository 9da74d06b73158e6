/**
 * `npx tsx scripts/language/generate-corpus.ts`: the templated part of the language corpus
 * (worker/test/language/corpus/templated.json). Seeded, so the same file comes out every time.
 *
 * Each message is built from independent choices: what the customer wants (many phrasings per
 * workflow, hard stop and non-request), how they refer to the order, whether they say who they are,
 * distractor figures (prices, dates, zips, quantities, phones), and the habits of a channel (chat
 * fragments, email greetings, quoted history and signatures, call transcripts with fillers and
 * spoken digits, WhatsApp emojis), then typos and lower case. The labels come from the choices.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { WorkflowId } from "../../worker/src/domain/intent";
import type { LabelledMessage } from "../../worker/test/language/corpus-format";

let seed = 0x5eed_c0de;
function random(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number) => random() < p;
const digits = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i === 0 ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10),
  ).join("");

const FIRST = [
  "Rosa",
  "Tom",
  "Aisha",
  "Mateo",
  "Priya",
  "Liam",
  "Chen",
  "Fatima",
  "Olu",
  "Sofia",
  "Jean-Luc",
  "Siobhan",
  "Hiroshi",
  "Ana",
  "Kwame",
  "Ingrid",
  "Dmitri",
  "Maeve",
  "Ravi",
  "Lucía",
  "Noah",
  "Yara",
  "Bjorn",
  "Mei",
  "Carlos",
  "Zoe",
  "Tariq",
  "Hannah",
  "Pedro",
  "Amara",
];
const LAST = [
  "Díaz",
  "Baker",
  "Khan",
  "Rossi",
  "Patel",
  "O'Brien",
  "Wang",
  "Haddad",
  "Adeyemi",
  "Moreno",
  "Dubois",
  "Nguyen",
  "Tanaka",
  "Silva",
  "Mensah",
  "Larsen",
  "Ivanov",
  "Kelly",
  "Sharma",
  "van der Berg",
  "Brown",
  "Haddad-Smith",
  "Okafor",
  "Lindqvist",
  "Fernández",
  "McAllister",
  "Kowalski",
  "Abebe",
  "Schmidt",
  "Rahman",
];
const STREETS = [
  "Pine",
  "Elm",
  "Maple",
  "Oak",
  "Cedar",
  "Harbor",
  "Sunset",
  "Mill",
  "Church",
  "Lake",
  "Park",
  "Hillside",
  "Baker",
  "Station",
  "Willow",
];
const SUFFIX = [
  "St",
  "Street",
  "Rd",
  "Road",
  "Ave",
  "Avenue",
  "Lane",
  "Ln",
  "Drive",
  "Dr",
  "Court",
  "Way",
  "Blvd",
  "Place",
  "Terrace",
];
const CITIES = [
  ["Atlanta", "GA"],
  ["Denver", "CO"],
  ["Austin", "TX"],
  ["Portland", "OR"],
  ["Boston", "MA"],
  ["Tampa", "FL"],
  ["Madison", "WI"],
  ["Phoenix", "AZ"],
] as const;
const PRODUCTS = [
  "vase",
  "kettle",
  "blender",
  "jacket",
  "pair of shoes",
  "lamp",
  "headphones",
  "coffee grinder",
  "toaster",
  "backpack",
  "desk chair",
  "rug",
  "phone case",
  "espresso machine",
  "air fryer",
  "sweater",
  "mug set",
  "watch",
  "hair dryer",
  "speaker",
];
const MED_PRODUCTS = [
  "the vitamin gummies",
  "the magnesium supplement",
  "the face cream",
  "the melatonin",
  "the protein powder",
  "the essential oil",
  "the teething gel",
  "the fish oil capsules",
  "the sunscreen",
  "the herbal tea",
];

interface Entities {
  order: string;
  orderWritten: string;
  product: string;
}

function orderId(): { canonical: string; written: string } {
  const form = pick(["w7", "n5", "h4", "dash", "ord"] as const);
  const lower = chance(0.2);
  switch (form) {
    case "w7": {
      const id = `W${digits(7)}`;
      return { canonical: id, written: lower ? id.toLowerCase() : id };
    }
    case "n5": {
      const id = digits(5);
      return { canonical: id, written: id };
    }
    case "h4": {
      const id = digits(4);
      return { canonical: id, written: id };
    }
    case "dash": {
      const id = `${pick(["A", "B", "K", "R"])}-${digits(5)}`;
      return { canonical: id, written: lower ? id.toLowerCase() : id };
    }
    case "ord": {
      const id = `ORD-${digits(5)}`;
      return { canonical: id, written: lower ? id.toLowerCase() : id };
    }
  }
}

/** How the order is named in the sentence: with '#', after "order", in brackets, alone. */
function orderPhrase(written: string): string {
  const hash = chance(0.5) || /^\d{4}$/.test(written) ? `#${written}` : written;
  return pick([
    `order ${hash}`,
    `order ${hash}`,
    `order number ${written}`,
    `order no. ${written}`,
    `#${written}`,
    `${written}`,
    `(${written})`,
    `my order (${hash})`,
    `order ref ${written}`,
    `re: ${hash}`,
  ]);
}

type Core = (e: Entities) => string;

// What the customer wants, in many phrasings. {o} is the order phrase, {p} the product.
const REQUESTS: Record<WorkflowId, Core[]> = {
  refund: [
    (e) => `I want a refund for ${e.orderWritten}`,
    (e) => `can I get my money back for the ${e.product}? ${e.orderWritten}`,
    (e) => `Please refund ${e.orderWritten}, the ${e.product} is not what I expected`,
    (e) => `I'd like to be reimbursed for ${e.orderWritten}`,
    (e) => `${e.orderWritten} — just want the money back, the ${e.product} was useless`,
    (e) => `Could you pay me back for the ${e.product}? It's ${e.orderWritten}`,
    (e) => `refund please!! ${e.orderWritten}`,
    (e) => `The ${e.product} doesn't fit so I'd like my money refunded (${e.orderWritten})`,
    (e) => `How do I get reimbursed for ${e.orderWritten}? I returned it last week`,
    (e) => `I need a full refund on ${e.orderWritten}, the ${e.product} stopped being useful to me`,
    (e) => `Put the money back on my card for ${e.orderWritten} please`,
    (e) => `${e.orderWritten}: requesting a refund, the ${e.product} never matched the photos`,
    (e) => `give me my money back for the ${e.product}, ${e.orderWritten}`,
    (e) => `I'm owed a refund for ${e.orderWritten}`,
    (e) => `can you credit my account for ${e.orderWritten}, I don't want the ${e.product} anymore`,
  ],
  replacement: [
    (e) => `my ${e.product} arrived damaged, ${e.orderWritten}. Can you send a new one?`,
    (e) => `${e.orderWritten} came broken, I need a replacement`,
    (e) => `The ${e.product} from ${e.orderWritten} is cracked. Please replace it`,
    (e) =>
      `Box was crushed and the ${e.product} inside is smashed (${e.orderWritten}). Send another one please`,
    (e) => `You sent the wrong ${e.product} for ${e.orderWritten}, please send the right one`,
    (e) =>
      `the ${e.product} was dented when it got here, can I get a replacement? ${e.orderWritten}`,
    (e) => `${e.orderWritten} - item arrived in pieces. I'd like a new one shipped`,
    (e) =>
      `my ${e.product} doesn't work out of the box, please swap it for a new one (${e.orderWritten})`,
    (e) => `Can you resend ${e.orderWritten}? Everything was broken`,
    (e) => `the ${e.product} is scratched all over, I want a replacement sent, ${e.orderWritten}`,
    (e) => `Half the ${e.product} is missing parts — need a replacement for ${e.orderWritten}`,
    (e) => `${e.orderWritten} got here shattered, please ship a fresh one`,
    (e) => `it's defective out of the box, please replace my ${e.product}. ${e.orderWritten}`,
    (e) => `The ${e.product} leaks everywhere, just send me another one. ${e.orderWritten}`,
  ],
  return_exchange: [
    (e) => `I want to return the ${e.product} from ${e.orderWritten}`,
    (e) => `how do I send back ${e.orderWritten}? it's too small`,
    (e) => `Can I exchange the ${e.product} for a bigger size? ${e.orderWritten}`,
    (e) => `I need a return label for ${e.orderWritten}`,
    (e) => `${e.orderWritten} doesn't fit, I'd like to swap it for a different size`,
    (e) => `Please send me a label so I can ship the ${e.product} back (${e.orderWritten})`,
    (e) => `I'd like to return ${e.orderWritten}, changed my mind`,
    (e) => `can i swap the ${e.product} for another colour? ${e.orderWritten}`,
    (e) => `want to send the ${e.product} back, ${e.orderWritten}, it's too big`,
    (e) => `Returning ${e.orderWritten} — how do I do that?`,
    (e) => `The ${e.product} is the wrong size, can I exchange it? ${e.orderWritten}`,
    (e) => `I'd like to take the ${e.product} back to get a smaller one, ${e.orderWritten}`,
    (e) => `Need to return these, ${e.orderWritten}. Where do I send them?`,
  ],
  order_status: [
    (e) => `Where is ${e.orderWritten}?`,
    (e) => `any idea when ${e.orderWritten} gets here?`,
    (e) => `${e.orderWritten} never came`,
    (e) => `I'm still waiting for ${e.orderWritten}, it's been ages`,
    (e) => `Has ${e.orderWritten} shipped yet?`,
    (e) => `Can you tell me the tracking for ${e.orderWritten}`,
    (e) => `When will my ${e.product} arrive? ${e.orderWritten}`,
    (e) => `${e.orderWritten} says processing for a week, what's going on`,
    (e) => `hasn't arrived yet — ${e.orderWritten}`,
    (e) => `what's the status of ${e.orderWritten}?`,
    (e) => `my ${e.product} still isn't here, ${e.orderWritten}. is it lost?`,
    (e) => `Is ${e.orderWritten} out for delivery today?`,
    (e) => `The tracking for ${e.orderWritten} hasn't updated in days`,
    (e) => `${e.orderWritten} is late, when can I expect it`,
    (e) => `where's my stuff, ${e.orderWritten}`,
  ],
  password_reset: [
    () => `I can't log in to my account`,
    () => `forgot my password, can you reset it`,
    () => `I'm locked out of my account after too many tries`,
    () => `the reset link never arrives and I can't sign in`,
    () => `how do I change my password? I don't remember it`,
    () => `Can't get into my account, it says wrong password`,
    () => `please send me a password reset`,
    () => `my login isn't working anymore`,
    () => `I need to reset my password, the old one doesn't work`,
    () => `Keeps saying invalid password when I try to sign in`,
    () => `locked out again, need help getting back into my account`,
    () => `I forgot the password for my account and the email link expired`,
  ],
  address_change: [
    (e) => `could ${e.orderWritten} go to my office at {address} rather than home?`,
    (e) => `Please change the delivery address for ${e.orderWritten} to {address}`,
    (e) => `I moved, can you ship ${e.orderWritten} to {address} instead`,
    (e) => `send it to {address} please, not my old place (${e.orderWritten})`,
    (e) => `Wrong address on ${e.orderWritten}! It should be {address}`,
    (e) => `Can you update the shipping address on ${e.orderWritten}? New one is {address}`,
    (e) => `${e.orderWritten}: please deliver to {address} instead of my home address`,
    (e) => `I need ${e.orderWritten} redirected to {address}`,
    (e) => `is it too late to change where ${e.orderWritten} goes? I'd like it at {address}`,
    (e) => `Deliver ${e.orderWritten} to my work please: {address}`,
    (e) => `I typed the address wrong for ${e.orderWritten}, it's {address}`,
  ],
  warranty_claim: [
    (e) =>
      `my ${e.product} stopped working after 3 months, is it under warranty? ${e.orderWritten}`,
    (e) => `I'd like to make a warranty claim for the ${e.product}, ${e.orderWritten}`,
    (e) =>
      `The ${e.product} broke after a few weeks of normal use. Warranty repair please (${e.orderWritten})`,
    (e) =>
      `${e.orderWritten} — the ${e.product} won't turn on anymore, it's only 6 months old. Can you fix it under the guarantee?`,
    (e) => `my ${e.product} died, still covered by the warranty I think. ${e.orderWritten}`,
    (e) => `Can I get the ${e.product} repaired under warranty? ${e.orderWritten}`,
    (e) =>
      `the ${e.product} stopped heating after 8 months, need a warranty repair. ${e.orderWritten}`,
    (e) => `Guarantee claim: ${e.orderWritten}, the ${e.product} quit working`,
    (e) =>
      `I think my ${e.product} is faulty, it was fine until last month. Is this covered? ${e.orderWritten}`,
    (e) =>
      `${e.orderWritten} the ${e.product} has a fault after half a year, want it fixed under warranty`,
    (e) => `need to claim on the 2 year warranty, ${e.product} broke down. ${e.orderWritten}`,
  ],
  billing_dispute: [
    (e) => `I disputed the charge for ${e.orderWritten} with my bank`,
    (e) => `my card company is reversing the payment for ${e.orderWritten}`,
    (e) => `I never agreed to that payment, my bank is on it (${e.orderWritten})`,
    (e) => `You charged me twice for ${e.orderWritten}!`,
    (e) => `There's a charge on my statement I didn't authorise — ${e.orderWritten}`,
    (e) => `I've filed a chargeback for ${e.orderWritten}`,
    (e) => `I'm contesting the payment on ${e.orderWritten} with Visa`,
    (e) => `PayPal claim opened for ${e.orderWritten}, you took my money twice`,
    (e) => `double charged for ${e.orderWritten}, I'm going to my bank about it`,
    (e) => `my credit card company is investigating the transaction for ${e.orderWritten}`,
    (e) => `this payment for ${e.orderWritten} is fraudulent, I did not approve it`,
    (e) => `I asked the bank to pull the money back for ${e.orderWritten}`,
    (e) => `You billed me two times for ${e.orderWritten}, I'm disputing one of them`,
    (e) => `the bank is getting my money back for ${e.orderWritten}, just so you know`,
    (e) => `unauthorized transaction from your company on my card, ${e.orderWritten}`,
  ],
};

const TAKEOVER: Core[] = [
  () => `someone got into my account and changed my email`,
  (e) => `I didn't place ${e.orderWritten}, I think my account was hacked`,
  () => `there are orders on my account I don't recognise`,
  () => `my password was changed and it wasn't me`,
  () => `I got an email about a login from another country, that wasn't me`,
  () => `somebody is using my account to buy stuff`,
  (e) => `${e.orderWritten} wasn't made by me, who has access to my account?`,
  () => `I think my account's been compromised`,
  () => `strange activity on my account, new address added that I never added`,
  () => `a stranger changed the phone number on my profile`,
];
const REGULATED: Core[] = [
  () => `is it safe to take ${pick(MED_PRODUCTS)} with my blood pressure medication?`,
  () => `how much of ${pick(MED_PRODUCTS)} should my 4 year old take?`,
  () => `I'm pregnant, can I use ${pick(MED_PRODUCTS)}?`,
  () => `I had a rash after using ${pick(MED_PRODUCTS)}, what should I do`,
  () => `can I give ${pick(MED_PRODUCTS)} to my baby`,
  () => `should I sue the courier for breaking my stuff?`,
  () => `do I have a legal case against you guys?`,
  () => `can I deduct this purchase from my taxes?`,
  () => `would you recommend investing in your company's stock`,
  () => `what dose of ${pick(MED_PRODUCTS)} is safe while breastfeeding`,
  () => `my son swallowed some of ${pick(MED_PRODUCTS)}, is that dangerous?`,
  () => `does ${pick(MED_PRODUCTS)} interact with antibiotics?`,
];
const GENERAL = [
  "what's your return policy?",
  "how long does shipping usually take?",
  "how long is the warranty on appliances?",
  "when are you open?",
  "do you ship to Canada?",
  "how many days do I have to send something back",
  "what are your opening hours on weekends",
  "is shipping free over $50?",
  "do you offer express delivery",
  "how long do refunds take to show up in general",
  "what's the policy on chargebacks",
  "do you accept PayPal?",
];
const SMALLTALK = [
  "hi",
  "hello there",
  "thanks so much!",
  "ok great",
  "are you a bot?",
  "good morning",
  "thank you, that's all",
  "cool, cheers",
  "perfect, thanks for sorting it",
  "👍",
  "bye",
  "ok",
  "got it, thanks",
  "the bank sorted it out, all good now",
];
const UNCLEAR = [
  "I have a problem with my order",
  "help",
  "something's wrong",
  "hi I need some help please",
  "there's an issue",
  "can someone call me back",
  "this is not ok",
  "question about an order",
  "hello? anyone there",
];
const NEGATED: [Core, WorkflowId][] = [
  [(e) => `not a refund, just a replacement for ${e.orderWritten} please`, "replacement"],
  [(e) => `I don't want a new one, I want my money back for ${e.orderWritten}`, "refund"],
  [(e) => `no need to send a replacement, just refund ${e.orderWritten}`, "refund"],
  [
    (e) => `I don't want to return it, can you just send the missing part? ${e.orderWritten}`,
    "replacement",
  ],
  [
    (e) => `I'm not asking for a refund, I only want to know where ${e.orderWritten} is`,
    "order_status",
  ],
  [(e) => `not looking to exchange it, I'd rather have a refund for ${e.orderWritten}`, "refund"],
  [(e) => `don't cancel ${e.orderWritten}, just change the address to {address}`, "address_change"],
  [
    (e) =>
      `I don't need the money back, I'd like to swap the ${e.product} for a bigger size. ${e.orderWritten}`,
    "return_exchange",
  ],
];

const OPENERS = [
  "",
  "",
  "",
  "Hi, ",
  "Hello, ",
  "Hey ",
  "Good morning. ",
  "Hi there! ",
  "So ",
  "Ugh. ",
];
const CLOSERS = [
  "",
  "",
  "",
  " Thanks.",
  " Thank you!",
  " Please help.",
  " Cheers",
  " Appreciate it.",
  " Asap please.",
];

interface Built {
  text: string;
  slots: LabelledMessage["slots"];
  style: string[];
}

function address(): { line: string; full: string; zip: string } {
  const [city, state] = pick(CITIES);
  const line = `${1 + Math.floor(random() * 980)} ${pick(STREETS)} ${pick(SUFFIX)}`;
  const zip = digits(5);
  return { line, full: `${line}, ${city}, ${state} ${zip}`, zip };
}

function person(): { name: string; zip: string; zipWritten: string } {
  const name = `${pick(FIRST)} ${pick(LAST)}`;
  const kind = pick(["us", "us", "us", "uk", "ca", "plus4"] as const);
  if (kind === "uk") {
    const z = pick(["SW1A 1AA", "M1 1AE", "EH1 2NG", "B33 8TH", "CR2 6XH", "LS1 4AP"]);
    return { name, zip: z.replace(/\s/g, ""), zipWritten: z };
  }
  if (kind === "ca") {
    const z = pick(["M5V 3L9", "K1A 0B1", "H2Y 1C6", "V6B 4Y8"]);
    return { name, zip: z.replace(/\s/g, ""), zipWritten: z };
  }
  const z = digits(5);
  if (kind === "plus4") {
    const full = `${z}-${digits(4)}`;
    return { name, zip: full, zipWritten: full };
  }
  return { name, zip: z, zipWritten: z };
}

/** Who the customer says they are, in one of many phrasings, together or apart. */
function introduce(body: string, p: { name: string; zipWritten: string }): string {
  const { name, zipWritten: zip } = p;
  return pick([
    () => `This is ${name}, zip ${zip}. ${body}`,
    () => `${body} My name is ${name} and my zip code is ${zip}.`,
    () => `${name} here (${zip}). ${body}`,
    () => `Hi it's ${name}. ${body} Postcode ${zip} if you need it`,
    () => `${body}\nName: ${name}\nZip: ${zip}`,
    () => `I'm ${name}, ${zip}. ${body}`,
    () => `${body} - ${name}, ${zip}`,
    () => `${body} the account is under ${name}, postal code ${zip}`,
    () => `${name}, ${zip}: ${body}`,
    () => `${body} (${name} / ${zip})`,
  ])();
}

const DISTRACTORS: (() => string)[] = [
  () => `I paid $${10 + Math.floor(random() * 400)}.${pick(["00", "99", "49"])} for it.`,
  () => `It cost ${20 + Math.floor(random() * 300)} dollars.`,
  () => `Bought it in ${pick(["2023", "2024", "2025"])}.`,
  () => `Ordered ${2 + Math.floor(random() * 4)} of them.`,
  () => `I've been waiting ${3 + Math.floor(random() * 20)} days.`,
  () => `Ordered on ${pick(["March", "June", "Oct"])} ${1 + Math.floor(random() * 27)}.`,
  () => `The model is KX-${100 + Math.floor(random() * 800)}.`,
  () => `It was ${10 + Math.floor(random() * 40)}% off.`,
  () => `I'm free after 10:30.`,
  () => `Tracking says ${1 + Math.floor(random() * 9)} stops away.`,
];

const EMOJI = ["🙏", "😡", "😕", "📦", "🙄", "😭", "👍", "💸", "🤷‍♀️", "😤"];
const SPOKEN_DIGIT = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
];
const FILLERS = ["um", "uh", "like", "you know", "so yeah", "erm", "I mean"];
const SIGN_OFFS = [
  "Thanks,",
  "Thank you,",
  "Best regards,",
  "Kind regards,",
  "Cheers,",
  "Best,",
  "Regards,",
  "Many thanks,",
];

function typo(word: string): string {
  if (word.length < 5 || /\d/.test(word)) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  return pick([
    () => word.slice(0, i) + word.slice(i + 1),
    () => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2),
    () => word.slice(0, i) + word[i] + word.slice(i),
  ])();
}

function withTypos(text: string): string {
  return text
    .split(" ")
    .map((w) => (/^[a-z]{5,}$/i.test(w) && chance(0.18) ? typo(w) : w))
    .join(" ");
}

/** A figure read out by a caller: digit by digit, with "oh" and "double". */
function spokenFigure(figure: string): string {
  const out: string[] = [];
  for (let i = 0; i < figure.length; i++) {
    const c = figure[i]!;
    if (!/\d/.test(c)) {
      out.push(c.toLowerCase());
      continue;
    }
    if (figure[i + 1] === c && chance(0.4)) {
      out.push(`double ${SPOKEN_DIGIT[Number(c)]}`);
      i++;
      continue;
    }
    out.push(c === "0" && chance(0.5) ? "oh" : SPOKEN_DIGIT[Number(c)]!);
  }
  return out.join(" ");
}

function chatStyle(b: Built): Built {
  let text = b.text;
  if (chance(0.4)) text = text.replace(/, /g, "\n").replace(/\. /g, "\n");
  if (chance(0.4)) text = text.replace(/[.!]+$/g, "").replace(/\bplease\b/g, "pls");
  return { ...b, text, style: [...b.style, "fragments"] };
}

function whatsappStyle(b: Built): Built {
  let text = b.text;
  if (chance(0.7)) text = `${text} ${pick(EMOJI)}${chance(0.3) ? pick(EMOJI) : ""}`;
  if (chance(0.3)) text = `${pick(EMOJI)} ${text}`;
  return { ...b, text, style: [...b.style, "emoji"] };
}

function voiceStyle(b: Built, order: string | null): Built {
  let text = b.text.replace(/[!?]+/g, chance(0.5) ? "" : ".").replace(/[()#:]/g, " ");
  if (order && chance(0.6)) {
    const written = text.match(new RegExp(order.replace(/[-]/g, "\\-"), "i"))?.[0];
    if (written) text = text.replace(written, spokenFigure(written.replace(/-/g, "")));
  }
  const parts = text.split(" ");
  const withFillers = parts.flatMap((w) => (chance(0.12) ? [pick(FILLERS), w] : [w])).join(" ");
  // Fillers never split what the labels promise (a name, a street, a postcode).
  const kept = [b.slots.name, b.slots.address, b.slots.zip]
    .filter((v): v is string => Boolean(v))
    .every(
      (v) =>
        withFillers.toLowerCase().replace(/\s/g, "").includes(v.toLowerCase()) &&
        withFillers.toLowerCase().includes(v.toLowerCase().split(" ")[0]!),
    );
  const spoken =
    kept &&
    [b.slots.name, b.slots.address].every(
      (v) => !v || withFillers.toLowerCase().includes(v.toLowerCase()),
    )
      ? withFillers
      : parts.join(" ");
  text = `${chance(0.5) ? `${pick(["yeah hi", "hi um", "hello yes", "yes so"])} ` : ""}${spoken}`;
  return {
    ...b,
    text: text.toLowerCase().replace(/\s+/g, " ").trim(),
    style: [...b.style, "fillers"],
  };
}

function emailStyle(b: Built, p: ReturnType<typeof person> | null, quotedOrder: string): Built {
  const greeting = pick([
    "Hi,",
    "Hello,",
    "Dear Sir/Madam,",
    "Hi team,",
    "Hello support,",
    "Good afternoon,",
  ]);
  const name = p?.name ?? `${pick(FIRST)} ${pick(LAST)}`;
  const phone = chance(0.3) ? `+1 ${digits(3)} 555 ${digits(4)}` : null;
  const addr = address();
  const signatureLines = [name];
  if (phone) signatureLines.push(`Mobile: ${phone}`);
  if (p) signatureLines.push(`${addr.line}, ${pick(CITIES)[0]} ${p.zipWritten}`);
  else if (chance(0.3)) signatureLines.push(addr.full);
  const signature = `${pick(SIGN_OFFS)}\n${signatureLines.join("\n")}`;
  const style = [...b.style, "signature"];
  let text = `${greeting}\n\n${b.text}\n\n${signature}`;
  if (chance(0.15)) text += "\n\nSent from my iPhone";
  if (chance(0.45)) {
    const old = pick([
      `I would like a refund for order ${quotedOrder}.`,
      `Where is my order ${quotedOrder}?`,
      `Your refund for order ${quotedOrder} has been processed.`,
      `Can I exchange order ${quotedOrder} for a larger size?`,
      `We have sent a replacement for order ${quotedOrder}.`,
    ]);
    text += pick([
      `\n\nOn Mon, 2 Mar 2026 at 09:14, Support <help@shop.example> wrote:\n> ${old}\n> Best, Support`,
      `\n\n-----Original Message-----\nFrom: Support <help@shop.example>\nSent: Monday, March 2, 2026 9:14 AM\nSubject: Your order\n\n${old}`,
      `\n\n> ${old}`,
    ]);
    style.push("quoted_history");
  }
  const slots = { ...b.slots };
  if (phone) slots.phone = `+1${phone.replace(/\D/g, "").slice(1)}`;
  return { text, slots, style };
}

const messages: LabelledMessage[] = [];
let n = 0;
const CHANNELS = ["chat", "email", "voice", "whatsapp"] as const;

function emit(
  core: Core,
  labels: Pick<LabelledMessage, "kind" | "intents" | "hardStop">,
  options: { order: boolean; withName?: boolean },
) {
  const channel = pick(CHANNELS);
  const ids = orderId();
  const product = pick(PRODUCTS);
  const entities: Entities = {
    order: ids.canonical,
    orderWritten: options.order ? orderPhrase(ids.written) : "my order",
    product,
  };
  let text = core(entities);
  const slots: LabelledMessage["slots"] = {};
  const style: string[] = [];
  if (options.order && text.includes(entities.orderWritten)) slots.order_ids = [ids.canonical];
  if (text.includes("{address}")) {
    const a = address();
    text = text.replace("{address}", a.line);
    slots.address = a.line;
  }
  text = `${pick(OPENERS)}${text}${pick(CLOSERS)}`;
  if (chance(0.3)) {
    text = `${text} ${pick(DISTRACTORS)()}`;
    style.push("distractor_numbers");
  }
  const who = options.withName ?? chance(0.22);
  const p = who ? person() : null;
  if (p && channel !== "email") {
    text = introduce(text, p);
    slots.name = p.name;
    slots.zip = p.zip;
  }
  if (chance(0.12)) {
    const email = `${pick(FIRST)
      .toLowerCase()
      .replace(/[^a-z]/g, "")}.${digits(2)}@${pick(["gmail.com", "example.com", "outlook.com"])}`;
    text = `${text} ${pick(["my email is", "you can reach me at", "email:"])} ${email}`;
    slots.email = email;
  }
  let built: Built = { text, slots, style };
  if (channel === "chat") built = chatStyle(built);
  if (channel === "whatsapp") built = whatsappStyle(built);
  if (channel === "voice") built = voiceStyle(built, slots.order_ids?.[0] ?? null);
  if (channel === "email") {
    const quoted = orderId().written;
    built = emailStyle(built, p, quoted);
    if (p) {
      built.slots.name = p.name;
      built.slots.zip = p.zip;
    }
  }
  if (channel !== "email" && chance(0.25)) {
    built.text = built.text.toLowerCase();
    built.style.push("lowercase");
  }
  if (chance(0.2)) {
    // Typos never touch the figures and names the labels promise.
    const protectedWords = [slots.name, slots.email, slots.address].filter(Boolean) as string[];
    if (!protectedWords.some((w) => built.text.toLowerCase().includes(w.toLowerCase()))) {
      built.text = withTypos(built.text);
      built.style.push("typos");
    }
  }
  messages.push({
    id: `tpl-${String(++n).padStart(4, "0")}`,
    channel,
    text: built.text,
    ...labels,
    slots: built.slots,
    ...(built.style.length > 0 && { style: [...new Set(built.style)] }),
  });
}

for (const [workflow, cores] of Object.entries(REQUESTS) as [WorkflowId, Core[]][]) {
  for (let i = 0; i < 95; i++) {
    emit(
      pick(cores),
      {
        kind: "request",
        intents: [workflow],
        hardStop: workflow === "billing_dispute" ? "payment_dispute" : null,
      },
      { order: workflow !== "password_reset" },
    );
  }
}
for (let i = 0; i < 45; i++)
  emit(
    pick(TAKEOVER),
    { kind: "request", intents: [], hardStop: "suspected_takeover" },
    { order: true },
  );
for (let i = 0; i < 45; i++)
  emit(
    pick(REGULATED),
    { kind: "request", intents: [], hardStop: "regulated_advice" },
    { order: false },
  );
for (let i = 0; i < 45; i++)
  emit(
    () => pick(GENERAL),
    { kind: "general_question", intents: [], hardStop: null },
    { order: false, withName: false },
  );
for (let i = 0; i < 45; i++)
  emit(
    () => pick(SMALLTALK),
    { kind: "smalltalk", intents: [], hardStop: null },
    { order: false, withName: false },
  );
for (let i = 0; i < 35; i++)
  emit(() => pick(UNCLEAR), { kind: "unclear", intents: [], hardStop: null }, { order: false });
for (let i = 0; i < 50; i++) {
  const [core, intent] = pick(NEGATED);
  emit(core, { kind: "request", intents: [intent], hardStop: null }, { order: true });
}
// Two requests in one message: the second is about the same order.
const PAIRS: [WorkflowId, WorkflowId][] = [
  ["order_status", "address_change"],
  ["refund", "password_reset"],
  ["return_exchange", "order_status"],
  ["replacement", "refund"],
  ["warranty_claim", "order_status"],
  ["password_reset", "order_status"],
];
for (let i = 0; i < 50; i++) {
  const [a, b] = pick(PAIRS);
  const first = pick(REQUESTS[a]);
  const second = pick(REQUESTS[b]);
  emit(
    (e) =>
      `${first(e)}. Also, ${second({ ...e, orderWritten: "it" }).replace(/^./, (c) => c.toLowerCase())}`,
    { kind: "request", intents: [a, b], hardStop: null },
    { order: true },
  );
}

const file = path.join(import.meta.dirname, "../../worker/test/language/corpus/templated.json");
writeFileSync(
  file,
  `${JSON.stringify(
    {
      about:
        "Templated customer messages: many phrasings per workflow, hard stop and non-request, combined with order references, introductions, distractor figures and channel habits. Generated by scripts/language/generate-corpus.ts (seeded).",
      messages,
    },
    null,
    1,
  )}\n`,
);
console.log(`wrote ${messages.length} messages to ${path.relative(process.cwd(), file)}`);

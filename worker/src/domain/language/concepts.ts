import { stem, words, type Token } from "./tokens";

/**
 * The vocabulary of support, as concepts: each is the many ways people say one thing ("money
 * back", "reimburse", "refund"). Patterns are written in plain words and stemmed like messages, so
 * "reimbursed" and "reimbursing" match "reimburse". In a pattern, `a|b` is a choice of word, `*`
 * skips up to three words and `**` up to six (never across a sentence).
 *
 * A choice of several words is written as separate patterns ("no one", "nobody"): the choices in
 * a slot are single words.
 *
 * These are words and short phrases, never whole sentences: what generalises is the vocabulary,
 * and the classifier trained on the corpus weighs it.
 */
export const CONCEPTS = {
  refund: [
    "refund|refunds|refunded|refunding",
    "reimburse|reimbursed|reimbursement",
    "money back",
    "my money",
    "cash back",
    "pay me back",
    "paid back",
    "repay",
    "credit * card|account back",
    "credit back",
    "give|get|send|want|need * money back",
    "return * money",
    "compensation|compensate",
    "store credit",
    "the difference",
  ],
  replace: [
    "replacement|replacements",
    "replace",
    "new one",
    "new ones",
    "another one",
    "a working one",
    "the right one",
    "the right ones",
    "fresh one",
    "send * again",
    "resend|reship|redeliver",
    "re send|ship|deliver",
    "send * another",
    "send * new",
    "send * missing",
    "send * right",
    "send|post|ship * one|them * out",
    "send|post|ship * missing",
    "missing * send|post|ship",
    "send * one * works|working",
    "ship * another|new",
    "swap * for * new",
  ],
  damaged: [
    "damage|damaged",
    "break|broken|broke",
    "crack|cracked",
    "shatter|shattered|smash|smashed",
    "dent|dented|scratch|scratched|chip|chipped",
    "torn|tear|rip|ripped|crush|crushed|bent|squashed",
    "stain|stained|dirty|mouldy|moldy",
    "in pieces",
    "fell apart",
    "leak|leaking|leaks",
    "missing part|parts|piece|pieces",
  ],
  defective: [
    "defect|defective|faulty|fault",
    "not work|working|function|turn|charge|heat|start|power|switch",
    "stop|stopped work|working|heating|charging|functioning",
    "quit working",
    "dead|died",
    "malfunction|malfunctioning",
    "will not turn|switch|power|start|charge",
    "broke down",
    "no longer work|works|working",
  ],
  wrong_item: [
    "wrong item|size|colour|color|product|thing|one|model|order|finish|version",
    "not what i ordered",
    "not the * i ordered",
    "sent * wrong",
    "different item|product|one * than",
    "instead of the",
  ],
  send_back: [
    "return|returning|returned",
    "send * back",
    "sent * back",
    "ship * back",
    "take * back",
    "post * back",
    "mail * back",
    "return label|slip",
    "arrange * collection|pickup",
    "collect|pick * extra|them|it|up",
    "returns",
  ],
  exchange: [
    "exchange",
    "swap",
    "different size|colour|color|one",
    "bigger|smaller|larger size|one",
    "size up|down",
    "too small|big|large|tight|loose|short|long",
    "not fit|fits",
    "change * size|colour|color",
  ],
  where: [
    "where * order|package|parcel|delivery|stuff|item|items|it|box|shipment",
    "track|tracking",
    "arrive|arrival",
    "eta",
    "when * arrive|come|get|ship|here|deliver|delivered|expect|receive",
    "still wait|waiting",
    "wait * for",
    "not arrive|come|receive|get|show|shown|showed|turn|deliver|delivered|here|shipped|ship",
    "never arrive|came|come|receive|showed|turned|got",
    "late|delay|delayed",
    "lost",
    "status",
    "any news|update|updates",
    "in transit",
    "out for delivery",
    "dispatch|dispatched",
    "ship|shipped|shipping yet",
    "gets here",
    "chase|chasing|chased",
    "says|shows|showing|marked * delivered",
    "nothing * shown|showed|turned|arrived|come",
    "no update|updates|news",
    "been * days|weeks|week|month|ages",
    "said|supposed * be here|arrive|come|delivered",
    "calling|ringing|phoning|writing * about * order|parcel|delivery|package",
    "whether|if * order * placed|through|gone",
    "follow|following up",
    "meant|supposed * to * arrive|come|turn|here",
  ],
  // Tracking: asked for, it is about where an order is.
  tracking: ["track|tracking", "tracking number|link|code|info|details", "eta"],
  password: [
    "password|passcode|passwd",
    "log|logged|sign|signed in|into|on",
    "login|signin|logon",
    "locked out",
    "lock * out",
    "get into * account",
    "access * account",
    "reset * account|link|email",
    "forgot|forget|forgotten",
    "username",
    "two factor",
    "verification code|email",
  ],
  address: [
    "address",
    "ship|send|deliver|post|mail|bring|go * to * office|work|house|home|place|apartment|flat|mom|mum|parents|neighbour|neighbor|instead",
    "instead of",
    "rather than",
    "moved|moving|relocate|relocated",
    "new place|home|house|apartment|flat",
    "redirect|redirected|reroute|rerouted|forward",
    "re route",
    "different location|place|city",
    "where * goes|go|going|sent|delivered",
  ],
  change: [
    "change|changing|update|updating|correct|fix|edit|amend|modify",
    "instead",
    "rather",
    "new",
    "different",
    "wrong",
  ],
  warranty: [
    "warranty|warrantee|guarantee|guaranty|guarantees",
    "repair|repaired|fixed",
    "under cover",
    "covered",
    "manufacturer",
    "after * weeks|months|year|years|month|week",
    "only * months|weeks|year old",
  ],
  // A charge in the money sense; a battery's charge is read apart (below).
  chargeback: [
    "chargeback|chargebacks",
    "charge back",
    "claw back",
    "clawback",
    "section 75",
    "buyer protection",
  ],
  // The customer has gone, or will go, to the bank or card company about it.
  issuer_contact: [
    "call|calling|called|phone|phoned|phoning|ring|rang|ringing|contact|contacted|contacting|tell|told|telling|speak|spoke|talk|talked|talking|ask|asked|asking|notify|notified|email|emailed|involve|involving|raise|raised|report|reported|reporting ** bank|issuer|visa|mastercard|amex|paypal|klarna|provider|lender",
    "bank|issuer|visa|mastercard|amex|paypal|klarna|provider * involved",
  ],
  // Money taken again and again, or after the customer stopped it.
  unwanted_charging: [
    "stop|keep|kept|still charging|billing|debiting|deducting",
    "stop|keep|kept|still taking * money|payment|payments",
    "keep|kept|still taking * every|each|monthly|weekly",
    "charged|billed|debited|taken * after * cancel|cancelled|canceled|cancelling|unsubscribe|unsubscribed",
    "stop taking money",
  ],
  issuer: [
    "bank|banks",
    "card company|issuer|provider|people",
    "credit card",
    "visa|mastercard|amex|paypal|klarna|afterpay|revolut|monzo|barclays|barclaycard|hsbc|natwest|lloyds|santander|halifax|nationwide|citi|citibank|starling|venmo|zelle",
    // Banks whose names are everyday words ("chase", "discover") only with their word for bank.
    "chase|discover bank|card|cards",
    "wells fargo",
    "capital one",
    "bank of america",
    "apple pay",
    "google pay",
    "american express",
    "credit union",
    "payment provider",
    "building society",
  ],
  // Contesting a payment, in words that say so on their own.
  contest: [
    "dispute|disputed|disputing|disputes",
    "contest|contested|contesting",
    "reverse|reversed|reversing|reversal",
    "claim|claimed|claiming * it|money|payment|charge * back",
    "direct debit guarantee|indemnity",
    "dd guarantee|indemnity",
  ],
  // Where a refund should land: the bank as a destination, not a party to a dispute.
  to_account: [
    "to|into|onto my|the|our bank|account|card|paypal|wallet|revolut|monzo|visa",
    "back to|onto|into my|the bank|account|card|paypal|wallet",
    "to my|the bank|card account",
  ],
  // The customer stopped the card the money went from.
  card_blocked: [
    "freeze|froze|frozen|block|blocked|cancel|cancelled|canceled|stop|stopped|report|reported * card|cards",
    "card|cards * frozen|blocked|stopped|reported|locked",
  ],
  // Words that contest a payment only when a bank or card company is the one doing it.
  contest_weak: [
    "claim|claims",
    "challenge|challenged",
    "block|blocked|stop|stopped|cancel|cancelled * payment|charge|transaction",
    "investigate|investigation|investigating|enquiry|inquiry",
    "recover|recovering",
    "take * back",
    "get|getting * back",
    "pull|pulling|pulled * back",
    "step in",
    "intervene|intervened|intervening",
    "involved",
    "take it up",
    "escalate|escalated",
    "report|reported|reporting",
    "flag|flagged",
    "case",
  ],
  charge: [
    "charge|charged|charges|charging",
    "payment|payments",
    "transaction|transactions",
    "debit|debited",
    "bill|billed|billing",
    "took|take|taken * money",
    "money",
    "statement",
    "purchase",
    "on|to my|her|his|our|the card",
    "invoice|invoiced|invoices|fee|fees|amount",
    "subscription|subscriptions|membership|renewal",
    "direct debit",
    "standing order",
    "every month|week|year",
    "dollar|dollars|quid|bucks|euro|euros|pound|pounds|usd|eur|gbp",
  ],
  battery: [
    "hold|holds|holding * charge",
    "charging|charger|charge * cable|port|dock|battery|station",
    "not|stopped|stop|will charge|charging",
    "battery|batteries",
  ],
  unauthorised: [
    "unauthorised|unauthorized",
    "not|never authorise|authorize|authorised|authorized|approve|approved|agree|agreed|allow|allowed|consent|consented",
    "not|never make|made * payment|purchase|charge",
    "not recognise|recognize",
    "without * permission|consent|approval|authorisation|authorization",
    "nobody|noone * signed|authorised|authorized|agreed|approved|ordered|bought",
    "not even have|got * account",
    "never|not shopped|ordered|bought * from|with you|here",
    "no one * signed|authorised|authorized|agreed|approved|ordered|bought",
    "never|not signed|sign up",
    "not|never subscribe|subscribed",
    "unknown|unrecognised|unrecognized|mystery|random|strange|weird * charge|payment|transaction",
  ],
  // Money taken twice; "twice" alone ("I've asked twice") is not.
  double: [
    "charged|billed|debited|taken|paid|charge|charges|payment|payments|transaction * twice|double|doubled|duplicate",
    "twice|double|duplicate|duplicated * charged|billed|charge|charges|payment|payments|transaction|transactions",
    "two|2 charges|payments|transactions",
    "two|2 times * charge|charges|charged|payment|payments",
    "charged|billed|debited * two|2 times",
    "charged|billed|debited|taken again",
    "extra charge",
    "overcharge|overcharged",
    "charged * more than",
  ],

  fraud: [
    "fraud|fraudulent|scam|scammed|scammer|scammers",
    "stolen card",
    "identity theft",
    "stole|steal|stealing|theft|robbed|robbing * money|my",
  ],
  // The customer speaks of a dispute in general or as settled, not as one under way.
  hypothetical: [
    "what happens|happen * if|when",
    "if someone|somebody|a|customers|people|you|i|we|anyone",
    "policy on|about|for|regarding",
    "your policy",
    "just asking",
    "in general",
    "do you ban|close|block|cancel|suspend",
  ],
  resolved: [
    "been|all|now|got|get sorted|resolved|settled|fine",
    "sorted|resolved|settled now|it|that|everything",
    "genuine|legit|legitimate",
    "pre authorisation|authorization|auth",
    "preauthorisation|preauthorization|preauth",
    "dropped|fell off",
    "confirmed|said|told|replied|answered * was me",
    "closed|dropped|withdrew|withdrawn|cancelled * case|claim|dispute|enquiry|inquiry|chargeback",
    "all good",
    "no longer * needed|necessary|problem|issue",
    "was legit|legitimate|fine|correct|right",
    "right amount",
    "never mind",
  ],
  account: ["account|profile", "login|logins", "log in", "sign in", "email address"],
  someone: [
    "someone|somebody|stranger|hacker|hackers|anyone|anybody",
    "some one",
    "another person",
    "other person",
    "not me",
    "was not me",
    "not by me",
    "none of it|them|this|that * mine",
    "somewhere else",
    "was asleep|sleeping",
    "not trying to log|sign",
    "never logged|signed",
    "another country|device|location|city|state",
  ],
  // Someone inside an account: getting in, using it, changing it, ordering on it.
  intrusion: [
    "in|into my * account|profile",
    "in there",
    "got|get|getting in",
    "account|profile * accessed|used|entered|changed|altered",
    "access|accessed|accessing * account|profile",
    "using|used|use * account|login|details|password|profile",
    "logged|signed in|into|on",
    "change|changed|changing|reset|switch|switched * password|email|phone|number|address|details|name|card|pin|default",
    "password|email|name|number|card|address|details|phone|default * change|changed|reset|switched|altered|updated|removed",
    "points|credit|balance|voucher|vouchers * gone|used|spent|disappeared|missing|vanished",
    "went on * order",
    "order|ordered|bought|buying|buy * on|off|from|with|through|using * account",
    "new sign in",
    "new login",
    "sign in|on * from",
    "log in|on * from",
    "login|logins * from",
  ],
  // Someone other than the customer doing things to or with the account.
  someone_did: [
    "someone|somebody|stranger|hacker|hackers * change|changed|changing|reset|used|using|accessed|accessing|bought|buying|logged|spent|spending",
    "someone|somebody|stranger|hacker|hackers * got|get|gotten|been|broke|broken in|into",
    "who * accessed|logged",
    "who else",
    "not made|placed|done|ordered|authorised|authorized by me",
  ],
  // A detail on the account that is not the customer's.
  foreign_detail: [
    "new email|phone|number|address|card * not mine",
    "someone|somebody else * name|email|number|address|details|card",
    "not mine",
    "not my card|email|number|address|phone|name|details",
    "never heard of",
    "their address|email|number",
  ],
  // The customer asks for the account to be shut against someone.
  secure_account: [
    "freeze|secure|suspend|block * account|it|profile",
    "lock my|the account|profile",
    "lock it",
    "shut * down",
  ],
  hacked: [
    "hack|hacked|hacking",
    "compromise|compromised",
    "taken over",
    "take over",
    "took over",
    "broke into",
    "broken into",
    "phish|phishing",
    "pretending to be me",
    "say|said|saying|claim|claimed|claiming * they * me",
    "posing as me",
    "pretending|pretended|posing * to be|as",
    "sim swap|swapped|swapping",
    "moved|ported|stole|took * my number",
    "impersonate|impersonating|impersonated|impersonation",
    "steal|stole|stolen * account|password|details|identity|login",
    "account * breach|breached",
  ],
  credentials: [
    "change|changed|switch|switched * password|email|phone|number|address|addresses|details|pin|default",
    "reset|resets * password",
    "password|email|address|default * change|changed|reset|switched",
    "add|added * address|card|device|email",
  ],
  not_mine: [
    "not place|placed|make|made * order|orders|purchase|purchases|this|that|these|them|it|any",
    "never place|placed|make|made * order|orders|purchase|purchases|this|that|these|them|it|any",
    "not recognise|recognize * order|orders|purchase|purchases|login|activity|device|address",
    "unknown|unrecognised|unrecognized|suspicious|strange|unusual|weird login|logins|activity|device|orders|order|purchases|sign",
    "without my * knowledge|permission",
    "not by me",
    "order|orders|purchase|purchases|login|logins|charge|charges|device|address ** not recognise|recognize",
    "order|orders|purchase|purchases|login|logins * never|not made|placed|did",
    "that|which * never|not made|placed|ordered|bought|authorised|approved",
    "nobody|noone * approved|authorised|authorized|placed|made|ordered",
    "no one * approved|authorised|authorized|placed|made|ordered",
    "never|not bought|ordered|purchased|made * gift|these|this|that|it|them|anything",
    "not bought|ordered|purchased anything",
    "never sent|transferred|moved|gave * anyone|anybody|anything",
    "not do|make|place|made|placed * any|those|these * orders|order|purchases",
  ],
  // The customer says they did not make a change to their account that was made.
  not_me_change: [
    "did|have|has|had not change|changed|reset|touch|touched|update|updated|add|added",
    "did not do|request|requested this|that|it",
    "but i|we have|had|did not",
    "never change|changed|reset|touch|touched|update|updated|add|added",
  ],
  medical: [
    "medical|medicine|medication|medications|meds|drug|drugs",
    "pill|pills|tablet|tablets|capsule|capsules|gummies|gummy",
    "dose|dosage|doses|overdose",
    "pregnant|pregnancy|breastfeeding|nursing",
    "allergy|allergic|allergies",
    "side effect|effects",
    "doctor|pharmacist|prescription|prescribed|gp",
    "blood pressure",
    "blood thinner|thinners",
    "heart condition",
    "diabetes|diabetic|asthma|epilepsy|epileptic|eczema|seizure|seizures|migraine|migraines",
    "pacemaker|chemo|chemotherapy|coeliac|celiac|thyroid|kidney|liver|immune",
    "arthritis|sciatica|herniated|physio|physiotherapist|surgery|injury|injured|osteoporosis",
    "dentist|dental|orthodontist|braces",
    "my|her|his condition",
    "feel|felt|feeling|made * sick|ill|dizzy|nauseous|faint",
    "chest|stomach|head pain|ache",
    "in pain",
    "headache|headaches|nausea|vomiting|numbness|numb|tingling",
    "hospital|er",
    "cholesterol|lithium|bipolar|depression|adhd|antidepressant|pacemaker",
    "laxative|laxatives|contraception|contraceptive|sertraline|fluoxetine|citalopram|levothyroxine|metformin|statin|statins|chemo",
    "the pill",
    "dvt|clot|clots|stroke|surgery|stitches|wound|wounds",
    "on * medication|meds|pills|tablets",
    "skin|face|lips|eyes * burning|red|raw|sore|blistered|peeling|swollen|itchy|stinging",
    "rash|rashes|hives|swelling|itching|itchy|blister|blisters",
    "symptom|symptoms",
    "ibuprofen|paracetamol|aspirin|antibiotics|antibiotic|tylenol|advil|antihistamine|antidepressant|antidepressants|insulin|warfarin|steroid|steroids|inhaler",
    "supplement|supplements|vitamin|vitamins|melatonin|magnesium|probiotic|probiotics|cbd|caffeine",
    "swallow|swallowed|ingest|ingested",
    "alcohol|painkiller|painkillers|sedative|sedatives|antacid|antacids",
    "sleep aid|aids|tablets|pills",
    "toddler|baby|infant|newborn|child|kid|son|daughter * eat|ate|take|took|swallow|swallowed|use|drink|drank",
    "poison|poisoning|toxic",
    "skin * burn|burned|burnt|red|reaction|patch",
  ],
  child: [
    "son|daughter|kid|kids|child|toddler|baby|infant|newborn|grandson|granddaughter",
    "little one",
  ],
  ingested: [
    "ate|eaten|swallow|swallowed|ingest|ingested|drank|drunk|licked|chewed|chewing",
    "in * mouth",
    "got hold of",
    "got into",
  ],
  // The customer says outright they want no advice, only something done.
  // The customer says they did it themselves: no intruder.
  it_was_me: ["that|it|this be me", "change|changed|did|done|reset|updated|update * myself"],
  // The customer says they will not take it to their bank.
  no_dispute_wanted: ["not want|going|planning|intending|looking ** chargeback|dispute|claim|bank"],
  no_advice_wanted: [
    "not asking|looking|after|wanting * advice",
    "no advice",
    "not asking you for",
  ],
  // Going to law: asked about, it is legal advice.
  safety_ask: [
    "safe|unsafe|dangerous|harmful|toxic",
    "too strong",
    "ok|okay|alright|fine for him|her|them|baby|child|kid|kids",
  ],
  legal_action: [
    "what * law * say|says",
    "legally * can|allowed|have|must",
    "sue|suing|lawsuit",
    "lawyer|lawyers|attorney|solicitor|counsel",
    "court|tribunal",
    "small claims",
    "take * to court",
    "liable|liability",
    "trading standards",
    "ombudsman",
  ],
  legal: [
    "legal|legally",
    "my rights",
    "consumer rights",
    "consumer law",
    "contract|contracts|terms and conditions",
  ],

  financial: [
    "invest|investing|investment|investments|investor",
    "financial advice",
    "financial planning",
    "stocks|crypto|bitcoin|bullion",
    "stock market",
    "shares in",
    "retirement|pension",
    "savings|mortgage|debt|debts|loan|loans",
    "index fund",
    "credit score|rating|file",
    "ccj|bankruptcy|bankrupt|overdraft|arrears",
    "approved|accepted for * finance|credit|loan",
  ],
  tax_advice: [
    "as|business|claim * expense|expenses",
    "self assessment",
    "reclaim * vat|tax|gst",
    "claim back * vat|tax|gst",
    "should i|we * charging|charge|pay|declare * vat|tax|gst",
    "i|we should * charging|charge|pay|declare * vat|tax|gst",
    "deduct|deductible|deduction|deductions",
    "write off",
    "tax return|relief|deductible|deduction|advice",
    "claim * on * tax|taxes",
    "pay|owe|declare * tax|vat|gst on",
    "vat|tax exemption|exempt|free",
  ],

  advice_ask: [
    "safe|unsafe|dangerous|harmful",
    "should i|we",
    "can i|we|my|she|he take|give|use|eat|drink|mix|combine|apply|put|have",
    "is it ok|okay|fine|alright|bad",
    "is that ok|okay|fine|alright|bad",
    "advice|advise|recommend|recommended|suggest|suggested",
    "what|which|how * dose|dosage|amount",
    "how much * take|give|use",
    "too much|many",
    "what * do",
    "will it * hurt|harm",
    "help or harm",
    "would|will|could i|we win",
    "what are my",
    "have * case",
    "worth * suing|it",
    "better option",
    "better off",
    "would i|we be better",
    "good idea",
    "sensible|wise thing",
    "do you reckon",
    "where i stand",
    "entitled",
    "grounds",
    "know if|whether",
    "wondering if|whether",
    "ok|okay|safe|fine|alright for me|her|him|my|us|them",
    "would|will i|she|he react",
    "how much * put|apply|rub|spray",
    "how many times * day",
    "good|wise|smart|bad|safe investment",
    "is it|this|that * legal for|to",
    "what are my",
    "do i have to",
    "need * antibiotics|medicine|doctor|hospital|gp",
    "see * doctor|gp|someone|somebody",
    "go to * hospital|doctor|er",
    "same time",
    "how many * can|should|have|take",
    "will i|she|he|it be * ok|okay|fine|safe|alright",
    "ok|okay|safe|fine to use|take|wear|eat|drink|apply",
    "mess with|affect|interfere",
    "can you|u use|take|apply",
    "could|can|will|does|did * stop|affect|interfere * working",
    "do i|we need",
    "way out",
    "get out of",
    "am i|are we allowed",
    "is it allowed",
    "required to",
    "obliged",
    "interact|interaction|interfere|mix|react * with",
    "can i|we deduct|claim|write",
    "keep|continue|still * using|use|taking|take",
  ],
  policy: [
    "your * warranty|warranties|returns|window|guarantee",
    "return window",
    "do|does * cover|covers",
    "policy|policies",
    "how long * do|does|will|is|take|takes",
    "how many days",
    "do you ship|offer|accept|deliver|do|have",
    "in general",
    "opening|open|hours|closed",
    "shipping time|times|cost|costs|fee|fees",
    "free shipping|returns",
    "international",
    "what is your",
    "terms",
  ],
  greeting: [
    "hi|hello|hey|hiya|yo|howdy",
    "good morning|afternoon|evening",
    "thank|thanks|cheers|appreciate",
    "ok|okay|great|cool|perfect|awesome|nice|brilliant|lovely",
    "bye|goodbye",
    "are you * bot|human|real|robot|person|ai",
    "how are you",
  ],
  // What the customer thanks us for or reports as done: an acknowledgement, not a request.
  done: [
    "came|come through|thru",
    "arrived|came|received * thank|thanks|cheers|perfect|lovely|great",
    "arrived|received|got * fine|safely|perfect|perfectly|condition|today|ok|okay",
    "thank|thanks * for * refund|replacement|help|fixing|sorting",
    "was me",
    "no action needed",
    "nothing wrong",
    "just letting you know",
    "just to let you know",
    "just mentioning",
    "all good",
    "everything * ok|okay|fine|good|sorted",
  ],
  // Words that ask for something.
  asking: [
    "please|pls|plz",
    "can|could|would you|u",
    "need|want|like",
    "when|where|how|why",
    "help",
  ],
  trouble: ["problem|issue|issues|trouble|help|wrong|mess|messed|error|question"],
} as const;

export type ConceptName = keyof typeof CONCEPTS;

/** A concept found in a message, and whether a negation governs it ("not a refund"). */
export interface ConceptHit {
  concept: ConceptName;
  negated: boolean;
  /** Token positions the match spans. */
  start: number;
  end: number;
}

type Slot = { gap: 0 | 3 | 6 } | { stems: Set<string> };
interface Pattern {
  slots: Slot[];
  /** The pattern spells out its own negation ("not work"): its match is not negated by it. */
  ownNegation: boolean;
}

const NEGATION_WORDS = new Set(["not", "never", "no", "without"]);

function compile(pattern: string): Pattern {
  const slots: Slot[] = pattern.split(" ").map((part) => {
    if (part === "*") return { gap: 3 };
    if (part === "**") return { gap: 6 };
    // Each choice may itself be two words ("log in" is written "log in"); a slot takes one token.
    return { stems: new Set(part.split("|").map((w) => stem(words(w)[0]?.word ?? w))) };
  });
  const first = pattern.split(" ")[0]!.split("|");
  return { slots, ownNegation: first.some((w) => NEGATION_WORDS.has(w)) };
}

// Two-word choices inside a slot are written as separate words in the pattern text, so a phrase
// like "log in" is the pattern "log in"; compiling splits on spaces only.
const COMPILED: [ConceptName, Pattern][] = (
  Object.entries(CONCEPTS) as [ConceptName, readonly string[]][]
).flatMap(([name, patterns]) => patterns.map((p) => [name, compile(p)] as [ConceptName, Pattern]));

function matchAt(tokens: Token[], slots: Slot[], start: number): number | null {
  let i = start;
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s]!;
    if ("gap" in slot) {
      const next = slots[s + 1];
      if (!next || "gap" in next) return null;
      // Find the next slot's word within the gap, not across a sentence (or a clause, for `*`).
      let found = -1;
      for (let k = i; k <= i + slot.gap && k < tokens.length; k++) {
        if (next.stems.has(tokens[k]!.stem)) {
          found = k;
          break;
        }
        const b = tokens[k]!.boundaryAfter;
        if (b === "sentence" || (b === "clause" && slot.gap === 3)) break;
      }
      if (found === -1) return null;
      i = found + 1;
      s++;
      continue;
    }
    const token = tokens[i];
    if (!token || !slot.stems.has(token.stem)) return null;
    // Consecutive words of a phrase stay within one sentence.
    if (s < slots.length - 1 && token.boundaryAfter === "sentence") return null;
    i++;
  }
  return i;
}

/** Every concept the tokens express, longest match first at each position. */
export function findConcepts(tokens: Token[]): ConceptHit[] {
  const hits: ConceptHit[] = [];
  const seen = new Set<string>();
  for (let start = 0; start < tokens.length; start++) {
    for (const [concept, pattern] of COMPILED) {
      const end = matchAt(tokens, pattern.slots, start);
      if (end === null) continue;
      const negated = pattern.ownNegation ? false : tokens[start]!.negated;
      const key = `${concept}:${negated}:${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push({ concept, negated, start, end });
    }
  }
  return hits;
}

/** Every word the concepts are written in: the vocabulary worth repairing typos towards. */
export function conceptWords(): string[] {
  const all = new Set<string>();
  for (const patterns of Object.values(CONCEPTS))
    for (const p of patterns)
      for (const part of p.split(" "))
        for (const w of part.split("|")) if (/^[a-z]+$/.test(w)) all.add(w);
  return [...all];
}

/**
 * Each way a concept is written, as a short phrase (the first word of each choice, gaps left
 * out): "give money back", "tracking", "return label". Training reads them as examples of the
 * workflow the concept names, so the dictionary itself teaches the classifier.
 */
export function conceptPhrases(concept: ConceptName): string[] {
  return CONCEPTS[concept].map((p) =>
    p
      .split(" ")
      .filter((part) => part !== "*" && part !== "**")
      .map((part) => part.split("|")[0])
      .join(" "),
  );
}

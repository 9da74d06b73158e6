/** The eight workflows (DESIGN §11). */
export const WORKFLOW_IDS = [
  "refund",
  "replacement",
  "return_exchange",
  "order_status",
  "password_reset",
  "address_change",
  "warranty_claim",
  "billing_dispute",
] as const;
export type WorkflowId = (typeof WORKFLOW_IDS)[number];

/** Ordered: the first that matches wins, so a dispute is never read as a refund request. */
const INTENTS: [WorkflowId, RegExp][] = [
  [
    "billing_dispute",
    /\b(charge ?back|disputed? (?:the|a|this) (?:charge|payment|transaction)|dispute with my bank|unauthori[sz]ed (?:charge|payment|transaction)|charged (?:me )?twice|double[- ]charged|billed (?:me )?twice|stop charging me|fraudulent charge)\b/i,
  ],
  [
    "password_reset",
    /\b(reset (?:my )?password|forgot (?:my )?password|can'?t (?:log|sign) ?in|locked out|password reset)\b/i,
  ],
  [
    "address_change",
    /\b(change (?:the |my )?(?:shipping |delivery )?address|update (?:the |my )?(?:shipping |delivery )?address|ship (?:it )?to (?:a )?(?:different|new) address|deliver (?:it )?to (?:a )?(?:different|new)|ship to my office)\b/i,
  ],
  ["warranty_claim", /\b(warranty|guarantee (?:claim|repair))\b/i],
  ["refund", /\b(refund|money back|reimburse(?:ment)?|pay me back)\b/i],
  [
    "replacement",
    /\b(replacement|replace (?:it|the|my)|send (?:me )?(?:a )?new one|arrived (?:damaged|broken|cracked)|is (?:damaged|broken|cracked))\b/i,
  ],
  [
    "return_exchange",
    /\b(return (?:it|them|the|this|these|my|an?|order)|(?:want|like|need) to return|can i return|exchange|swap (?:it|for)|send (?:it|them) back|return label)\b/i,
  ],
  [
    "order_status",
    /\b(where is (?:my|the) (?:order|package|parcel|delivery)|where'?s my|track(?:ing)?|order status|status of (?:my )?order|hasn'?t arrived|not arrived|still waiting|when will (?:it|my order) (?:arrive|ship|come)|has it shipped|shipped yet|says processed|where is my)\b/i,
  ],
];

export function classifyIntent(text: string): WorkflowId | null {
  return INTENTS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

/** Reasons a person must take over, detected in what the customer wrote (DESIGN §5). */
export type HardStopCode =
  | "suspected_takeover"
  | "payment_dispute"
  | "sensitive_change_unverified"
  | "regulated_advice"
  | "repeated_failed_verification"
  | "tool_outage";

const TAKEOVER =
  /\b(someone (?:else )?(?:has|got|is using) (?:access to )?my account|my account (?:was|has been|got) (?:hacked|compromised|taken over)|i (?:didn'?t|did not) (?:place|make) (?:this|that) order|i didn'?t change my (?:password|email)|not me who)\b/i;
const REGULATED =
  /\b(medical advice|dosage|dose|(?:is it safe|can i|should i|can my \w+) (?:to |for \w+ to )?(?:take|eat|use|give)\b[^.?!]{0,60}\b(?:with|while|during|if)\b|allergic reaction|side effects?|pregnan(?:t|cy)|legal advice|sue you|lawyer|investment advice|tax advice)\b/i;

/** A payment dispute or chargeback, wherever in a workflow it comes up. */
export function detectPaymentDispute(text: string): boolean {
  return INTENTS[0]![1].test(text);
}

export function detectTakeover(text: string): boolean {
  return TAKEOVER.test(text);
}

export function detectRegulatedAdvice(text: string): boolean {
  return REGULATED.test(text);
}

/** Prompt-injection phrasing is recorded as a policy flag; it never changes what is permitted. */
export function detectInjection(text: string): boolean {
  return /\b(ignore (?:all |your |the )?(?:previous |prior )?instructions|you are now|system prompt|developer mode|act as (?:an? )?admin)\b/i.test(
    text,
  );
}

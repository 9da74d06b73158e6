import { z } from "zod";

/**
 * The journey format (DESIGN §11). Step payloads stay vendor-shaped; they are sent as written.
 * Keys marked "extension" are used by the project's own journeys; the public set does not need
 * them, and the public format is accepted unchanged.
 */
const Expect = z
  .object({
    ticket: z.string().optional(),
    session: z.string().optional(),
    thread: z.string().optional(),
    identity: z.enum(["unknown", "low", "medium", "high"]).optional(),
    workflow: z.string().optional(),
    missingExcludes: z.array(z.string()).optional(),
    missingIncludes: z.array(z.string()).optional(),
    riskFlags: z.array(z.string()).optional(),
    riskFlagsExclude: z.array(z.string()).optional(),
    control: z.enum(["ai", "human"]).optional(),
    candidates: z.number().int().optional(),
    // extensions
    step: z.string().optional(),
    /** The level the contact behind the ticket still needs for the thread's step, or "none". */
    contactNeeds: z.enum(["none", "unknown", "low", "medium", "high"]).optional(),
    handoff: z.string().optional(),
    replyIncludes: z.array(z.string()).optional(),
    replyExcludes: z.array(z.string()).optional(),
    /** The contact behind the ticket or session is unconfirmed (DESIGN §4), or is not. */
    unconfirmed: z.boolean().optional(),
  })
  // A misspelt expectation would otherwise be dropped and never judged.
  .strict()
  .refine(
    (e) => Boolean(e.ticket) !== Boolean(e.session),
    "an expectation names exactly one of ticket or session",
  );

export const Step = z.union([
  z.object({ channelEvent: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ zendeskEvent: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ suncoEvent: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ repeatLast: z.number().int().min(1) }).strict(),
  z
    .object({
      zendeskFails: z.object({
        status: z.number().int(),
        times: z.number().int().min(1),
        retryAfter: z.number().optional(),
      }),
    })
    .strict(),
  z.object({ expect: Expect }).strict(),
  z
    .object({ expectNotes: z.object({ ticket: z.string(), count: z.number().int().min(0) }) })
    .strict(),
  // extension: the customer types the one-time code they were sent (or a wrong one)
  z
    .object({
      customerEntersCode: z
        .object({
          conversation: z.string().optional(),
          ticket: z.string().optional(),
          requesterId: z.string().optional(),
          at: z.string(),
          wrong: z.boolean().optional(),
        })
        .refine(
          (c) => Boolean(c.conversation) !== Boolean(c.ticket),
          "name exactly one of conversation or ticket",
        ),
    })
    .strict(),
  // extension: a person acts in the sidebar of a ticket
  z
    .object({
      humanActs: z.object({
        ticket: z.string(),
        action: z.string(),
        reason: z.string().optional(),
        method: z.string().optional(),
      }),
    })
    .strict(),
  // extension: the order system answers the next N reads with this status (an outage)
  z
    .object({ ordersFail: z.object({ status: z.number().int(), times: z.number().int().min(1) }) })
    .strict(),
  // extension: what the Sunshine Conversations stand-in received for a conversation
  z
    .object({
      expectSent: z.object({
        conversation: z.string(),
        count: z.number().int().min(0),
        contains: z.string().optional(),
      }),
    })
    .strict(),
]);
export type Step = z.infer<typeof Step>;
export type Expectation = z.infer<typeof Expect>;

export const Journey = z.object({
  name: z.string(),
  about: z.string().optional(),
  orders: z
    .object({
      customers: z.array(z.record(z.string(), z.unknown())),
      orders: z.array(z.record(z.string(), z.unknown())),
    })
    .optional(),
  zendesk: z
    .object({
      users: z
        .array(
          z.object({
            id: z.string(),
            name: z.string(),
            identities: z.array(
              z.object({ type: z.string(), value: z.string(), verified: z.boolean().optional() }),
            ),
          }),
        )
        .optional(),
      tickets: z
        .array(z.object({ id: z.string(), requester_id: z.string(), via: z.string() }))
        .optional(),
    })
    .optional(),
  steps: z.array(Step).min(1),
});
export type Journey = z.infer<typeof Journey>;

export const EXPECTATION_KINDS = [
  "thread",
  "identity",
  "workflow",
  "missingExcludes",
  "missingIncludes",
  "riskFlags",
  "riskFlagsExclude",
  "control",
  "candidates",
  "expectNotes",
  "step",
  "contactNeeds",
  "handoff",
  "reply",
  "expectSent",
  "humanActs",
  "unconfirmed",
] as const;
export type ExpectationKind = (typeof EXPECTATION_KINDS)[number];

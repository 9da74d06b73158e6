import { z } from "zod";
import { WORKFLOW_IDS } from "../../src/domain/intent";

/** The channel styles customers write in: each has its own habits (docs/agent.md, "Reading"). */
export const CHANNEL_STYLES = ["chat", "email", "voice", "whatsapp"] as const;

export const HARD_STOP_LABELS = [
  "payment_dispute",
  "suspected_takeover",
  "regulated_advice",
] as const;

/**
 * One labelled customer message. Labels describe what a careful support agent reads in the
 * message's own words: in an email, the new text and the signature, never the quoted history.
 */
export const LabelledMessage = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    channel: z.enum(CHANNEL_STYLES),
    text: z.string().min(1),
    /** request: wants something done; general_question: asks about policy; smalltalk; unclear. */
    kind: z.enum(["request", "general_question", "smalltalk", "unclear"]),
    /** What the customer wants done now: 0–2 workflows. */
    intents: z.array(z.enum(WORKFLOW_IDS)).max(2),
    hardStop: z.enum(HARD_STOP_LABELS).nullable(),
    slots: z
      .object({
        /** Canonical: no '#', upper case ("W4471210", "18422"). */
        order_ids: z.array(z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/)).optional(),
        /** The full name as the customer gave it ("Rosa Díaz"). */
        name: z.string().optional(),
        /** Upper case, no spaces. */
        zip: z
          .string()
          .regex(/^[A-Z0-9-]+$/)
          .optional(),
        email: z.string().email().optional(),
        /** E.164. */
        phone: z
          .string()
          .regex(/^\+\d{7,15}$/)
          .optional(),
        serial_number: z.string().optional(),
        /** The street line ("5 Pine Rd"). */
        address: z.string().optional(),
      })
      .strict(),
    style: z.array(z.string()).optional(),
  })
  .strict();
export type LabelledMessage = z.infer<typeof LabelledMessage>;

export const CorpusFile = z
  .object({ about: z.string(), messages: z.array(LabelledMessage) })
  .strict();
export type CorpusFile = z.infer<typeof CorpusFile>;

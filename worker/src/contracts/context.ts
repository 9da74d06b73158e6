import { z } from "@hono/zod-openapi";
import type { ContextView } from "../domain/context-view";
import { CHANNELS, TICKET_STATUSES } from "../domain/channel-event";
import { IDENTITY_LEVELS } from "../domain/identity-level";
import { WORKFLOW_IDS } from "../domain/intent";
import { SLOT_NAMES } from "../domain/slots";
import { SUMMARY_EDIT_CATEGORIES } from "../domain/thread-events";
import { UNCONFIRMED_REASONS } from "../domain/thread-state/state";

const Channel = z.enum(CHANNELS);
const Level = z.enum(IDENTITY_LEVELS);
const SignalKind = z.enum(["email", "phone", "order", "external_id", "zendesk_user", "name_zip"]);
const Link = z.object({ kind: z.enum(["session", "ticket"]), id: z.string() });
const Unconfirmed = z.enum(UNCONFIRMED_REASONS);

const Slot = z.enum(SLOT_NAMES);
const RiskFlag = z.enum([
  "identity_conflict",
  "verification_failed",
  "suspected_takeover",
  "payment_dispute",
  "regulated_advice",
  "sensitive_change_unverified",
  "tool_outage",
  "prompt_injection",
]);
const TimelineKind = z.enum([
  "contact",
  "channel_switch",
  "message",
  "artifact",
  "ticket",
  "control",
  "verification",
  "risk",
  "candidates",
  "workflow",
  "agent",
]);

export const WorkflowSchema = z
  .object({
    id: z.enum(WORKFLOW_IDS),
    version: z.number().int(),
    title: z.string(),
    status: z.enum([
      "waiting_on_customer",
      "waiting_on_agent",
      "waiting_on_human",
      "done",
      "denied",
    ]),
    currentStep: z.string().nullable(),
    stepNumber: z
      .number()
      .int()
      .openapi({ description: "1-based position of the current step: Step 3 of 5." }),
    stepCount: z.number().int(),
    steps: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(["collect", "verify", "check", "inform", "approval", "human"]),
        executor: z.enum(["ai", "human", "approval"]),
        minLevel: Level,
        requires: z.array(Slot),
        waitsOnCustomer: z.boolean(),
        consequential: z.boolean(),
        status: z.enum(["done", "current", "pending", "denied"]),
        outcome: z.string().optional(),
      }),
    ),
    missing: z
      .array(Slot)
      .openapi({ description: "Slots the current step still needs from the customer." }),
    actions: z.array(
      z.object({
        action: z.enum([
          "continue",
          "approve",
          "deny",
          "request_verification",
          "hand_back",
          "take_over",
        ]),
        permitted: z.boolean(),
        reason: z.string().optional(),
        reasonCode: z.enum(["identity_level", "already_verified"]).optional().openapi({
          description: "Which rule refuses the action, for the app to say in its language.",
        }),
        needs: Level.optional().openapi({
          description: "With identity_level: the level the action needs.",
        }),
      }),
    ),
    contactNeeds: Level.nullable().openapi({
      description:
        "The identity level the contact behind this ticket or session still needs for the step the thread is at (the steps show where the thread stands, whoever moved it); null when nothing holds them back.",
    }),
  })
  .openapi("Workflow");

export const HandoffSchema = z
  .object({
    version: z.literal(1),
    thread: z.object({ id: z.string(), status: z.string(), openedAt: z.string() }),
    tickets: z.array(z.object({ id: z.string(), channel: Channel, status: z.string().nullable() })),
    sessions: z.array(z.object({ id: z.string(), channel: Channel })),
    customer: z.object({
      customerId: z.string().nullable(),
      level: Level,
      identifiers: z.array(z.string()),
      verification: z
        .object({
          method: z.string(),
          passedAt: z.string(),
          expiresAt: z.string(),
          expired: z.boolean(),
        })
        .nullable(),
      conflict: z.string().nullable(),
      unconfirmed: Unconfirmed.optional(),
    }),
    category: z.enum(WORKFLOW_IDS).nullable(),
    statement: z.string(),
    timeline: z.array(z.object({ at: z.string(), text: z.string() })),
    steps: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.string(),
        by: z.string().optional(),
        outcome: z.string().optional(),
      }),
    ),
    artifacts: z.array(
      z.object({ kind: z.string(), url: z.string(), channel: Channel, at: z.string() }),
    ),
    preferences: z.object({
      language: z.string(),
      channel: Channel.nullable(),
      channels: z.array(Channel),
    }),
    sentiment: z.enum(["frustrated", "neutral"]),
    riskFlags: z.array(z.object({ flag: z.string(), reason: z.string() })),
    consent: z.object({
      recording: z.enum(["granted", "denied", "unknown"]),
      dataUse: z.enum(["granted", "denied", "unknown"]),
    }),
    current: z.object({
      step: z.string().nullable(),
      stepTitle: z.string().nullable(),
      missing: z.array(Slot),
      nextBestAction: z.string(),
    }),
    handoff: z.object({ code: z.string(), reason: z.string(), at: z.string() }).nullable(),
    summary: z.object({
      text: z.string(),
      source: z.enum(["generated", "edited"]),
      editedBy: z.string().nullable(),
    }),
  })
  .openapi("HandoffPayload");

export const SummarySchema = z
  .object({
    text: z.string().openapi({ description: "What the sidebar and the note show." }),
    source: z.enum(["generated", "edited"]),
    generated: z
      .string()
      .openapi({ description: "What Continuity wrote from the thread's fields." }),
    editedBy: z.string().nullable(),
    editedAt: z.string().nullable(),
    diffCategory: z
      .enum(SUMMARY_EDIT_CATEGORIES)
      .nullable()
      .openapi({ description: "What kind of correction the person made (the correction loop)." }),
  })
  .openapi("Summary");

export const ContextSchema = z
  .object({
    thread: z.object({
      id: z.string().openapi({ example: "THR-7K2M9QXA" }),
      status: z.enum(["open", "solved", "closed"]),
      customerId: z.string().nullable(),
      openedAt: z.string(),
      lastEventAt: z.string(),
    }),
    identity: z.object({
      level: Level,
      contactId: z.string(),
      channel: Channel,
      customerId: z.string().nullable(),
      identifiers: z.array(
        z.object({
          kind: SignalKind,
          masked: z.string().openapi({ example: "m***@example.com" }),
          matched: z.boolean(),
          source: z.string(),
        }),
      ),
      support: z
        .array(SignalKind)
        .openapi({ description: "Kinds of evidence that point at this customer alone." }),
      verification: z
        .object({
          method: z.string(),
          passedAt: z.string(),
          expiresAt: z.string(),
          expired: z.boolean(),
        })
        .nullable(),
      conflict: z
        .object({
          reason: z.enum(["contradicting_signals", "shared_identifier"]),
          signals: z.array(
            z.object({ kind: SignalKind, masked: z.string(), owners: z.array(z.string()) }),
          ),
        })
        .nullable(),
      candidates: z
        .array(z.string())
        .openapi({ description: "Customers a person should choose between." }),
      unconfirmed: Unconfirmed.optional().openapi({
        description:
          "Present while this contact is unconfirmed (DESIGN §4): tied to the customer by an order number alone (order_only), or by one that its other details contradict (conflicting). Its words are not the customer's and unlock nothing.",
      }),
    }),
    contacts: z.array(
      z.object({
        id: z.string(),
        channel: Channel,
        joinedAt: z.string(),
        level: Level,
        links: z.array(Link),
        unconfirmed: Unconfirmed.optional(),
      }),
    ),
    tickets: z.array(
      z.object({
        id: z.string(),
        channel: Channel,
        status: z.enum(TICKET_STATUSES).nullable(),
        assigneeId: z.string().nullable(),
        satisfaction: z
          .enum(["good", "bad"])
          .nullable()
          .openapi({ description: "The newest satisfaction rating (from the trigger template)." }),
        current: z.boolean(),
      }),
    ),
    sessions: z.array(
      z.object({
        id: z.string(),
        channel: Channel,
        current: z.boolean(),
        chatPage: z.boolean().openapi({
          description:
            "A conversation on the Worker's web chat page: the person who has the conversation can write into it (POST /v1/threads/{id}/chat-messages).",
        }),
      }),
    ),
    channels: z.array(Channel),
    timeline: z.array(
      z.object({
        at: z.string(),
        key: z.string(),
        kind: TimelineKind,
        channel: Channel.optional(),
        contactId: z.string().optional(),
        text: z.string(),
        cites: z
          .object({ title: z.string(), url: z.string() })
          .optional()
          .openapi({ description: "The Help Center article an AI answer relied on." }),
        unconfirmed: z.literal(true).optional().openapi({
          description:
            "The entry is about an unconfirmed contact; its words are marked as such, never as the customer's.",
        }),
      }),
    ),
    artifacts: z.array(
      z.object({
        kind: z.string(),
        url: z.string(),
        sha256: z.string().optional(),
        at: z.string(),
        channel: Channel,
      }),
    ),
    riskFlags: z.array(RiskFlag),
    risks: z.array(
      z.object({
        flag: RiskFlag,
        reason: z.string(),
        at: z.string(),
        contactId: z.string().optional(),
      }),
    ),
    candidates: z.array(
      z.object({
        threadId: z.string(),
        reason: z.enum([
          "same_order",
          "same_artifact",
          "open_thread",
          "reopen",
          "identity_conflict",
        ]),
        orderIds: z.array(z.string()).optional(),
        workflow: z.enum(WORKFLOW_IDS).nullable().optional().openapi({
          description: "What the other thread is about, when it has a workflow.",
        }),
        ticketId: z.string().nullable().optional().openapi({
          description: "The other thread's newest ticket, to open it.",
        }),
        openedAt: z.string().optional(),
        lastEventAt: z.string().optional(),
      }),
    ),
    control: z.enum(["ai", "human"]),
    workflow: WorkflowSchema.nullable(),
    slots: z.array(z.object({ name: Slot, value: z.string(), source: z.string(), at: z.string() })),
    verification: z.object({
      pending: z
        .object({
          contactId: z.string(),
          channel: Channel,
          expiresAt: z.string(),
          attemptsLeft: z.number().int(),
        })
        .nullable(),
      failures: z.number().int(),
    }),
    agent: z.object({
      handoff: z.object({ code: z.string(), reason: z.string(), at: z.string() }).nullable(),
      replies: z.array(
        z.object({
          at: z.string(),
          contactId: z.string(),
          channel: Channel,
          text: z.string(),
          delivery: z.enum(["draft", "messaging", "ticket_public"]),
          purpose: z.string(),
        }),
      ),
    }),
    handoff: HandoffSchema,
    summary: SummarySchema,
    linkedThreads: z
      .array(z.object({ threadId: z.string(), at: z.string(), by: z.string() }))
      .openapi({
        description: "Threads a person linked as the same issue; their history counts here.",
      }),
    rollout: z
      .object({ arm: z.enum(["continuity", "control"]), randomised: z.boolean() })
      .nullable()
      .openapi({ description: "The thread's rollout arm; null outside any rollout." }),
    dismissedCandidates: z
      .array(z.string())
      .openapi({ description: "Candidate threads a person said are a different issue." }),
    notes: z.array(
      z.object({
        id: z.string(),
        ticketId: z.string(),
        status: z.enum(["pending", "sent", "failed", "superseded"]),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        createdAt: z.string(),
        sentAt: z.string().nullable(),
      }),
    ),
    offset: z.number().int(),
    version: z.number().int(),
  })
  .openapi("Context");

// The handler returns the domain's view; this fails to compile if the two drift apart.
export type ContextContract = z.infer<typeof ContextSchema>;
const _sameShape: (view: ContextView) => ContextContract = (view) => view;
void _sameShape;

export const ThreadEventsSchema = z
  .object({
    threadId: z.string(),
    events: z.array(
      z.object({
        offset: z.number().int(),
        recordedAt: z.string(),
        event: z.record(z.string(), z.unknown()),
      }),
    ),
    nextAfter: z.number().int().openapi({ description: "Pass as `after` to read on." }),
    head: z.number().int().openapi({ description: "Offset of the newest event." }),
  })
  .openapi("ThreadEvents");

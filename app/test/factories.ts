import type {
  LinkedThread,
  Summary,
  ThreadContext,
  Workflow,
  WorkflowStep,
} from "../src/api/types";

type Identity = ThreadContext["identity"];

/** A refund at step 3 of 5: collected, verified, now waiting on the check. */
export function aWorkflow(overrides: Partial<Workflow> = {}): Workflow {
  const step = (
    id: string,
    title: string,
    status: WorkflowStep["status"],
    extra: Partial<WorkflowStep> = {},
  ): WorkflowStep => ({
    id,
    title,
    kind: "collect",
    executor: "ai",
    minLevel: "unknown",
    requires: [],
    waitsOnCustomer: false,
    consequential: false,
    status,
    ...extra,
  });
  return {
    id: "refund",
    version: 1,
    title: "Refund",
    status: "waiting_on_customer",
    currentStep: "collect_photos",
    stepNumber: 3,
    stepCount: 5,
    steps: [
      step("collect_order", "Collect the order number", "done", { requires: ["order_id"] }),
      step("verify", "Verify the customer", "done", { kind: "verify", minLevel: "medium" }),
      step("collect_photos", "Collect photos of the damage", "current", {
        requires: ["photos", "invoice"],
        waitsOnCustomer: true,
      }),
      step("approve", "Approve the refund", "pending", {
        kind: "approval",
        executor: "approval",
        minLevel: "high",
        consequential: true,
      }),
      step("inform", "Tell the customer", "pending", { kind: "inform" }),
    ],
    missing: ["photos", "invoice"],
    contactNeeds: null,
    actions: [
      { action: "continue", permitted: true },
      { action: "request_verification", permitted: true },
      { action: "take_over", permitted: true },
    ],
    ...overrides,
  };
}

export function anIdentity(overrides: Partial<Identity> = {}): Identity {
  return {
    level: "medium",
    contactId: "CON-1",
    channel: "email",
    customerId: "CUS-42",
    identifiers: [
      { kind: "email", masked: "m***@example.com", matched: true, source: "zendesk" },
      { kind: "order", masked: "#***4512", matched: true, source: "text" },
    ],
    support: ["email", "order"],
    verification: null,
    conflict: null,
    candidates: [],
    ...overrides,
  };
}

export function aSummary(overrides: Partial<Summary> = {}): Summary {
  return {
    text: "The kettle arrived cracked; the customer wants a refund.",
    source: "generated",
    generated: "The kettle arrived cracked; the customer wants a refund.",
    editedBy: null,
    editedAt: null,
    diffCategory: null,
    ...overrides,
  };
}

export function aLinkedThread(overrides: Partial<LinkedThread> = {}): LinkedThread {
  return { threadId: "THR-LINKED01", at: minutesAgo(30), by: "human:Ana", ...overrides };
}

export function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

export function minutesAhead(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}

/** A valid context for ticket 101 on thread THR-7K2M9QXA; override what a test is about. */
export function aContext(overrides: Partial<ThreadContext> = {}): ThreadContext {
  const identity = overrides.identity ?? anIdentity();
  const workflow = overrides.workflow === undefined ? aWorkflow() : overrides.workflow;
  return {
    thread: {
      id: "THR-7K2M9QXA",
      status: "open",
      customerId: identity.customerId,
      openedAt: minutesAgo(120),
      lastEventAt: minutesAgo(5),
    },
    identity,
    contacts: [
      {
        id: "CON-0",
        channel: "web_chat",
        joinedAt: minutesAgo(120),
        level: "low",
        links: [{ kind: "session", id: "WC-9931" }],
      },
      {
        id: "CON-1",
        channel: "email",
        joinedAt: minutesAgo(60),
        level: identity.level,
        links: [{ kind: "ticket", id: "101" }],
      },
    ],
    tickets: [
      {
        id: "101",
        channel: "email",
        status: "open",
        assigneeId: "7",
        satisfaction: null,
        current: true,
      },
      {
        id: "102",
        channel: "whatsapp",
        status: "solved",
        assigneeId: null,
        satisfaction: "bad",
        current: false,
      },
    ],
    sessions: [{ id: "WC-9931", channel: "web_chat", current: false, chatPage: false }],
    channels: ["web_chat", "email", "whatsapp"],
    timeline: [
      {
        at: minutesAgo(120),
        key: "e1",
        kind: "contact",
        channel: "web_chat",
        text: "Customer: my kettle arrived cracked",
      },
      {
        at: minutesAgo(60),
        key: "e2",
        kind: "channel_switch",
        channel: "email",
        text: "Switched from web chat to email",
      },
      {
        at: minutesAgo(10),
        key: "e3",
        kind: "agent",
        channel: "email",
        text: "AI agent: We will refund you within 5 days once we see photos.",
      },
    ],
    artifacts: [],
    riskFlags: [],
    risks: [],
    candidates: [],
    control: "ai",
    workflow,
    slots: [{ name: "order_id", value: "#***4512", source: "text", at: minutesAgo(100) }],
    verification: { pending: null, failures: 0 },
    agent: { handoff: null, replies: [] },
    handoff: {
      version: 1,
      thread: { id: "THR-7K2M9QXA", status: "open", openedAt: minutesAgo(120) },
      tickets: [
        { id: "101", channel: "email", status: "open" },
        { id: "102", channel: "whatsapp", status: "solved" },
      ],
      sessions: [{ id: "WC-9931", channel: "web_chat" }],
      customer: {
        customerId: identity.customerId,
        level: identity.level,
        identifiers: ["email m***@example.com"],
        verification: null,
        conflict: null,
      },
      category: "refund",
      statement: "The kettle arrived cracked; the customer wants a refund.",
      timeline: [{ at: minutesAgo(60), text: "Switched from web chat to email" }],
      steps: [{ id: "collect_order", title: "Collect the order number", status: "done" }],
      artifacts: [
        {
          kind: "photo",
          url: "https://files.example.com/kettle.jpg",
          channel: "email",
          at: minutesAgo(50),
        },
      ],
      preferences: { language: "en", channel: "email", channels: ["web_chat", "email"] },
      sentiment: "frustrated",
      riskFlags: [],
      consent: { recording: "unknown", dataUse: "unknown" },
      current: {
        step: "collect_photos",
        stepTitle: "Collect photos of the damage",
        missing: ["photos", "invoice"],
        nextBestAction: "Ask for photos of the damage and the invoice.",
      },
      handoff: null,
      summary: {
        text: "The kettle arrived cracked; the customer wants a refund.",
        source: "generated",
        editedBy: null,
      },
    },
    notes: [
      {
        id: "note:0a1b2c3d4e5f",
        ticketId: "101",
        status: "sent",
        attempts: 1,
        lastError: null,
        createdAt: minutesAgo(40),
        sentAt: minutesAgo(39),
      },
    ],
    offset: 12,
    version: 7,
    summary: aSummary(),
    linkedThreads: [],
    rollout: null,
    dismissedCandidates: [],
    ...overrides,
  };
}

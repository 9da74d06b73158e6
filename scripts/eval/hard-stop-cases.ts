import { readFileSync } from "node:fs";
import path from "node:path";
import type { ContextCards } from "../../worker/src/domain/agent/cards";
import { planAgentRun } from "../../worker/src/domain/agent/plan-run";
import type { ChannelEvent } from "../../worker/src/domain/channel-event";
import { planContact } from "../../worker/src/domain/contact-plan";
import type { HardStopCode } from "../../worker/src/domain/intent";
import { classifyIntent } from "../../worker/src/domain/language/read-message";
import type { ThreadEvent } from "../../worker/src/domain/thread-events";
import { project } from "../../worker/src/domain/thread-state";
import { ROOT } from "../lib/local-env";

interface Case {
  text: string;
  setup?: "identity_conflict" | "order_system_down" | "first_wrong_code" | "third_wrong_code";
  expected: HardStopCode | null;
}

const POLICY = { verificationTtlHours: 24 };
const AT = "2026-03-01T10:00:00.000Z";

function signal(kind: "email" | "order", owners: string[]) {
  return {
    kind,
    hash: `${kind}-hash-${owners.join("-")}`,
    masked: kind === "email" ? "m***@example.com" : "18422",
    owners,
    source: "channel" as const,
  };
}

/** A thread a labelled message lands on: a medium-identity chat, or the setup the case asks for. */
function threadFor(c: Case): { facts: ThreadEvent[]; version: number } {
  const event: ChannelEvent = {
    source: "channel",
    eventId: "case",
    occurredAt: AT,
    channel: "web_chat",
    sessionId: "WC-CASE",
    ticketId: "1",
    identifiers: [],
    artifacts: [],
    message: { author: "customer", text: c.text, public: true },
  };
  const signals =
    c.setup === "identity_conflict"
      ? [signal("email", ["C-1"]), signal("order", ["C-2"])]
      : [signal("email", ["C-1"]), signal("order", ["C-1"])];
  const facts = planContact({
    event,
    contactId: "session:WC-CASE",
    knownLinks: null,
    decision: { action: "new", reason: "no_open_thread", candidates: [] },
    signals,
    orderIds: ["18422"],
  });
  const extra: ThreadEvent[] = [];
  const put = (fact: Record<string, unknown>, i: number) =>
    extra.push({ key: `setup#${i}`, at: AT, group: "setup", part: i, ...fact } as ThreadEvent);
  if (c.setup === "first_wrong_code" || c.setup === "third_wrong_code") {
    put(
      {
        type: "verification.requested",
        contactId: "session:WC-CASE",
        channel: "web_chat",
        codeHash: "right",
        expiresAt: "2026-03-01T10:10:00.000Z",
        attempts: 3,
      },
      0,
    );
    if (c.setup === "third_wrong_code") {
      put({ type: "verification.failed", contactId: "session:WC-CASE", reason: "wrong_code" }, 1);
      put({ type: "verification.failed", contactId: "session:WC-CASE", reason: "wrong_code" }, 2);
    }
    const message = facts.find((f) => f.type === "message.received");
    if (message && message.type === "message.received") message.codeAttempt = "wrong";
  }
  return { facts: [...facts, ...extra], version: facts.length + extra.length };
}

/** Plan one agent run for each labelled message and compare the hard stop it calls. */
export function evaluateHardStops(
  file = path.join(ROOT, "worker/test/agent-cases/hard-stops.json"),
) {
  const { cases } = JSON.parse(readFileSync(file, "utf8")) as { cases: Case[] };
  const results = cases.map((c) => {
    const { facts, version } = threadFor(c);
    const state = project("THR-CASE", facts, POLICY);
    const cards: ContextCards = {
      account: {
        customerId: state.customerId,
        tier: "standard",
        level: state.contacts[0]?.resolution.level ?? "unknown",
        language: "en",
      },
      case: { tickets: [], openTickets: 1 },
      order:
        c.setup === "order_system_down"
          ? { status: "unavailable", orderId: "18422" }
          : {
              status: "found",
              order: {
                id: "18422",
                customerId: "C-1",
                status: "processed",
                placedAt: AT,
                items: [{ name: "Vase" }],
                shipments: [],
              },
            },
      risk: { failedVerifications: 0, conflict: c.setup === "identity_conflict", flags: [] },
      sources: ["eval"],
    };
    const plan = planAgentRun({
      state,
      version,
      messages: [
        {
          contactId: "session:WC-CASE",
          channel: "web_chat",
          text: c.text,
          at: AT,
          offset: 1,
          ...(c.setup?.endsWith("wrong_code") && { codeAttempt: "wrong" }),
        },
      ],
      cards,
      interpretation: { intent: classifyIntent(c.text), slots: {} },
      delivery: { conversationId: null, ticketId: "1" },
      autoReply: false,
      newCodeHash: "new",
      provider: "rules",
    });
    return { ...c, predicted: plan.decisions.hardStop };
  });
  const predicted = results.filter((r) => r.predicted !== null);
  const correct = predicted.filter((r) => r.predicted === r.expected);
  const expectedStops = results.filter((r) => r.expected !== null);
  const missed = expectedStops.filter((r) => r.predicted !== r.expected);
  return {
    cases: results.length,
    precision: predicted.length === 0 ? 1 : correct.length / predicted.length,
    recall:
      expectedStops.length === 0
        ? 1
        : (expectedStops.length - missed.length) / expectedStops.length,
    missed: missed.map((m) => ({ text: m.text, expected: m.expected, predicted: m.predicted })),
    falseStops: results
      .filter((r) => r.expected === null && r.predicted !== null)
      .map((r) => ({ text: r.text, predicted: r.predicted })),
  };
}

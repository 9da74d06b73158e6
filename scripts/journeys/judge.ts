import type { Expectation, ExpectationKind } from "./format";

/** The part of the context contract (DESIGN §11) that expectations read. */
export interface ContextReading {
  thread: { id: string };
  workflow: {
    id: string;
    missing: string[];
    currentStep: string | null;
    contactNeeds?: string | null;
  } | null;
  agent?: { handoff: { code: string } | null; replies: { text: string; contactId: string }[] };
  identity: { level: string; contactId?: string; unconfirmed?: string };
  riskFlags: string[];
  candidates: unknown[];
  control: string;
}

export interface Verdict {
  kind: ExpectationKind;
  ok: boolean;
  message: string;
}

/**
 * Judge one `expect` step. Thread labels bind on first sight: the same label must mean the same
 * thread id, and different labels different ids.
 */
export function judgeExpectation(
  expectation: Expectation,
  context: ContextReading,
  labels: Map<string, string>,
): Verdict[] {
  const verdicts: Verdict[] = [];
  const check = (kind: ExpectationKind, ok: boolean, message: string) =>
    verdicts.push({ kind, ok, message });

  if (expectation.thread !== undefined) {
    const label = expectation.thread;
    const bound = labels.get(label);
    const other = [...labels.entries()].find(([l, id]) => l !== label && id === context.thread.id);
    if (bound === undefined && !other) {
      labels.set(label, context.thread.id);
      check("thread", true, `thread ${label} is ${context.thread.id}`);
    } else if (bound !== undefined) {
      check(
        "thread",
        bound === context.thread.id,
        `thread ${label} expected ${bound}, got ${context.thread.id}`,
      );
    } else {
      check(
        "thread",
        false,
        `thread ${label} expected a thread of its own, got ${context.thread.id}, which is thread ${other![0]}`,
      );
    }
  }
  if (expectation.identity !== undefined) {
    check(
      "identity",
      context.identity.level === expectation.identity,
      `identity expected "${expectation.identity}", got "${context.identity.level}"`,
    );
  }
  if (expectation.workflow !== undefined) {
    const actual = context.workflow?.id ?? "none";
    check(
      "workflow",
      actual === expectation.workflow,
      `workflow expected "${expectation.workflow}", got "${actual}"`,
    );
  }
  for (const [kind, wanted, present] of [
    ["missingExcludes", expectation.missingExcludes, false],
    ["missingIncludes", expectation.missingIncludes, true],
  ] as const) {
    if (!wanted) continue;
    // Without a workflow nothing is being asked for: excluded slots hold, included ones cannot.
    const missing: string[] = context.workflow?.missing ?? [];
    const wrong = wanted.filter((slot) => missing.includes(slot) !== present);
    check(
      kind,
      wrong.length === 0,
      `${kind}: ${present ? "not missing" : "still missing"} ${JSON.stringify(wrong)} (missing: ${context.workflow ? JSON.stringify(missing) : "no workflow"})`,
    );
  }
  if (expectation.riskFlags) {
    const absent = expectation.riskFlags.filter((f) => !context.riskFlags.includes(f));
    check(
      "riskFlags",
      absent.length === 0,
      `riskFlags missing ${JSON.stringify(absent)} (have ${JSON.stringify(context.riskFlags)})`,
    );
  }
  if (expectation.riskFlagsExclude) {
    const present = expectation.riskFlagsExclude.filter((f) => context.riskFlags.includes(f));
    check(
      "riskFlagsExclude",
      present.length === 0,
      `riskFlags should not include ${JSON.stringify(present)}`,
    );
  }
  if (expectation.control !== undefined) {
    check(
      "control",
      context.control === expectation.control,
      `control expected "${expectation.control}", got "${context.control}"`,
    );
  }
  if (expectation.step !== undefined) {
    const actual = context.workflow?.currentStep ?? "none";
    check(
      "step",
      actual === expectation.step,
      `step expected "${expectation.step}", got "${actual}"`,
    );
  }
  if (expectation.contactNeeds !== undefined) {
    const actual = context.workflow?.contactNeeds ?? "none";
    check(
      "contactNeeds",
      actual === expectation.contactNeeds,
      `contactNeeds expected "${expectation.contactNeeds}", got "${actual}"`,
    );
  }
  if (expectation.handoff !== undefined) {
    const actual = context.agent?.handoff?.code ?? "none";
    check(
      "handoff",
      actual === expectation.handoff,
      `handoff expected "${expectation.handoff}", got "${actual}"`,
    );
  }
  if (expectation.replyIncludes || expectation.replyExcludes) {
    const replies = context.agent?.replies ?? [];
    const last =
      replies
        .filter((r) => !context.identity.contactId || r.contactId === context.identity.contactId)
        .at(-1)?.text ?? "";
    for (const phrase of expectation.replyIncludes ?? [])
      check(
        "reply",
        last.toLowerCase().includes(phrase.toLowerCase()),
        `last reply should include "${phrase}": "${last}"`,
      );
    for (const phrase of expectation.replyExcludes ?? [])
      check(
        "reply",
        !last.toLowerCase().includes(phrase.toLowerCase()),
        `last reply should not include "${phrase}": "${last}"`,
      );
  }
  if (expectation.unconfirmed !== undefined) {
    const actual = context.identity.unconfirmed ?? null;
    check(
      "unconfirmed",
      (actual !== null) === expectation.unconfirmed,
      `unconfirmed expected ${expectation.unconfirmed}, got ${actual ? `"${actual}"` : "a confirmed contact"}`,
    );
  }
  if (expectation.candidates !== undefined) {
    check(
      "candidates",
      context.candidates.length === expectation.candidates,
      `candidates expected ${expectation.candidates}, got ${context.candidates.length}`,
    );
  }
  return verdicts;
}

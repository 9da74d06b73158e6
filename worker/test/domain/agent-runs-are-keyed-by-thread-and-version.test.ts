import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planAgentRun } from "../../src/domain/agent/plan-run";
import { project } from "../../src/domain/thread-state";
import { play, scenarioArb } from "./agent-arbitraries";
import {
  customerSays,
  factsOf,
  minutesAfter,
  runInput,
  threadFacts,
  threadWith,
  typesOf,
} from "./agent-factories";
import { POLICY } from "./factories";

describe("agent runs are keyed by (thread, version) (issue 3)", () => {
  it("keys, groups and parts follow the version and the fact's place in the run", () => {
    const { plan, input } = customerSays(threadWith({}), "Where is my toaster? Order W1202.", {
      at: minutesAfter(3),
    });
    const v = input.version;
    plan.facts.forEach((fact, i) => {
      expect(fact.key).toBe(`agent:${v}#${i}`);
      expect(fact.group).toBe(`agent:${v}`);
      expect(fact.part).toBe(i);
      expect(fact.at).toBe(minutesAfter(3));
    });
  });

  it("the run completes last, with upTo = version + the number of facts in the run", () => {
    const { plan, input } = customerSays(threadWith({}), "I forgot my password");
    expect(typesOf(plan).at(-1)).toBe("agent.run_completed");
    expect(factsOf(plan, "agent.run_completed")).toEqual([
      expect.objectContaining({ upTo: input.version + plan.facts.length, provider: "rules" }),
    ]);
  });

  it("the cursor it leaves covers the run's own facts", () => {
    const { plan, input, after } = customerSays(threadWith({}), "Hello");
    expect(after.agent.processedOffset).toBe(input.version + plan.facts.length);
    expect(after.eventCount).toBe(after.agent.processedOffset);
  });

  it("a run with no new messages (a hand-back) is stamped at the thread's last event", () => {
    const state = threadWith({ workflow: "order_status", slots: { order_id: "W1202" } });
    const plan = planAgentRun(runInput(state));
    expect(new Set(plan.facts.map((f) => f.at))).toEqual(new Set([state.lastEventAt]));
  });

  it("two versions of one thread never share a key", () => {
    const { input } = customerSays(threadWith({}), "I forgot my password");
    const a = planAgentRun(input);
    const b = planAgentRun({ ...input, version: input.version + 1 });
    const keys = new Set(a.facts.map((f) => f.key));
    for (const fact of b.facts) expect(keys.has(fact.key)).toBe(false);
  });

  it("property: planning the same input twice yields identical facts with identical keys", () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { input, plan } = play(s);
        const again = planAgentRun(structuredClone(input));
        expect(again).toEqual(plan);
      }),
      { numRuns: 200 },
    );
  });

  it("property: keys are unique within a run and upTo counts every fact", () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { input, plan } = play(s);
        const keys = plan.facts.map((f) => f.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(factsOf(plan, "agent.run_completed")).toHaveLength(1);
        expect(factsOf(plan, "agent.run_completed")[0]?.upTo).toBe(
          input.version + plan.facts.length,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("property: a run's facts written twice change nothing (the log keeps each key once)", () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { message, plan } = play(s);
        const log = [...threadFacts(s.spec), message, ...plan.facts];
        expect(project("THR-1", [...log, ...plan.facts], POLICY)).toEqual(
          project("THR-1", log, POLICY),
        );
      }),
      { numRuns: 100 },
    );
  });

  // KNOWN BUG (reported): the run's facts are stamped at the customer's message time with group
  // "agent:<version>", which sorts before the message's own group ("channel:…", "sunco:…",
  // "zendesk:…"). A rebuilt projection therefore puts the agent's reply before the message it
  // answers. Flip to `it` once fixed.
  it("a rebuilt projection tells the story in order: message, then reply (known bug)", () => {
    const { message, plan, after } = customerSays(
      threadWith({}),
      "Where is my toaster? Order W1202.",
    );
    const rebuilt = project("THR-1", [...threadFacts({}), message, ...plan.facts], POLICY);
    expect(rebuilt.timeline.map((e) => e.kind)).toEqual(after.timeline.map((e) => e.kind));
  });
});

import { describe, expect, it } from "vitest";
import { summarize, threadStatus } from "../../src/domain/thread-state";
import { artifactAdded, hoursAfter, joined, message, projected, ticketChanged } from "./factories";

const withTickets = (...statuses: ("open" | "solved" | "closed" | null)[]) =>
  projected(
    statuses.flatMap((status, i) => [
      joined({
        contactId: `ticket:${i}`,
        at: hoursAfter(i),
        links: [{ kind: "ticket", id: `${i}` }],
      }),
      ...(status ? [ticketChanged({ ticketId: `${i}`, at: hoursAfter(i), status })] : []),
    ]),
  );

describe("a thread's status follows its tickets", () => {
  it("a thread without tickets stays open", () => {
    expect(threadStatus(projected([joined()]))).toBe("open");
  });

  it.each([
    [["solved"], "solved"],
    [["closed"], "closed"],
    [["closed", "closed"], "closed"],
    [["solved", "closed"], "solved"],
    [["solved", "open"], "open"],
    [["solved", null], "open"],
  ] as const)("tickets %j make the thread %s", (statuses, expected) => {
    expect(threadStatus(withTickets(...statuses))).toBe(expected);
  });

  it("a reopened ticket reopens the thread", () => {
    const state = projected([
      ticketChanged({ key: "a", at: hoursAfter(1), status: "solved" }),
      ticketChanged({ key: "b", at: hoursAfter(2), status: "open" }),
    ]);
    expect(threadStatus(state)).toBe("open");
  });

  it("the summary stitching sees carries the orders and artifact hashes the thread holds", () => {
    const state = projected([
      joined({ contactId: "session:WC-1", at: hoursAfter(0) }),
      message({ contactId: "session:WC-1", at: hoursAfter(1), orderIds: ["18422"] }),
      message({
        key: "agent",
        contactId: "session:WC-1",
        at: hoursAfter(2),
        author: "agent",
        orderIds: ["W5521"],
      }),
      artifactAdded({ at: hoursAfter(3), artifact: { kind: "photo", url: "u1", sha256: "sha-1" } }),
      artifactAdded({ at: hoursAfter(4), artifact: { kind: "photo", url: "u2", sha256: "sha-1" } }),
      artifactAdded({ at: hoursAfter(5), artifact: { kind: "link", url: "u3" } }),
    ]);
    expect(summarize(state)).toEqual({
      id: "THR-1",
      customerId: null,
      status: "open",
      lastEventAt: hoursAfter(5),
      orderIds: ["18422"],
      artifactHashes: ["sha-1"],
    });
  });
});

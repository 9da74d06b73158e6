import { describe, expect, it } from "vitest";
import { byConversation } from "../../src/domain/conversations";

const delivery = (id: string, sessionId?: string, ticketId?: string) => ({
  id,
  sessionId,
  ticketId,
});

describe("deliveries of one conversation keep their order", () => {
  it("groups deliveries that share a session or a ticket, in arrival order", () => {
    const batch = [
      delivery("a", "S1"),
      delivery("b", "S2"),
      delivery("c", "S1", "T9"),
      delivery("d", undefined, "T9"),
      delivery("e"),
    ];
    const groups = byConversation(batch, (d) => d).map((g) => g.map((d) => d.id));
    expect(groups).toEqual([["a", "c", "d"], ["b"], ["e"]]);
  });

  it("joins two conversations a later delivery bridges, still in arrival order", () => {
    const batch = [delivery("a", "S1"), delivery("b", undefined, "T1"), delivery("c", "S1", "T1")];
    const groups = byConversation(batch, (d) => d).map((g) => g.map((d) => d.id));
    expect(groups).toEqual([["a", "b", "c"]]);
  });
});

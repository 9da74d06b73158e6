import { beforeEach, describe, expect, it } from "vitest";
import { attachChat, reply, sendChat, startChat, type ChatVisit } from "./support/web-chat";
import { createTenant, settle, type TestTenant } from "./support/tenant";
import { migrate } from "./support/worker";
import type { SessionEventMessage } from "./support/live-session";

beforeEach(migrate);

const visibleTypes = [
  "message.received",
  "agent.replied",
  "participant.joined",
  "participant.left",
];

async function say(tenant: TestTenant, visit: ChatVisit, id: string, text: string) {
  expect((await sendChat(tenant.tenantId, visit.chatToken, { id, text })).status).toBe(202);
  await settle(tenant);
}

const offsets = (events: SessionEventMessage[]) => events.map((m) => m.offset);

describe("the web chat page's live session", () => {
  it("resumes from the last offset it saw: together the connections saw exactly what one replay sees", async () => {
    const tenant = await createTenant();
    const visit = await startChat(tenant);
    await say(tenant, visit, "r-1", "Hello, how long is the return window?");

    const first = await attachChat(tenant, visit);
    await first.until("the answer", (ms) => ms.some(reply));
    await say(tenant, visit, "r-2", "And for sale items?");
    await first.until("the second answer", (ms) => ms.filter(reply).length === 2);
    const seen = first.lastOffset();
    first.close();

    // While the tab is away the conversation goes on (the same visitor, from another tab).
    await say(tenant, visit, "r-3", "Thanks, one more: do you ship abroad?");
    const second = await attachChat(tenant, visit, seen);
    await second.until("the third answer", (ms) => ms.filter(reply).length === 1);
    await second.until("its own arrival", (ms) =>
      ms.some((m) => m.type === "event" && m.event.type === "participant.joined"),
    );

    // A fresh reload replays everything the visitor may see, from the start.
    const reload = await attachChat(tenant, visit);
    await reload.until("the whole conversation", (ms) => ms.filter(reply).length === 3);
    await reload.until("the second connection's arrival", (ms) =>
      ms.some(
        (m) =>
          m.type === "event" &&
          m.event.type === "participant.joined" &&
          m.offset > second.events()[0]!.offset,
      ),
    );
    const upTo = second.lastOffset();
    const replayed = reload.events().filter((m) => m.offset <= upTo);

    // The reload's own arrival reaches the second connection too: compare up to the same point.
    const together = [...first.events(), ...second.events()].filter((m) => m.offset <= upTo);
    expect(offsets(together)).toEqual(offsets(replayed));
    expect(new Set(offsets(together)).size).toBe(together.length);
    expect(second.events().every((m) => m.offset > seen)).toBe(true);
    expect(together.every((m) => visibleTypes.includes(m.event.type))).toBe(true);
    second.close();
    reload.close();
  });
});

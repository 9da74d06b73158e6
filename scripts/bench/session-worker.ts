import { channelDelivery, type DeliverySecrets } from "../lib/signed-delivery";
import { inTurns, openSocket, pause } from "./session-clients";
import { closeAll, fanOut, idleSessions, type FanOutResult, type IdleResult } from "./session-load";

/** The local Worker and a tenant on it, as the bench reaches them. */
export interface SessionTarget {
  url: string;
  operatorToken: string;
  tenant: DeliverySecrets;
  /** workerd's processes, for memory and CPU. */
  pids: string[];
}

interface Conversation {
  ticketId: string;
  threadId: string;
  email: string;
}

const customerSays = (c: Omit<Conversation, "threadId">, text: string, id: string) => ({
  id,
  channel: "web_chat",
  occurredAt: new Date().toISOString(),
  sessionId: `LS-${c.ticketId}`,
  ticketId: c.ticketId,
  identifiers: [{ type: "email", value: c.email }],
  message: { author: "customer", text },
});

async function send(target: SessionTarget, event: unknown): Promise<void> {
  const delivery = channelDelivery(event, target.tenant);
  const answer = await fetch(`${target.url}${delivery.path}`, {
    method: "POST",
    headers: delivery.headers,
    body: delivery.body,
  });
  if (answer.status !== 202) throw new Error(`event refused: ${answer.status}`);
}

async function settled(target: SessionTarget): Promise<void> {
  const headers = { authorization: `Bearer ${target.operatorToken}` };
  const path = `/v1/admin/tenants/${target.tenant.tenantId}/backlog`;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await pause(250)) {
    const backlog = (await (await fetch(`${target.url}${path}`, { headers })).json()) as {
      settled: boolean;
    };
    if (backlog.settled) return;
  }
  throw new Error("the backlog did not settle in two minutes");
}

/** Open one conversation per ticket (a new customer each), processed end to end. */
async function openConversations(
  target: SessionTarget,
  count: number,
  firstTicket: number,
): Promise<Conversation[]> {
  const opened = Array.from({ length: count }, (_, i) => ({
    ticketId: String(firstTicket + i),
    email: `live${firstTicket + i}@bench.example`,
  }));
  await inTurns(opened, 8, (c) =>
    send(target, customerSays(c, "Hello, where is my parcel?", `live-${c.ticketId}`)),
  );
  await settled(target);
  return inTurns(opened, 8, async (c) => {
    const context = await fetch(`${target.url}/v1/tickets/${c.ticketId}/context`, {
      headers: { authorization: `Bearer ${target.tenant.appSecret}` },
    });
    const { thread } = (await context.json()) as { thread: { id: string } };
    return { ...c, threadId: thread.id };
  });
}

/** A sidebar's token and the address to attach with, asked as the app asks. */
async function attachAddress(target: SessionTarget, c: Conversation, actor: string) {
  const answer = await fetch(`${target.url}/v1/threads/${c.threadId}/session-tokens`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${target.tenant.appSecret}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ ticketId: c.ticketId, actor, label: "bench" }),
  });
  if (answer.status !== 201) throw new Error(`no session token: ${answer.status}`);
  const { token, attach, head } = (await answer.json()) as {
    token: string;
    attach: string;
    head: number;
  };
  const url = new URL(attach, target.url.replace(/^http/, "ws"));
  url.searchParams.set("token", token);
  url.searchParams.set("after", String(head));
  return url.toString();
}

/** When the customer's message carrying `marker` was committed (its recorded time). */
async function committedAt(target: SessionTarget, c: Conversation, marker: string) {
  const answer = await fetch(`${target.url}/v1/threads/${c.threadId}/events?limit=500`, {
    headers: { authorization: `Bearer ${target.tenant.appSecret}` },
  });
  const { events } = (await answer.json()) as {
    events: { recordedAt: string; event: { type: string; text?: string } }[];
  };
  const fact = events.find(
    (e) => e.event.type === "message.received" && e.event.text?.includes(marker),
  );
  if (!fact) throw new Error(`${marker} is not in the log`);
  return Date.parse(fact.recordedAt);
}

export async function measureWorkerSessions(
  target: SessionTarget,
  shape: { participants: number; rounds: number; sessions: number; rooms: number; holdMs: number },
): Promise<{ fanOut: FanOutResult; idle: IdleResult }> {
  const started = Date.now();
  const stage = (what: string) =>
    console.log(`sessions: ${what} (${Math.round((Date.now() - started) / 1000)} s)`);
  const conversations = await openConversations(target, shape.rooms + 1, 820_000);
  stage(`${conversations.length} threads opened`);
  const crowd = conversations.pop()!;

  // Tokens first: asking for them is the app's work, not the session's.
  const idleAddresses = await inTurns(
    Array.from({ length: shape.sessions }, (_, i) => i),
    16,
    (i) => attachAddress(target, conversations[i % shape.rooms]!, `bench-agent-${i}`),
  );
  stage(`${shape.sessions} tokens`);
  const idle = await idleSessions({
    sessions: shape.sessions,
    pids: target.pids,
    holdMs: shape.holdMs,
    join: (i) => openSocket(idleAddresses[i]!),
  });
  closeAll(idle.sockets);
  await pause(1_000);

  const crowdAddresses = await inTurns(
    Array.from({ length: shape.participants }, (_, i) => i),
    16,
    (i) => attachAddress(target, crowd, `crowd-agent-${i}`),
  );
  stage("idle sessions measured");
  const present = new Array<number>(shape.participants).fill(0);
  const fan = await fanOut({
    participants: shape.participants,
    rounds: shape.rounds,
    join: (i, heard) =>
      openSocket(crowdAddresses[i]!, (data, at) => {
        heard(data, at);
        if (data.startsWith('{"type":"presence"'))
          present[i] = (JSON.parse(data) as { participants: unknown[] }).participants.length;
      }),
    // The AI agent may be listed too while it has the conversation.
    allPresent: (n) => present.every((count) => count >= n),
    commit: async (marker, heardByAll) => {
      await send(target, customerSays(crowd, `${marker}: any news?`, `crowd-${marker}`));
      await heardByAll();
      const at = await committedAt(target, crowd, marker);
      // The agent's answer goes out to everyone too; the next round starts after it.
      await settled(target);
      return at;
    },
  });
  closeAll(fan.sockets);
  stage("fan-out measured");
  return { fanOut: fan.result, idle: idle.result };
}

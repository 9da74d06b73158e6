import { env, runInDurableObject } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { channelEvent, customer, order } from "./support/factories";
import { attach, expectContiguous, sessionToken, type Attached } from "./support/live-session";
import { createTenant, readContext, sendChannelEvent, settle } from "./support/tenant";
import { migrate } from "./support/worker";

beforeEach(migrate);

/**
 * workerd evicts a Durable Object 10 s after its last request is done, hibernating its
 * hibernatable WebSockets first (server.c++, `handleShutdown`). This workerd has no hook to do it
 * sooner (`abortAllDurableObjects` drops the sockets with the object), and here the eviction came
 * 12.5 to 18 s after the last call, so the test waits and then asks whether a new instance
 * answers; asking is a request, which starts the 10 s again.
 */
const FIRST_WAIT_MS = 18_000;
const AGAIN_WAIT_MS = 11_000;
const TRIES = 3;

const said = (text: string) =>
  channelEvent({
    ticketId: "960",
    identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
    message: { author: "customer", text },
  });

const people = (one: Attached) =>
  one
    .presence()
    ?.participants.filter((p) => p.role !== "ai")
    .map(({ role, participantId, since }) => ({ role, participantId, since }));

describe("a live session whose object hibernates", () => {
  it(
    "wakes knowing everyone attached, and goes on sending each fact once with no gap",
    { timeout: 70_000 },
    async () => {
      const tenant = await createTenant({ orders: { customers: [customer()], orders: [order()] } });
      await sendChannelEvent(tenant, said("My order #18422 arrived damaged."));
      await settle(tenant);
      const { thread, version } = await readContext(tenant, "960");

      const agent = await attach(
        thread.id,
        await sessionToken(tenant, thread.id, { ticketId: "960" }),
        version,
      );
      const supervisor = await attach(
        thread.id,
        await sessionToken(tenant, thread.id, {
          ticketId: "960",
          actor: "lead-3",
          role: "supervisor",
        }),
        version,
      );
      for (const one of [agent, supervisor])
        await one.until("both", () => people(one)?.length === 2);
      const attending = people(agent)!;

      // The instance that accepted both sockets, remembered without touching it.
      const stub = env.THREAD_SESSION.get(
        env.THREAD_SESSION.idFromName(`${tenant.tenantId}:${thread.id}`),
      );
      const asleep = new WeakSet<object>();
      await runInDurableObject(stub, (instance) => void asleep.add(instance));

      // Another instance answers after the sleep, with nothing in its fields; the sockets stay.
      let woken = { same: true, sockets: 0 };
      for (let attempt = 0; attempt < TRIES && woken.same; attempt++) {
        await new Promise((r) => setTimeout(r, attempt === 0 ? FIRST_WAIT_MS : AGAIN_WAIT_MS));
        woken = await runInDurableObject(stub, (instance, state) => ({
          same: asleep.has(instance),
          sockets: state.getWebSockets().length,
        }));
      }
      expect(woken).toEqual({ same: false, sockets: 2 });

      // A fact committed after the wake reaches both, right after what each was last sent.
      await sendChannelEvent(tenant, said("It is the blue vase, the one from March."));
      for (const one of [agent, supervisor])
        await one.until("the message", () =>
          one.events().some((m) => m.event.type === "message.received"),
        );
      await settle(tenant);

      // Someone new arrives: all three are told everyone, as they arrived before the sleep.
      const from = agent.lastOffset();
      const colleague = await attach(
        thread.id,
        await sessionToken(tenant, thread.id, { ticketId: "960", actor: "agent-8" }),
        from,
      );
      for (const one of [agent, supervisor, colleague])
        await one.until("all three", () => people(one)?.length === 3);
      for (const one of [agent, supervisor, colleague]) {
        expect(people(one)!.slice(0, 2)).toEqual(attending);
        expect(people(one)![2]).toMatchObject({ role: "agent", participantId: "agent-8" });
      }

      await colleague.until("own arrival", () =>
        colleague.events().some((m) => m.event.type === "participant.joined"),
      );
      for (const one of [agent, supervisor])
        await one.until("the colleague's arrival", () =>
          one
            .events()
            .some(
              (m) => m.event.type === "participant.joined" && m.event.participantId === "agent-8",
            ),
        );
      // Across the sleep: every offset once, in order, and nobody was taken for gone.
      expectContiguous(agent.events(), version);
      expectContiguous(supervisor.events(), version);
      expectContiguous(colleague.events(), from);
      expect(supervisor.events().map((m) => m.offset)).toEqual(agent.events().map((m) => m.offset));
      for (const one of [agent, supervisor, colleague])
        expect(one.events().filter((m) => m.event.type === "participant.left")).toEqual([]);
      for (const one of [agent, supervisor, colleague]) one.close();
    },
  );
});

import { createHmac, randomBytes } from "node:crypto";
import type { StandinUrls } from "../standins/index";
import type { ExpectationKind, Journey, Step } from "./format";
import { judgeExpectation, type ContextReading, type Verdict } from "./judge";

export interface PlayTarget {
  workerUrl: string;
  operatorToken: string;
  standins: StandinUrls;
  settleTimeoutMs: number;
}

export interface StepFailure {
  step: number;
  message: string;
}

export interface JourneyResult {
  name: string;
  judged: number;
  failures: StepFailure[];
  skipped: Partial<Record<ExpectationKind, number>>;
  /** The journey's tenant and the tickets and sessions it touched, for `npm run eval`. */
  tenant: { tenantId: string; appSecret: string } | null;
  touched: { tickets: string[]; sessions: string[] };
}

/** Every ticket and session a journey's steps name. */
function touchedBy(journey: Journey): JourneyResult["touched"] {
  const tickets = new Set<string>();
  const sessions = new Set<string>();
  for (const step of journey.steps) {
    if ("channelEvent" in step) {
      if (step.channelEvent.ticketId) tickets.add(String(step.channelEvent.ticketId));
      if (step.channelEvent.sessionId) sessions.add(String(step.channelEvent.sessionId));
    }
    if ("zendeskEvent" in step) {
      const detail = step.zendeskEvent.detail as { id?: unknown } | undefined;
      if (detail?.id) tickets.add(String(detail.id));
    }
    if ("suncoEvent" in step) {
      for (const event of (step.suncoEvent.events as
        { payload?: { conversation?: { id?: string } } }[] | undefined) ?? []) {
        if (event.payload?.conversation?.id) sessions.add(event.payload.conversation.id);
      }
    }
  }
  return { tickets: [...tickets], sessions: [...sessions] };
}

interface Delivery {
  path: string;
  headers: Record<string, string>;
  body: string;
}

interface TenantHandle {
  tenantId: string;
  appSecret: string;
  zendeskSecret: string;
  suncoSecret: string;
}

async function request(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  return { status: response.status, body };
}

async function control(base: string, space: string, action: string, body: unknown) {
  const result = await request(`${base}/__control/${space}/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (result.status !== 200) throw new Error(`stand-in control ${action} failed: ${result.status}`);
}

/** A tenant of its own, with every base URL pointing at this journey's spaces in the stand-ins. */
export async function provision(
  journey: Pick<Journey, "zendesk" | "orders">,
  target: Omit<PlayTarget, "settleTimeoutMs">,
  space: string,
): Promise<TenantHandle> {
  const admin = {
    authorization: `Bearer ${target.operatorToken}`,
    "content-type": "application/json",
  };
  const created = await request(`${target.workerUrl}/v1/admin/tenants`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ subdomain: space }),
  });
  if (created.status !== 201)
    throw new Error(
      `creating the tenant answered ${created.status}: ${JSON.stringify(created.body)}`,
    );
  const { tenantId, appSecret } = created.body as { tenantId: string; appSecret: string };
  const zendeskCredentials = {
    email: "continuity-bot@example.com",
    apiToken: randomBytes(12).toString("hex"),
  };
  const orderToken = randomBytes(12).toString("hex");
  const sunco = {
    appId: "app_continuity",
    keyId: "key_journeys",
    keySecret: randomBytes(12).toString("hex"),
  };
  const zendeskSecret = randomBytes(24).toString("base64");
  const suncoSecret = randomBytes(24).toString("hex");
  await control(target.standins.zendesk, space, "load", {
    credentials: zendeskCredentials,
    users: journey.zendesk?.users ?? [],
    tickets: journey.zendesk?.tickets ?? [],
  });
  await control(target.standins.orders, space, "load", {
    token: orderToken,
    customers: journey.orders?.customers ?? [],
    orders: journey.orders?.orders ?? [],
  });
  await control(target.standins.sunco, space, "load", sunco);
  const settings = {
    zendesk: {
      subdomain: space,
      ...zendeskCredentials,
      webhookSecret: zendeskSecret,
      baseUrl: `${target.standins.zendesk}/s/${space}`,
    },
    sunco: { ...sunco, webhookSecret: suncoSecret, baseUrl: `${target.standins.sunco}/s/${space}` },
    orders: { baseUrl: `${target.standins.orders}/s/${space}`, token: orderToken },
    ai: { provider: "rules" },
  };
  const put = await request(`${target.workerUrl}/v1/admin/tenants/${tenantId}/settings`, {
    method: "PUT",
    headers: admin,
    body: JSON.stringify(settings),
  });
  if (put.status !== 200)
    throw new Error(`configuring the tenant answered ${put.status}: ${JSON.stringify(put.body)}`);
  return { tenantId, appSecret, zendeskSecret, suncoSecret };
}

/** Events further apart than this were not sent together. */
const BURST_MS = 60_000;

/** When the customer's event happened, in the vendor's own field. */
function eventTimeOf(step: Step): number | null {
  const time =
    "channelEvent" in step
      ? step.channelEvent.occurredAt
      : "zendeskEvent" in step
        ? (step.zendeskEvent as { time?: unknown }).time
        : "suncoEvent" in step
          ? (step.suncoEvent as { events?: { createdAt?: unknown }[] }).events?.[0]?.createdAt
          : undefined;
  const at = typeof time === "string" ? Date.parse(time) : NaN;
  return Number.isNaN(at) ? null : at;
}

function delivery(step: Step, tenant: TenantHandle): Delivery | null {
  if ("channelEvent" in step) {
    const body = JSON.stringify(step.channelEvent);
    const signature = createHmac("sha256", tenant.appSecret).update(body).digest("hex");
    return {
      path: `/v1/channels/${tenant.tenantId}/events`,
      headers: { "content-type": "application/json", "x-signature": signature },
      body,
    };
  }
  if ("zendeskEvent" in step) {
    const body = JSON.stringify(step.zendeskEvent);
    const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    const signature = createHmac("sha256", tenant.zendeskSecret)
      .update(timestamp + body)
      .digest("base64");
    return {
      path: `/v1/webhooks/zendesk/${tenant.tenantId}`,
      headers: {
        "content-type": "application/json",
        "x-zendesk-webhook-signature": signature,
        "x-zendesk-webhook-signature-timestamp": timestamp,
      },
      body,
    };
  }
  if ("suncoEvent" in step) {
    return {
      path: `/v1/webhooks/sunco/${tenant.tenantId}`,
      headers: { "content-type": "application/json", "x-api-key": tenant.suncoSecret },
      body: JSON.stringify(step.suncoEvent),
    };
  }
  return null;
}

const CODE = /verification code is (\d{6})/i;

/** The customer reads the code they were sent and types it back (or a wrong one) on the same channel. */
async function codeDelivery(
  entry: {
    conversation?: string;
    ticket?: string;
    requesterId?: string;
    at: string;
    wrong?: boolean;
  },
  tenant: TenantHandle,
  target: PlayTarget,
  space: string,
): Promise<Delivery> {
  let code: string | undefined;
  if (entry.conversation) {
    await settle(target, tenant.tenantId);
    const state = await request(`${target.standins.sunco}/__control/${space}/state`);
    const sent = (
      state.body as { messages: { conversationId: string; content: { text?: string } }[] }
    ).messages.filter((m) => m.conversationId === entry.conversation);
    code = sent
      .map((m) => m.content.text?.match(CODE)?.[1])
      .filter(Boolean)
      .at(-1);
  } else {
    await settle(target, tenant.tenantId);
    const state = await request(`${target.standins.zendesk}/__control/${space}/state`);
    const ticket = (
      state.body as { tickets: Record<string, { comments: { body: string; public: boolean }[] }> }
    ).tickets[entry.ticket!];
    code = ticket?.comments
      .filter((c) => c.public)
      .map((c) => c.body.match(CODE)?.[1])
      .filter(Boolean)
      .at(-1);
  }
  if (!code)
    throw new Error(
      `customerEntersCode: no code was sent to ${entry.conversation ?? `ticket ${entry.ticket}`}`,
    );
  const typed = entry.wrong ? String((Number(code) + 1) % 1_000_000).padStart(6, "0") : code;
  const id = `code-${randomBytes(4).toString("hex")}`;
  if (entry.conversation) {
    return delivery(
      {
        suncoEvent: {
          app: { id: "app_continuity" },
          webhook: { id: "wh_journeys", version: "v2" },
          events: [
            {
              id,
              type: "conversation:message",
              createdAt: entry.at,
              payload: {
                conversation: { id: entry.conversation, type: "personal" },
                message: {
                  id: `m-${id}`,
                  received: entry.at,
                  author: { type: "user", userId: "journey-user" },
                  content: { type: "text", text: typed },
                  source: { type: "web" },
                },
              },
            },
          ],
        },
      },
      tenant,
    )!;
  }
  return delivery(
    {
      zendeskEvent: {
        account_id: 1,
        id,
        type: "zen:event-type:ticket.comment_added",
        subject: `zen:ticket:${entry.ticket}`,
        time: entry.at,
        zendesk_event_version: "2022-11-06",
        detail: {
          id: entry.ticket,
          requester_id: entry.requesterId ?? null,
          assignee_id: null,
          status: "OPEN",
          via: { channel: "email" },
        },
        event: {
          comment: {
            id: `c-${id}`,
            body: `My code is ${typed}`,
            is_public: true,
            author: { id: entry.requesterId ?? null, is_staff: false, name: "Customer" },
          },
        },
      },
    },
    tenant,
  )!;
}

async function settle(target: PlayTarget, tenantId: string): Promise<void> {
  const deadline = Date.now() + target.settleTimeoutMs;
  while (Date.now() < deadline) {
    const backlog = await request(`${target.workerUrl}/v1/admin/tenants/${tenantId}/backlog`, {
      headers: { authorization: `Bearer ${target.operatorToken}` },
    });
    if (backlog.status === 200 && (backlog.body as { settled: boolean }).settled) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`queued work did not settle within ${target.settleTimeoutMs} ms`);
}

/** Play one journey against a running Worker and judge every expectation. */
export async function playJourney(
  journey: Journey,
  target: PlayTarget,
  only: Set<ExpectationKind> | null,
): Promise<JourneyResult> {
  const result: JourneyResult = {
    name: journey.name,
    judged: 0,
    failures: [],
    skipped: {},
    tenant: null,
    touched: touchedBy(journey),
  };
  const space = `j${randomBytes(5).toString("hex")}`;
  const labels = new Map<string, string>();
  const fail = (step: number, message: string) => result.failures.push({ step, message });
  const record = (step: number, verdicts: Verdict[]) => {
    for (const verdict of verdicts) {
      if (only && !only.has(verdict.kind)) {
        result.skipped[verdict.kind] = (result.skipped[verdict.kind] ?? 0) + 1;
        continue;
      }
      result.judged++;
      if (!verdict.ok) fail(step, verdict.message);
    }
  };

  let tenant: TenantHandle;
  try {
    tenant = await provision(journey, target, space);
    result.tenant = { tenantId: tenant.tenantId, appSecret: tenant.appSecret };
  } catch (error) {
    fail(0, `setup: ${(error as Error).message}`);
    return result;
  }
  let last: Delivery | null = null;
  const deliver = async (step: number, d: Delivery) => {
    const answer = await request(`${target.workerUrl}${d.path}`, {
      method: "POST",
      headers: d.headers,
      body: d.body,
    });
    if (answer.status < 200 || answer.status >= 300)
      fail(step, `delivery answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  };

  let lastEventAt: number | null = null;
  for (const [index, step] of journey.steps.entries()) {
    const n = index + 1;
    try {
      const d = delivery(step, tenant);
      if (d) {
        // Contacts hours or days apart reach a real Worker after the earlier one was processed;
        // only a burst (events within a minute) arrives as a burst.
        const at = eventTimeOf(step);
        if (at !== null && lastEventAt !== null && at - lastEventAt > BURST_MS)
          await settle(target, tenant.tenantId);
        if (at !== null) lastEventAt = at;
        last = d;
        await deliver(n, d);
      } else if ("repeatLast" in step) {
        if (!last) fail(n, "repeatLast with nothing delivered before it");
        else for (let i = 0; i < step.repeatLast; i++) await deliver(n, last);
      } else if ("zendeskFails" in step) {
        await control(target.standins.zendesk, space, "fail", {
          ...step.zendeskFails,
          methods: ["PUT", "POST"],
        });
      } else if ("expect" in step) {
        await settle(target, tenant.tenantId);
        const e = step.expect;
        const path = e.ticket
          ? `/v1/tickets/${encodeURIComponent(e.ticket)}/context`
          : `/v1/sessions/${encodeURIComponent(e.session!)}/context`;
        const answer = await request(`${target.workerUrl}${path}`, {
          headers: { authorization: `Bearer ${tenant.appSecret}` },
        });
        const what = e.ticket ? `ticket ${e.ticket}` : `session ${e.session}`;
        if (answer.status !== 200) {
          const count = Object.keys(e).filter((k) => k !== "ticket" && k !== "session").length;
          result.judged += count;
          fail(
            n,
            `expect ${what}: context answered ${answer.status}: ${JSON.stringify(answer.body)}`,
          );
          continue;
        }
        const verdicts = judgeExpectation(e, answer.body as ContextReading, labels);
        record(
          n,
          verdicts.map((v) => ({ ...v, message: `expect ${what}: ${v.message}` })),
        );
      } else if ("ordersFail" in step) {
        await settle(target, tenant.tenantId);
        await control(target.standins.orders, space, "fail", {
          ...step.ordersFail,
          methods: ["GET"],
        });
      } else if ("customerEntersCode" in step) {
        const d = await codeDelivery(step.customerEntersCode, tenant, target, space);
        last = d;
        await deliver(n, d);
      } else if ("humanActs" in step) {
        await settle(target, tenant.tenantId);
        const { ticket, action, reason, method } = step.humanActs;
        const auth = { authorization: `Bearer ${tenant.appSecret}` };
        const context = await request(
          `${target.workerUrl}/v1/tickets/${encodeURIComponent(ticket)}/context`,
          { headers: auth },
        );
        if (context.status !== 200) {
          fail(n, `humanActs: context for ticket ${ticket} answered ${context.status}`);
          continue;
        }
        const { thread, version } = context.body as { thread: { id: string }; version: number };
        const acted = await request(`${target.workerUrl}/v1/threads/${thread.id}/actions`, {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: JSON.stringify({
            action,
            expectedVersion: version,
            ticketId: ticket,
            actor: "journey-agent",
            ...(reason && { reason }),
            ...(method && { method }),
          }),
        });
        result.judged++;
        if (acted.status !== 200)
          fail(
            n,
            `humanActs ${action} on ticket ${ticket} answered ${acted.status}: ${JSON.stringify(acted.body)}`,
          );
      } else if ("expectSent" in step) {
        await settle(target, tenant.tenantId);
        const state = await request(`${target.standins.sunco}/__control/${space}/state`);
        const sent = (
          state.body as { messages: { conversationId: string; content: { text?: string } }[] }
        ).messages.filter((m) => m.conversationId === step.expectSent.conversation);
        const matching = step.expectSent.contains
          ? sent.filter((m) =>
              (m.content.text ?? "")
                .toLowerCase()
                .includes(step.expectSent.contains!.toLowerCase()),
            )
          : sent;
        record(n, [
          {
            kind: "expectSent",
            ok: matching.length === step.expectSent.count,
            message: `expectSent conversation ${step.expectSent.conversation}: expected ${step.expectSent.count} message(s)${step.expectSent.contains ? ` containing "${step.expectSent.contains}"` : ""}, the stand-in received ${matching.length}`,
          },
        ]);
      } else if ("expectNotes" in step) {
        await settle(target, tenant.tenantId);
        const state = await request(`${target.standins.zendesk}/__control/${space}/state`);
        const ticket = (
          state.body as { tickets: Record<string, { comments: { public: boolean }[] }> }
        ).tickets[step.expectNotes.ticket];
        const notes = ticket ? ticket.comments.filter((c) => !c.public).length : 0;
        record(n, [
          {
            kind: "expectNotes",
            ok: notes === step.expectNotes.count,
            message: `expectNotes ticket ${step.expectNotes.ticket}: expected ${step.expectNotes.count} internal note(s), Zendesk holds ${notes}`,
          },
        ]);
      }
    } catch (error) {
      fail(n, (error as Error).message);
    }
  }
  return result;
}

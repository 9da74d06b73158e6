/**
 * Benchmark seeder. Builds realistic threads with the Worker's own domain code (planContact,
 * project) and hashing, then bulk-inserts them with multi-row statements.
 */
import { planContact } from "../../worker/src/domain/contact-plan";
import type { ChannelEvent } from "../../worker/src/domain/channel-event";
import { maskEmail, maskPhone } from "../../worker/src/domain/identifiers";
import type { Signal } from "../../worker/src/domain/identity-level";
import type { StitchDecision } from "../../worker/src/domain/stitching";
import { project, summarize, threadStatus } from "../../worker/src/domain/thread-state";
import type { ThreadEvent } from "../../worker/src/domain/thread-events";
import type { Env } from "../../worker/src/env";
import { identityHash } from "../../worker/src/security/identity-hash";
import { identityKey } from "../../worker/src/security/keys";
import { createTenant, sealSecrets } from "../../worker/src/tenancy/tenants";
import { saveSettings } from "../../worker/src/store/tenants";
import { rollupStatements } from "../../worker/src/store/metric-rollups";
import { contributionsOf, type Contribution } from "../../worker/src/domain/metrics/contributions";

const POLICY = { verificationTtlHours: 24 };
const TIERS = ["standard", "plus", "vip"];
const MAX_STATEMENT = 90_000;

function sql(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

/** Insert rows with as few statements as D1's statement size allows. */
async function insertRows(
  db: D1Database,
  table: string,
  columns: string[],
  rows: (string | number | null)[][],
): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await db.exec(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${batch.join(",")}`);
    batch = [];
    size = 0;
  };
  for (const row of rows) {
    const tuple = `(${row.map(sql).join(", ")})`;
    if (size + tuple.length > MAX_STATEMENT) await flush();
    batch.push(tuple);
    size += tuple.length + 1;
  }
  await flush();
}

const phoneOf = (i: number) => `+1202${String(5_000_000 + i).padStart(7, "0")}`;
const emailOf = (i: number) => `customer${i}@bench.example`;
const customerOf = (i: number) => `C-B${i}`;
const orderOf = (i: number) => `B${100000 + i}`;

async function threadFor(i: number, key: CryptoKey, base: number) {
  const customerId = customerOf(i);
  const threadId = `THR-B${String(i).padStart(8, "0")}`;
  const at = (minutes: number) => new Date(base + i * 60_000 + minutes * 60_000).toISOString();
  const [emailHash, phoneHash, orderHash] = await Promise.all([
    identityHash(key, { kind: "email", value: emailOf(i) }),
    identityHash(key, { kind: "phone", value: phoneOf(i) }),
    identityHash(key, { kind: "order", value: orderOf(i) }),
  ]);
  const email: Signal = {
    kind: "email",
    hash: emailHash,
    masked: maskEmail(emailOf(i)),
    owners: [customerId],
    source: "channel",
  };
  const phone: Signal = {
    kind: "phone",
    hash: phoneHash,
    masked: maskPhone(phoneOf(i)),
    owners: [customerId],
    source: "channel",
  };
  const order: Signal = {
    kind: "order",
    hash: orderHash,
    masked: orderOf(i),
    owners: [customerId],
    source: "text",
  };
  const event = (
    id: string,
    channel: ChannelEvent["channel"],
    minutes: number,
    text: string,
    extra: Partial<ChannelEvent>,
  ): ChannelEvent => ({
    source: "channel",
    eventId: `${id}-${i}`,
    occurredAt: at(minutes),
    channel,
    identifiers: [],
    artifacts: [],
    message: { author: "customer", text, public: true },
    ...extra,
  });
  const created: StitchDecision = { action: "new", reason: "no_open_thread", candidates: [] };
  const attached: StitchDecision = { action: "attach", threadId, reason: "same_order" };
  const chat = event("chat", "web_chat", 0, `My order #${orderOf(i)} arrived damaged`, {
    sessionId: `WC-B${i}`,
    ticketId: `${1_000_000 + i * 3}`,
  });
  const chat2 = event("chat2", "web_chat", 2, "I uploaded photos", { sessionId: `WC-B${i}` });
  const mail = event("mail", "email", 600, `Following up on order #${orderOf(i)}`, {
    ticketId: `${1_000_001 + i * 3}`,
  });
  const call = event("call", "voice", 1440, "Calling about the same order", {
    sessionId: `VC-B${i}`,
    ticketId: `${1_000_002 + i * 3}`,
  });
  const facts: ThreadEvent[] = [
    ...planContact({
      event: chat,
      contactId: `session:WC-B${i}`,
      knownLinks: null,
      decision: created,
      signals: [email, order],
      orderIds: [orderOf(i)],
      // Spread threads over arms and tiers, so the metrics read sums realistic segments.
      rollout: { arm: i % 2 === 0 ? "continuity" : "control", randomised: true },
      tiers: { [customerId]: TIERS[i % TIERS.length]! },
    }),
    ...planContact({
      event: chat2,
      contactId: `session:WC-B${i}`,
      knownLinks: [
        { kind: "session", id: `WC-B${i}` },
        { kind: "ticket", id: chat.ticketId! },
      ],
      decision: { action: "existing", threadId, via: "session" },
      signals: [],
      orderIds: [],
    }),
    ...planContact({
      event: mail,
      contactId: `ticket:${mail.ticketId}`,
      knownLinks: null,
      decision: attached,
      signals: [email, order],
      orderIds: [orderOf(i)],
    }),
    ...planContact({
      event: call,
      contactId: `session:VC-B${i}`,
      knownLinks: null,
      decision: { ...attached, reason: "only_open_thread" },
      signals: [phone],
      orderIds: [],
    }),
  ];
  // Two threads in three end solved the next day; some are rated.
  if (i % 3 !== 2) {
    const tickets = [chat.ticketId!, mail.ticketId!, call.ticketId!];
    tickets.forEach((ticketId, part) =>
      facts.push({
        type: "ticket.changed",
        ticketId,
        channel: "email",
        status: "solved",
        at: at(1500),
        key: `solve-${i}-${part}`,
        group: `solve-${i}`,
        part,
      }),
    );
    if (i % 5 !== 0)
      facts.push({
        type: "satisfaction.rated",
        ticketId: call.ticketId!,
        rating: i % 7 === 0 ? "bad" : "good",
        at: at(1600),
        key: `rated-${i}`,
        group: `rated-${i}`,
        part: 0,
      });
  }
  const state = project(threadId, facts, POLICY);
  const links: [string, string, string, string][] = [
    ["session", `WC-B${i}`, `session:WC-B${i}`, "web_chat"],
    ["ticket", chat.ticketId!, `session:WC-B${i}`, "web_chat"],
    ["ticket", mail.ticketId!, `ticket:${mail.ticketId}`, "email"],
    ["session", `VC-B${i}`, `session:VC-B${i}`, "voice"],
    ["ticket", call.ticketId!, `session:VC-B${i}`, "voice"],
  ];
  const zendeskHash = await identityHash(key, { kind: "zendesk_user", value: String(900_000 + i) });
  return {
    customerId,
    threadId,
    facts,
    state,
    links,
    identities: [
      email,
      phone,
      {
        ...email,
        kind: "zendesk_user" as const,
        hash: zendeskHash,
        masked: `90••••${String(i).slice(-2)}`,
      },
    ],
  };
}

async function seed(env: Env, tenantId: string, from: number, to: number): Promise<void> {
  const key = await identityKey(env.SECRETS_KEY, tenantId);
  const base = Date.parse("2026-03-01T00:00:00Z");
  const now = new Date().toISOString();
  const threads = await Promise.all(
    Array.from({ length: to - from }, (_, n) => threadFor(from + n, key, base)),
  );
  await insertRows(
    env.DB,
    "customers",
    ["tenant_id", "id", "source", "tier", "version", "created_at"],
    threads.map((t) => [tenantId, t.customerId, "orders", "standard", 1, now]),
  );
  await insertRows(
    env.DB,
    "identities",
    [
      "tenant_id",
      "kind",
      "hash",
      "customer_id",
      "masked",
      "verified",
      "source",
      "first_seen_at",
      "last_seen_at",
    ],
    threads.flatMap((t) =>
      t.identities.map((s) => [
        tenantId,
        s.kind,
        s.hash,
        t.customerId,
        s.masked,
        0,
        "orders",
        now,
        now,
      ]),
    ),
  );
  await insertRows(
    env.DB,
    "threads",
    [
      "tenant_id",
      "id",
      "customer_id",
      "status",
      "control",
      "version",
      "state",
      "refs",
      "opened_at",
      "last_event_at",
      "updated_at",
    ],
    threads.map((t) => {
      const summary = summarize(t.state);
      return [
        tenantId,
        t.threadId,
        t.customerId,
        threadStatus(t.state),
        t.state.control,
        t.facts.length,
        JSON.stringify(t.state),
        JSON.stringify({ orderIds: summary.orderIds, artifactHashes: summary.artifactHashes }),
        t.state.openedAt,
        t.state.lastEventAt,
        now,
      ];
    }),
  );
  await insertRows(
    env.DB,
    "thread_links",
    ["tenant_id", "kind", "external_id", "thread_id", "contact_id", "channel", "linked_at"],
    threads.flatMap((t) =>
      t.links.map(([kind, id, contact, channel]) => [
        tenantId,
        kind,
        id,
        t.threadId,
        contact,
        channel,
        now,
      ]),
    ),
  );
  // The rollups the Worker keeps incrementally, summed for the chunk and added in.
  const totals = new Map<string, Contribution>();
  for (const t of threads)
    for (const c of contributionsOf(t.state)) {
      const key = JSON.stringify([c.segment, c.metric]);
      const sum = totals.get(key);
      totals.set(
        key,
        sum ? { ...sum, n: sum.n + c.n, sum: sum.sum + c.sum, sumSq: sum.sumSq + c.sumSq } : c,
      );
    }
  const rollups = rollupStatements(env.DB, tenantId, [...totals.values()]);
  for (let i = 0; i < rollups.length; i += 50) await env.DB.batch(rollups.slice(i, i + 50));
  await insertRows(
    env.DB,
    "thread_events",
    ["tenant_id", "thread_id", "seq", "event_key", "type", "occurred_at", "recorded_at", "data"],
    threads.flatMap((t) =>
      t.facts.map((f, n) => [
        tenantId,
        t.threadId,
        n + 1,
        f.key,
        f.type,
        f.at,
        now,
        JSON.stringify(f),
      ]),
    ),
  );
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/tenant") {
      const created = await createTenant(
        env,
        `bench-${crypto.randomUUID().slice(0, 8)}`,
        new Date(),
      );
      if (created === "subdomain_taken") return Response.json({ error: "taken" }, { status: 409 });
      const sealed = await sealSecrets(env, created.tenantId, {});
      await saveSettings(env.DB, created.tenantId, {
        settings: { orders: { demo: true } },
        secretsSealed: sealed,
        expectedVersion: 0,
        now: new Date().toISOString(),
      });
      return Response.json(created);
    }
    if (url.pathname === "/seed") {
      const tenantId = url.searchParams.get("tenant")!;
      const from = Number(url.searchParams.get("from"));
      const to = Number(url.searchParams.get("to"));
      await seed(env, tenantId, from, to);
      return Response.json({ seeded: to - from });
    }
    if (url.pathname === "/counts") {
      const tables = [
        "customers",
        "identities",
        "threads",
        "thread_links",
        "thread_events",
        "metric_rollups",
      ];
      const counts = await Promise.all(
        tables.map(async (t) => [
          t,
          (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`).first<{ n: number }>())!.n,
        ]),
      );
      return Response.json(Object.fromEntries(counts));
    }
    return new Response("not found", { status: 404 });
  },
};

import type { Step } from "../../scripts/journeys/format";
import { judgeExpectation, type ContextReading } from "../../scripts/journeys/judge";
import {
  channelDelivery,
  suncoDelivery,
  zendeskDelivery,
  type SignedDelivery,
} from "../../scripts/lib/signed-delivery";
import type { StandinUrls } from "../../scripts/standins/index";
import type { DemoJourney, DemoTicket } from "./demo-journey";
import type { DemoSession } from "./demo-session";
import type { ChapterView, CheckView } from "./workspace-view";

export interface PlayTarget {
  workerUrl: string;
  operatorToken: string;
  standins: StandinUrls;
}

const SETTLE_TIMEOUT_MS = 15_000;

/** The ticket a delivery lands on: the channel event's ticketId or the Zendesk event's ticket. */
function ticketOf(step: Step | undefined): number | null {
  if (!step) return null;
  const id =
    "channelEvent" in step
      ? step.channelEvent.ticketId
      : "zendeskEvent" in step
        ? (step.zendeskEvent.detail as { id?: unknown } | undefined)?.id
        : undefined;
  return id === undefined || id === null ? null : Number(id);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

/**
 * Plays the demo journey one chapter (one contact) at a time against the session's tenant, the
 * way the vendors would: the customer's words land on the Zendesk ticket, then the signed webhook
 * reaches the Worker. After each chapter it waits for queued work and judges the journey's checks.
 */
export class DemoPlayer {
  private played = 0;
  private readonly checks: CheckView[][] = [];
  private readonly labels = new Map<string, string>();
  private readonly loadedTickets = new Set<string>();
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly demo: DemoJourney,
    private readonly target: PlayTarget,
    private readonly session: DemoSession,
  ) {}

  get finished(): boolean {
    return this.played >= this.demo.chapters.length;
  }

  chapters(): ChapterView[] {
    return this.demo.chapters.map((chapter, i) => ({
      title: chapter.title,
      text: chapter.text,
      ticketId: ticketOf(chapter.steps[0]),
      played: i < this.played,
      checks: this.checks[i] ?? [],
    }));
  }

  /** Play the next chapter; concurrent calls queue instead of interleaving deliveries. */
  playNext(): Promise<ChapterView | null> {
    const run = this.busy.then(() => this.playChapter());
    this.busy = run.catch(() => undefined);
    return run;
  }

  private async playChapter(): Promise<ChapterView | null> {
    const index = this.played;
    const chapter = this.demo.chapters[index];
    if (!chapter) return null;
    const checks: CheckView[] = [];
    for (const step of chapter.steps) checks.push(...(await this.play(step)));
    this.checks[index] = checks;
    this.played++;
    return this.chapters()[index]!;
  }

  private async play(step: Step): Promise<CheckView[]> {
    const secrets = {
      tenantId: this.session.tenant.tenantId,
      appSecret: this.session.tenant.appSecret,
      zendeskWebhookSecret: this.session.tenant.zendeskWebhookSecret,
      suncoWebhookSecret: this.session.tenant.suncoWebhookSecret,
    };
    if ("channelEvent" in step) {
      const event = step.channelEvent as {
        ticketId?: string;
        message?: { author?: string; text?: string };
      };
      if (event.ticketId) await this.customerWrites(event.ticketId, event.message);
      await this.deliver(channelDelivery(step.channelEvent, secrets));
      return [];
    }
    if ("zendeskEvent" in step) {
      const detail = step.zendeskEvent.detail as { id?: unknown; description?: string };
      if (detail?.id !== undefined) await this.ensureTicket(String(detail.id), detail.description);
      await this.deliver(zendeskDelivery(step.zendeskEvent, secrets));
      return [];
    }
    if ("suncoEvent" in step) {
      await this.deliver(suncoDelivery(step.suncoEvent, secrets));
      return [];
    }
    if ("expect" in step) {
      await this.settle();
      const e = step.expect;
      const what = e.ticket ? `ticket ${e.ticket}` : `session ${e.session}`;
      const path = e.ticket
        ? `/v1/tickets/${encodeURIComponent(e.ticket)}/context`
        : `/v1/sessions/${encodeURIComponent(e.session!)}/context`;
      const response = await fetch(`${this.target.workerUrl}${path}`, {
        headers: { authorization: `Bearer ${this.session.tenant.appSecret}` },
      });
      if (response.status !== 200)
        return [{ ok: false, message: `${what}: the context answered ${response.status}` }];
      const context = (await readJson(response)) as ContextReading;
      return judgeExpectation(e, context, this.labels).map((v) => ({
        ok: v.ok,
        message: `${what}: ${v.message}`,
      }));
    }
    if ("expectNotes" in step) {
      await this.settle();
      const notes = (await this.ticketComments(step.expectNotes.ticket)).filter((c) => !c.public);
      return [
        {
          ok: notes.length === step.expectNotes.count,
          message: `ticket ${step.expectNotes.ticket}: ${step.expectNotes.count} internal note(s) expected, Zendesk holds ${notes.length}`,
        },
      ];
    }
    return [];
  }

  private ticket(id: string): DemoTicket | undefined {
    return this.demo.tickets.find((t) => t.id === id);
  }

  /** Create the ticket in the Zendesk stand-in the first time the journey reaches it. */
  private async ensureTicket(id: string, description?: string): Promise<boolean> {
    if (this.loadedTickets.has(id)) return false;
    const ticket = this.ticket(id);
    if (!ticket) throw new Error(`the demo journey names ticket ${id} but does not describe it`);
    const response = await fetch(
      `${this.target.standins.zendesk}/__control/${this.session.space}/load`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          tickets: [
            {
              id: ticket.id,
              requester_id: ticket.requesterId,
              via: ticket.via,
              subject: ticket.subject,
              description: description ?? ticket.description ?? "",
              status: "new",
            },
          ],
        }),
      },
    );
    if (!response.ok) throw new Error(`loading ticket ${id} answered ${response.status}`);
    this.loadedTickets.add(id);
    return true;
  }

  /**
   * A customer's chat line or call lands on its ticket before the channel tells the Worker, as it
   * would in Zendesk: the first one opens the ticket, later ones are public comments.
   */
  private async customerWrites(ticketId: string, message?: { author?: string; text?: string }) {
    const text = message?.author === "customer" ? message.text : undefined;
    if (await this.ensureTicket(ticketId, text)) return;
    if (!text) return;
    const { baseUrl, email, apiToken } = this.session.zendesk;
    const requester = this.ticket(ticketId)?.requesterId;
    const response = await fetch(`${baseUrl}/api/v2/tickets/${ticketId}.json`, {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from(`${email}/token:${apiToken}`).toString("base64")}`,
      },
      body: JSON.stringify({
        ticket: { comment: { body: text, public: true, author_id: Number(requester) } },
      }),
    });
    if (!response.ok)
      throw new Error(`adding the customer's message to ticket ${ticketId}: ${response.status}`);
  }

  private async deliver(delivery: SignedDelivery): Promise<void> {
    const response = await fetch(`${this.target.workerUrl}${delivery.path}`, {
      method: "POST",
      headers: delivery.headers,
      body: delivery.body,
    });
    if (response.status < 200 || response.status >= 300)
      throw new Error(
        `the Worker answered ${response.status} to ${delivery.path.split("/").slice(0, 4).join("/")}: ${JSON.stringify(await readJson(response))}`,
      );
  }

  /** Wait until the Worker's queues hold nothing for this tenant. */
  async settle(): Promise<void> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const response = await fetch(
        `${this.target.workerUrl}/v1/admin/tenants/${this.session.tenant.tenantId}/backlog`,
        { headers: { authorization: `Bearer ${this.target.operatorToken}` } },
      );
      if (response.ok && ((await response.json()) as { settled: boolean }).settled) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`queued work did not settle within ${SETTLE_TIMEOUT_MS} ms`);
  }

  private async ticketComments(ticketId: string): Promise<{ public: boolean }[]> {
    const response = await fetch(
      `${this.target.standins.zendesk}/__control/${this.session.space}/state`,
    );
    const state = (await response.json()) as {
      tickets: Record<string, { comments: { public: boolean }[] }>;
    };
    return state.tickets[ticketId]?.comments ?? [];
  }
}

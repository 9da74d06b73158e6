/**
 * From a committed fact to the sidebar's DOM, in headless Chromium, in the local preview: two
 * sidebars open on the same ticket at once, one attached to the live session and one as it is
 * without it (no WebSocket in its page, so it polls the log every 10 s as today), watch the same
 * customer messages arrive. Each message's latency is from its recorded commit time in the log to
 * the moment its text is first in that sidebar's DOM.
 */
import type { Frame, Page } from "playwright-core";
import { launchChromium } from "../lib/chromium";
import type { DemoTenant } from "../lib/demo-tenant";
import type { LocalStack } from "../lib/local-stack";
import { channelDelivery } from "../lib/signed-delivery";
import { pause, spread, until, type Spread } from "./session-clients";
import { startDemoPreview } from "./demo-preview";

export interface SidebarLatency {
  session: Spread;
  polling: Spread;
}

const TICKET = "101";

/**
 * In every frame, before its scripts: when each marker's text first appears in the DOM. No named
 * function inside: tsx would wrap it in a helper the page does not have.
 */
function noteMarkers() {
  const w = window as unknown as { __marks: Record<string, number> };
  w.__marks = {};
  new MutationObserver(() => {
    for (const m of (document.body?.textContent ?? "").matchAll(/LIVE-\d+-MARK/g))
      w.__marks[m[0]] ??= performance.timeOrigin + performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function sidebarOf(page: Page, appOrigin: string): Promise<Frame> {
  let frame: Frame | undefined;
  await until(
    "the sidebar frame",
    () => (frame = page.frames().find((f) => f.url().startsWith(appOrigin))) !== undefined,
    30_000,
  );
  await frame!.waitForSelector('[data-testid="timeline-entry"]', {
    state: "attached",
    timeout: 30_000,
  });
  return frame!;
}

const marks = (frame: Frame) =>
  frame.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);

export async function measureSidebarLatency(
  stack: LocalStack,
  tenant: DemoTenant,
  appDir: string,
  messages: number,
): Promise<SidebarLatency> {
  const preview = await startDemoPreview(stack, tenant, appDir);
  const browser = await launchChromium();
  try {
    // The first two chapters: Maya's web chat on ticket 101, long enough that the sidebar folds
    // the older timeline entries.
    await preview.player().playNext();
    await preview.player().playNext();
    const [live, polling] = [await browser.newPage(), await browser.newPage()];
    for (const page of [live, polling]) await page.addInitScript(noteMarkers);
    await polling.addInitScript(() => {
      delete (window as { WebSocket?: unknown }).WebSocket;
    });
    const frames: Frame[] = [];
    for (const page of [live, polling]) {
      await page.goto(`${preview.url}?ticket=${TICKET}`);
      frames.push(await sidebarOf(page, preview.appOrigin));
    }
    const [liveFrame, pollingFrame] = frames as [Frame, Frame];
    // Every entry shown, so a message is still in the DOM when a poll comes after several more.
    // (The timeline is folded under its heading: the button is clicked in the DOM, unseen.)
    for (const frame of frames)
      await frame.$eval('[data-testid="timeline-all"]', (b) => (b as HTMLElement).click());
    // Attached: the live sidebar lists who is there; the other cannot attach at all.
    await liveFrame.waitForSelector('[data-testid="participant"]', {
      state: "attached",
      timeout: 30_000,
    });

    const sent: string[] = [];
    for (let i = 0; i < messages; i++) {
      const marker = `LIVE-${i}-MARK`;
      const delivery = channelDelivery(
        {
          id: `bench-live-${i}-${Date.now()}`,
          channel: "web_chat",
          occurredAt: new Date().toISOString(),
          sessionId: "WC-9931",
          ticketId: TICKET,
          identifiers: [{ type: "email", value: "maya.ortiz@example.com" }],
          message: { author: "customer", text: `${marker} is the reference on my parcel.` },
        },
        tenant,
      );
      const answer = await fetch(`${stack.workerUrl}${delivery.path}`, {
        method: "POST",
        headers: delivery.headers,
        body: delivery.body,
      });
      if (answer.status !== 202) throw new Error(`event refused: ${answer.status}`);
      sent.push(marker);
      // Spread over the poll interval, so polling is caught at every phase of its timer.
      await pause(1_000 + Math.random() * 2_000);
    }
    let seen: Record<string, number>[] = [];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      seen = [await marks(liveFrame), await marks(pollingFrame)];
      if (seen.every((s) => sent.every((m) => s[m] !== undefined))) break;
      await pause(250);
    }
    const committed = await commitTimes(stack, tenant, sent);
    const latencies = (s: Record<string, number> | undefined) =>
      sent.map((m) => {
        if (s?.[m] === undefined) throw new Error(`${m} never reached a sidebar`);
        return s[m] - committed.get(m)!;
      });
    return { session: spread(latencies(seen[0])), polling: spread(latencies(seen[1])) };
  } finally {
    await browser.close();
    await preview.stop();
  }
}

/** Each marker's commit time, as the thread's log recorded it. */
async function commitTimes(stack: LocalStack, tenant: DemoTenant, markers: string[]) {
  const headers = { authorization: `Bearer ${tenant.appSecret}` };
  const context = await fetch(`${stack.workerUrl}/v1/tickets/${TICKET}/context`, { headers });
  const { thread } = (await context.json()) as { thread: { id: string } };
  const found = new Map<string, number>();
  for (let after = 0; ;) {
    const page = (await (
      await fetch(`${stack.workerUrl}/v1/threads/${thread.id}/events?after=${after}&limit=500`, {
        headers,
      })
    ).json()) as {
      events: { recordedAt: string; event: { type: string; text?: string } }[];
      nextAfter: number;
    };
    for (const e of page.events) {
      const marker = markers.find((m) => e.event.text?.startsWith(m));
      if (marker && e.event.type === "message.received" && !found.has(marker))
        found.set(marker, Date.parse(e.recordedAt));
    }
    if (page.events.length < 500) break;
    after = page.nextAfter;
  }
  for (const m of markers) if (!found.has(m)) throw new Error(`${m} is not in the log`);
  return found;
}

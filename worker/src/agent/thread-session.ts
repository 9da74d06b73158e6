import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import { runAgent, type RunResult } from "./run-agent";
import { countRoundTrips } from "../store/round-trips";

/**
 * One per thread: runs of the agent on a thread go through here one at a time. A request that
 * arrives while a run is in flight does not start another; it waits, and the loop runs again with
 * everything that arrived meanwhile folded into one decision.
 */
export class ThreadSession extends DurableObject<Env> {
  private wanted = 0;
  private processed = 0;
  private loop: Promise<RunResult | null> | null = null;

  async run(
    tenantId: string,
    threadId: string,
    upTo: number,
  ): Promise<{ processedOffset: number }> {
    this.wanted = Math.max(this.wanted, upTo);
    while (this.processed < this.wanted) {
      this.loop ??= this.drain(tenantId, threadId).finally(() => {
        this.loop = null;
      });
      await this.loop;
    }
    return { processedOffset: this.processed };
  }

  private async drain(tenantId: string, threadId: string): Promise<RunResult | null> {
    let last: RunResult | null = null;
    while (this.processed < this.wanted) {
      const counted = countRoundTrips(this.env, "agent run");
      last = await runAgent(counted.env, tenantId, threadId);
      if (last.kind === "ran") counted.done();
      // Nothing left to do also settles what was wanted: the log holds no newer trigger.
      this.processed =
        last.kind === "ran"
          ? Math.max(last.processedOffset, this.processed)
          : Math.max(this.wanted, this.processed);
      if (last.kind !== "ran") break;
    }
    return last;
  }
}

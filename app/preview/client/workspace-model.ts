import type { TicketView, WorkspaceView } from "../workspace-view";

/**
 * The preview workspace's state: what the preview server last said (tickets, the agent, the app,
 * the demo journey), which tickets are open in tabs and what the main pane shows.
 */

/** Calls the preview server's API: GET without a body, POST with one; throws its error message. */
export async function previewApi<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        },
  );
  const answer = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(answer.error?.message ?? `${path} answered ${response.status}`);
  return answer;
}

/** What the main pane shows: a ticket, or the app's nav bar location. */
export type View = { kind: "ticket"; id: number } | { kind: "nav_bar" };

export class WorkspaceModel {
  data!: WorkspaceView;
  readonly openTabs: number[] = [];
  view: View | null = null;
  /** A journey step (or a reset) is under way. */
  busy = false;

  async load() {
    this.data = await previewApi<WorkspaceView>("/api/workspace");
  }

  ticket(id: number): TicketView | undefined {
    return this.data.tickets.find((t) => t.id === id);
  }
}

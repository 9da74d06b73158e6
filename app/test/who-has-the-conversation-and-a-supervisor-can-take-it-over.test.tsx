import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderSidebar } from "./render";
import { writes, zafDouble } from "./zaf-double";
import {
  attachedSocket,
  playSessionSockets,
  SESSION_THREAD as THREAD,
  sessionWorker,
  SessionSocket,
} from "./session-socket";

playSessionSockets();

const worker = sessionWorker;

const AI = { role: "ai", participantId: "ai", label: "AI agent", since: "a" };
const held = (
  holder: { role: string; participantId: string; name: string },
  aiStaying = false,
) => ({
  type: "presence",
  participants: [
    AI,
    { role: holder.role, participantId: holder.participantId, label: "sidebar", since: "b" },
  ],
  control: { owner: "human", holder, mode: "warm", aiStaying },
});

const attached = attachedSocket;

describe("who has the conversation", () => {
  it("members of the groups the installation names supervise too; other agents work the thread", async () => {
    const settings = { supervisorGroups: "Team Leads, 9100" };
    const roleAsked = async (groups: { id: number; name: string }[]) => {
      SessionSocket.made = [];
      const client = zafDouble({
        sessions: true,
        worker,
        settings,
        user: { id: 4, name: "Kai Moreno", role: "agent", groups },
      });
      const view = renderSidebar({ client });
      await attached();
      const asked = client.requests.find((r) => r.path.endsWith("/session-tokens"))!;
      view.unmount();
      return (asked.body as { role: string }).role;
    };
    expect(await roleAsked([{ id: 12, name: "team leads " }])).toBe("supervisor");
    expect(await roleAsked([{ id: 9100, name: "Escalations" }])).toBe("supervisor");
    expect(await roleAsked([{ id: 12, name: "Tier 1" }])).toBe("agent");
    expect(await roleAsked([])).toBe("agent");
  });

  it("a supervisor watches, sees who has it, and can take it over", async () => {
    const client = zafDouble({
      sessions: true,
      worker,
      user: { id: 3, name: "Lee Park", role: "admin" },
    });
    renderSidebar({ client });
    const socket = await attached();
    // Watching is attaching as a supervisor: recorded, and nothing changes hands.
    const asked = client.requests.find((r) => r.path.endsWith("/session-tokens"))!;
    expect(asked.body).toMatchObject({ role: "supervisor", actor: "Lee Park" });
    expect(writes(client)).toEqual([]);

    socket.say(held({ role: "agent", participantId: "Dana Whitfield", name: "Dana Whitfield" }));
    const panel = await screen.findByTestId("conversation-control");
    expect(within(panel).getByTestId("control-holder").textContent).toBe(
      "Dana Whitfield has the conversation.",
    );
    expect(within(panel).getByTestId("control-watching")).toBeTruthy();
    const presence = within(screen.getByTestId("presence")).getAllByTestId("participant");
    expect(presence[0]!.textContent).toBe("AI agent");

    await userEvent.click(within(panel).getByTestId("control-take-over"));
    await waitFor(() => expect(writes(client)).toHaveLength(1));
    expect(writes(client)[0]).toMatchObject({
      path: `/v1/threads/${THREAD}/transfers`,
      body: { to: "human", role: "supervisor", actor: "Lee Park", name: "Lee Park" },
    });
  });

  it("an agent sees the AI staying in a warm transfer, and is told when a supervisor takes over", async () => {
    const client = zafDouble({ sessions: true, worker });
    renderSidebar({ client });
    const socket = await attached();
    const ana = { role: "agent", participantId: "Ana Agent", name: "Ana Agent" };
    socket.say(held(ana, true));
    const panel = await screen.findByTestId("conversation-control");
    expect(within(panel).getByTestId("control-holder").textContent).toBe(
      "You have the conversation.",
    );
    expect(within(panel).getByTestId("control-ai-staying")).toBeTruthy();
    expect(within(panel).queryByTestId("control-take-over")).toBeNull();

    socket.say(held({ role: "supervisor", participantId: "Lee Park", name: "Lee Park" }));
    expect((await within(panel).findByTestId("control-taken-from-you")).textContent).toBe(
      "Lee Park took the conversation over from you.",
    );
    expect(within(panel).getByTestId("control-holder").textContent).toBe(
      "Lee Park (supervisor) has the conversation.",
    );
    expect(within(panel).queryByTestId("control-ai-staying")).toBeNull();
  });
});

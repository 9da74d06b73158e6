import type { DemoJourney } from "./demo-journey";
import type { AgentView, PersonView, TicketView } from "./workspace-view";

interface StandinTicket {
  id: string;
  requester_id: string;
  via: { channel: string };
  status: string;
  subject: string;
  tags: string[];
  priority: string | null;
  updated_at: string;
  comments: {
    id: number;
    author_id: number;
    body: string;
    html_body: string;
    public: boolean;
    created_at: string;
  }[];
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
  nbsp: " ",
};

/**
 * A comment's HTML as plain text with its line structure kept (paragraphs, list items, line
 * breaks), so a handoff note reads as it does in Zendesk while the page never renders markup.
 */
export function commentText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li[^>]*>/gi, "• ")
    .replace(/<\/(p|div|li|h[1-6]|tr|ul|ol|table|pre|blockquote)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The Zendesk user the Worker writes as (the stand-in's API user). */
const API_USER: PersonView = { id: 1, name: "Continuity", email: null };

/**
 * The tickets the workspace shows, read from the Zendesk stand-in: what Zendesk holds, including
 * the internal notes the Worker wrote.
 */
export async function readTickets(
  zendeskStandin: string,
  space: string,
  demo: DemoJourney,
  agent: AgentView,
): Promise<TicketView[]> {
  const response = await fetch(`${zendeskStandin}/__control/${space}/state`);
  if (!response.ok) throw new Error(`the Zendesk stand-in answered ${response.status}`);
  const state = (await response.json()) as { tickets: Record<string, StandinTicket> };
  const people = new Map<number, PersonView>([[API_USER.id, API_USER]]);
  people.set(agent.id, { id: agent.id, name: agent.name, email: agent.email });
  for (const user of demo.journey.zendesk?.users ?? [])
    people.set(Number(user.id), {
      id: Number(user.id),
      name: user.name,
      email: user.identities.find((i) => i.type === "email")?.value ?? null,
    });
  const person = (id: number): PersonView =>
    people.get(id) ?? { id, name: `User ${id}`, email: null };
  return Object.values(state.tickets)
    .map((t) => ({
      id: Number(t.id),
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      via: t.via.channel,
      tags: t.tags,
      requester: person(Number(t.requester_id)),
      updatedAt: t.updated_at,
      comments: t.comments.map((c) => ({
        id: c.id,
        author: person(c.author_id),
        body: c.html_body ? commentText(c.html_body) : c.body,
        public: c.public,
        createdAt: c.created_at,
      })),
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * What the preview server tells the workspace page (`GET /api/workspace`). Shared by the server
 * and the browser code, so it holds types only.
 */

export interface CheckView {
  ok: boolean;
  message: string;
}

export interface ChapterView {
  title: string;
  text: string;
  /** The ticket this chapter's contact lands on, if any: the page opens it after playing. */
  ticketId: number | null;
  played: boolean;
  checks: CheckView[];
}

export interface PersonView {
  id: number;
  name: string;
  email: string | null;
}

export interface CommentView {
  id: number;
  author: PersonView;
  body: string;
  public: boolean;
  createdAt: string;
}

export interface TicketView {
  id: number;
  subject: string;
  status: string;
  priority: string | null;
  via: string;
  tags: string[];
  requester: PersonView;
  updatedAt: string;
  comments: CommentView[];
}

export interface AgentView {
  id: number;
  name: string;
  email: string;
  locale: string;
  role: string;
}

/** The installed app as Support would describe it to the page that hosts its iframes. */
export interface AppView {
  appId: number;
  installationId: number;
  name: string;
  version: string;
  /** The app's origin: not the page's, as in Zendesk, so neither can read the other. */
  origin: string;
  locations: { ticket_sidebar?: string; nav_bar?: string };
  /** Settings the browser may see: secure ones are left out, as `client.metadata()` does. */
  settings: Record<string, string | number | boolean>;
  navBarIcon: string | null;
}

export interface WorkspaceView {
  account: { subdomain: string };
  tenantId: string;
  workerUrl: string;
  agent: AgentView;
  app: AppView;
  customer: string;
  tickets: TicketView[];
  chapters: ChapterView[];
}

/** A `client.request` the page forwards to the server (`POST /api/zaf/request`). */
export interface ProxyRequest {
  options: unknown;
}

/** What the proxy got back, for the page to hand to the SDK as `.done` or `.fail`. */
export interface ProxyAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

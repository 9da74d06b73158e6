import type { ContextContract } from "../../../worker/src/contracts/context";
import type { ThreadAction as WorkerThreadAction } from "../../../worker/src/domain/thread-actions";
import type { TransferMode } from "../../../worker/src/domain/thread-events";

// Type-only imports: the app shares the worker's contract types and never bundles zod or hono.

/** What GET /v1/tickets/{id}/context returns, and every write answers with. */
export type ThreadContext = ContextContract;

export type Summary = ContextContract["summary"];
export type LinkedThread = ContextContract["linkedThreads"][number];
export type Workflow = NonNullable<ContextContract["workflow"]>;
export type WorkflowStep = Workflow["steps"][number];
export type WorkflowActionOption = Workflow["actions"][number];
export type IdentityLevel = ContextContract["identity"]["level"];
export type Channel = ContextContract["identity"]["channel"];
export type SlotName = Workflow["missing"][number];
export type RiskFlag = ContextContract["riskFlags"][number];
export type Note = ContextContract["notes"][number];
export type Candidate = ContextContract["candidates"][number];
export type TimelineEntry = ContextContract["timeline"][number];
export type SignalKind = ContextContract["identity"]["identifiers"][number]["kind"];

/** Actions the worker takes at POST /v1/threads/{id}/actions. */
export type ThreadAction = WorkerThreadAction;

/** What an action carries besides the action itself; the worker checks which ones apply. */
export interface ActionDetails {
  reason?: string;
  /** take_over from the AI: warm (the AI stays and introduces the person) or cold. */
  mode?: TransferMode;
  method?: string;
  customerId?: string;
  otherThreadId?: string;
}

/** 409 body of every write: what moved since the version the agent acted on. */
export interface StaleVersion {
  error: { code: "stale_version"; message: string };
  version: number;
  changes: string[];
}

export interface ThreadEvents {
  threadId: string;
  events: { offset: number; recordedAt: string; event: Record<string, unknown> }[];
  nextAfter: number;
  head: number;
}

/** POST /v1/threads/{id}/session-tokens: what attaches the sidebar to the thread's live session. */
export interface SessionToken {
  token: string;
  expiresAt: string;
  /** The path to open as a WebSocket on the Worker's origin. */
  attach: string;
  head: number;
}

export type {
  PresentParticipant,
  SessionControl,
  SessionMessage,
} from "../../../worker/src/domain/live-session";
export type { TransferMode } from "../../../worker/src/domain/thread-events";

import { sessionFor } from "../../threads/session-stub";
import { ApiError } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import {
  SESSION_TOKEN_TTL_MS,
  signSessionToken,
  verifySessionToken,
} from "../../security/session-token";
import { loadThread } from "../../store/threads";
import { ATTACH_HEADER, type AttachClaims } from "../../threads/attendance";
import { viewerThread } from "../threads/threads.handlers";
import type { AttachRoute, IssueTokenRoute } from "./sessions.routes";

export const issueToken: AppRouteHandler<IssueTokenRoute> = async (c) => {
  const { threadId } = c.req.valid("param");
  const body = c.req.valid("json");
  // The thread is the tenant's and the person's ticket is on it, or there is no token.
  const linked = await viewerThread(c, threadId, body);
  const exp = Date.now() + SESSION_TOKEN_TTL_MS;
  const token = await signSessionToken(c.env.SECRETS_KEY, {
    v: 1,
    tenant: c.get("tenant").config.id,
    thread: threadId,
    role: body.role,
    participant: body.actor,
    label: body.label,
    exp,
  });
  return c.json(
    {
      token,
      expiresAt: new Date(exp).toISOString(),
      attach: `/v1/threads/${threadId}/session`,
      head: linked.version,
    },
    201,
  );
};

const REFUSED = {
  malformed: "The session token is not one the Worker signed",
  bad_signature: "The session token is not one the Worker signed",
  expired: "The session token has expired: ask for a new one",
} as const;

export const attach: AppRouteHandler<AttachRoute> = async (c) => {
  const { threadId } = c.req.valid("param");
  const { token, after } = c.req.valid("query");
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket")
    throw new ApiError(426, "upgrade_required", "Open this path as a WebSocket");
  const checked = await verifySessionToken(c.env.SECRETS_KEY, token, Date.now());
  if (!checked.ok)
    throw new ApiError(
      401,
      checked.reason === "expired" ? "session_token_expired" : "invalid_session_token",
      REFUSED[checked.reason],
    );
  const claims = checked.payload;
  if (claims.thread !== threadId)
    throw new ApiError(403, "wrong_thread", `The session token is not for ${threadId}`);
  // The tenant is the signature's: a thread of any other tenant is simply not found.
  const thread = await loadThread(c.env.DB, claims.tenant, threadId);
  if (!thread) throw new ApiError(404, "thread_not_found", `No thread ${threadId}`);
  if (after > thread.version)
    throw new ApiError(
      422,
      "offset_ahead",
      `after ${after} is beyond the thread's newest offset (${thread.version})`,
    );
  const attachClaims: AttachClaims = {
    tenantId: claims.tenant,
    threadId,
    role: claims.role,
    participantId: claims.participant,
    label: claims.label,
    after,
  };
  return sessionFor(c.env, claims.tenant, threadId).fetch("https://thread-session/attach", {
    headers: { upgrade: "websocket", [ATTACH_HEADER]: JSON.stringify(attachClaims) },
  }) as never;
};

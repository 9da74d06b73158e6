import { contextView } from "../../domain/context-view";
import { ApiError } from "../../lib/problem";
import type { AppRouteHandler } from "../../lib/types";
import { noteStatuses } from "../../store/outbox";
import { loadThread } from "../../store/threads";
import { transferControl, transferRecorded } from "../../threads/transfer-control";
import { staleAnswer, versionToActOn, viewerThread } from "../threads/threads.handlers";
import type { TransferRoute } from "./transfers.routes";

export const transfer: AppRouteHandler<TransferRoute> = async (c) => {
  const { threadId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tenant = c.get("tenant");
  const tenantId = tenant.config.id;
  const linked = await viewerThread(c, threadId, body);
  const current = async () => {
    const thread = await loadThread(c.env.DB, tenantId, threadId);
    const notes = await noteStatuses(c.env.DB, tenantId, threadId);
    return c.json(contextView(thread!.state, linked.contactId, thread!.version, notes), 200);
  };
  // A redelivered request answers as the first did, though the thread has moved on since.
  if (await transferRecorded(c.env, tenantId, threadId, body.requestId)) return current();
  const version = await versionToActOn(c, linked, body.expectedVersion);
  if (version === null) return staleAnswer(c, threadId, body.expectedVersion);
  const outcome = await transferControl(c.env, tenant, linked, version, {
    requestId: body.requestId,
    to: body.to,
    ...(body.mode && { mode: body.mode }),
    by: { role: body.role, participantId: body.actor, name: body.name },
  });
  switch (outcome.kind) {
    case "refused":
      throw new ApiError(422, "transfer_not_possible", outcome.reason);
    case "stale":
      return staleAnswer(c, threadId, body.expectedVersion);
    case "already_recorded":
      return current();
    case "committed": {
      const notes = await noteStatuses(c.env.DB, tenantId, threadId);
      return c.json(contextView(outcome.state, linked.contactId, outcome.version, notes), 200);
    }
  }
};

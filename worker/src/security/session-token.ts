import { z } from "zod";
import { SESSION_ROLES } from "../domain/live-session";
import { sessionTokenKey } from "./keys";
import { signToken, verifyToken, type TokenCheck } from "./signed-token";

/**
 * What lets one participant attach to one thread's live session: the tenant, the thread, the
 * role, who they are and (for a customer) their contact, signed by the Worker and good for a few
 * minutes. The tenant and thread come from the signature, never from the request that brings it.
 */
export const SessionTokenPayload = z
  .object({
    v: z.literal(1),
    tenant: z.string().min(1),
    thread: z.string().min(1),
    role: z.enum(SESSION_ROLES),
    participant: z.string().min(1).max(120),
    /** A customer's contact on the thread: what they may see is theirs. */
    contact: z.string().min(1).optional(),
    label: z.string().min(1).max(80),
    /** Expiry, in epoch milliseconds: the time left to attach, not the session's length. */
    exp: z.number().int(),
  })
  .refine((t) => t.role !== "customer" || t.contact === t.participant, {
    message: "a customer attends as their contact",
  });
export type SessionTokenPayload = z.infer<typeof SessionTokenPayload>;

/** Long enough to open a socket after asking, short enough that a leaked token soon dies. */
export const SESSION_TOKEN_TTL_MS = 5 * 60 * 1000;

export async function signSessionToken(
  secretsKey: string,
  payload: SessionTokenPayload,
): Promise<string> {
  return signToken(await sessionTokenKey(secretsKey), payload);
}

export async function verifySessionToken(
  secretsKey: string,
  token: string,
  nowMs: number,
): Promise<TokenCheck<SessionTokenPayload>> {
  return verifyToken(await sessionTokenKey(secretsKey), token, SessionTokenPayload, nowMs);
}

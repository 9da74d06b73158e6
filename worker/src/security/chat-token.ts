import { z } from "zod";
import { chatTokenKey } from "./keys";
import { signToken, verifyToken, type TokenCheck } from "./signed-token";

/**
 * A web chat visitor's credential to their own chat session: the tenant and the session id,
 * signed by the Worker. The page keeps it in the browser's storage to resume after the tab is
 * closed; it is never put in a link. Another browser has none and starts over: a new session that
 * must prove who it is again. The session's thread is looked up when attaching, so the credential
 * follows the session wherever people link it.
 */
export const ChatTokenPayload = z.object({
  v: z.literal(1),
  tenant: z.string().min(1),
  session: z.string().min(1).max(200),
  exp: z.number().int(),
});
export type ChatTokenPayload = z.infer<typeof ChatTokenPayload>;

/** A working day: a visitor who comes back tomorrow starts a new conversation. */
export const CHAT_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

export async function signChatToken(secretsKey: string, payload: ChatTokenPayload) {
  return signToken(await chatTokenKey(secretsKey), payload);
}

export async function verifyChatToken(
  secretsKey: string,
  token: string,
  nowMs: number,
): Promise<TokenCheck<ChatTokenPayload>> {
  return verifyToken(await chatTokenKey(secretsKey), token, ChatTokenPayload, nowMs);
}

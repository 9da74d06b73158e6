import type { Env } from "../env";

/** The thread's Durable Object: its live session, for whoever has attached to the thread. */
export function sessionFor(env: Pick<Env, "THREAD_SESSION">, tenantId: string, threadId: string) {
  return env.THREAD_SESSION.get(env.THREAD_SESSION.idFromName(`${tenantId}:${threadId}`));
}

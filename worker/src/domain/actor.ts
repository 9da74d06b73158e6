/**
 * Who changed a thread. Facts and audit entries store it as a string whose forms the context API
 * and the audit export already show ("human:agent-7", "agent:rules", "system:ingest"), so the
 * strings are made and read only here.
 */
export type Actor =
  | { kind: "ai"; model?: string }
  | { kind: "person"; agentId?: string }
  | { kind: "system"; process: string };

const PERSON = "human";

export const person = (agentId?: string): Actor =>
  agentId ? { kind: "person", agentId } : { kind: "person" };
export const ai = (model?: string): Actor => (model ? { kind: "ai", model } : { kind: "ai" });
export const system = (process: string): Actor => ({ kind: "system", process });

/** The `by` of a fact a person or the agent made: "human:<id>", "human" or "ai". */
export function factBy(actor: Actor): string {
  if (actor.kind === "person") return actor.agentId ? `${PERSON}:${actor.agentId}` : PERSON;
  if (actor.kind === "ai") return "ai";
  return `system:${actor.process}`;
}

/**
 * The `by` of a completed workflow step, which the context API shows as one of three words: a
 * person's step says "human" whoever clicked.
 */
export function stepBy(actor: Actor): "ai" | "human" {
  return actor.kind === "person" ? PERSON : "ai";
}

/** The actor of an audit entry: "human:<id>", "agent:<model>" or "system:<process>". */
export function auditActor(actor: Actor): string {
  if (actor.kind === "ai") return `agent:${actor.model ?? "ai"}`;
  return factBy(actor);
}

/** Reads a stored `by` back; anything not a person's or a system's is the agent's. */
export function actorOf(by: string): Actor {
  if (by === PERSON) return person();
  if (by.startsWith(`${PERSON}:`)) return { kind: "person", agentId: by.slice(PERSON.length + 1) };
  if (by.startsWith("system:")) return system(by.slice("system:".length));
  if (by.startsWith("agent:")) return ai(by.slice("agent:".length));
  return ai();
}

export const isPerson = (by: string): boolean => actorOf(by).kind === "person";

/** How a stored `by` reads in a sentence: a person by their id, without the prefix. */
export function actorName(by: string): string {
  const actor = actorOf(by);
  if (actor.kind === "person") return actor.agentId ?? PERSON;
  return by;
}

/**
 * The group of the facts an actor adds in answer to a thread: "human:<…>" for a person's,
 * "agent:<…>" for the agent's. Facts in such a group sort after what they answer.
 */
export function reactionGroup(actor: Actor, suffix: string | number): string {
  return `${actor.kind === "person" ? PERSON : "agent"}:${suffix}`;
}

export const isReactionGroup = (group: string): boolean =>
  group.startsWith("agent:") || group.startsWith(`${PERSON}:`);

import { linksOf, type ChannelEvent } from "./channel-event";

/**
 * Split deliveries into conversations: two deliveries that share a session or a ticket, directly
 * or through a third, are in one, in the order they came. A conversation's events are recorded one
 * after the other; different conversations may be recorded side by side, because a thread they
 * happen to share is guarded by compare-and-set.
 */
export function byConversation<T>(
  items: readonly T[],
  eventOf: (item: T) => Pick<ChannelEvent, "sessionId" | "ticketId">,
): T[][] {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const firstWith = new Map<string, number>();
  items.forEach((item, i) => {
    for (const link of linksOf(eventOf(item))) {
      const key = `${link.kind}:${link.id}`;
      const first = firstWith.get(key);
      if (first === undefined) firstWith.set(key, i);
      else parent[root(i)] = root(first);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), item]));
  return [...groups.values()];
}

import { mergeSlots, type SlotName, type Slots } from "../slots";
import { WORKFLOWS } from "../workflows";
import type { OrderFacts } from "./cards";
import { addFact, type RunDraft } from "./run-draft";

/** Starts the workflow the provider classified, if none runs yet and this contact may start one. */
export function startWorkflow(draft: RunDraft): void {
  const { state, contactId, unconfirmed, input, at } = draft;
  const intent = input.interpretation.intent;
  // On a thread the customer's own contacts are on, what an unconfirmed contact asks for starts
  // nothing. A thread it is alone on is its own request: that may be named, nothing more.
  const customerOnThread = state.contacts.some(
    (c) =>
      c.id !== contactId &&
      !c.unconfirmed &&
      c.resolution.customerId !== null &&
      c.resolution.customerId === state.customerId,
  );
  if (!draft.workflow && intent && !(unconfirmed && customerOnThread)) {
    addFact(draft, {
      type: "workflow.started",
      workflow: intent,
      version: WORKFLOWS[intent].version,
      reason: `classified by ${input.provider}`,
    });
    draft.workflow = {
      id: intent,
      version: WORKFLOWS[intent].version,
      startedAt: at,
      reason: input.provider,
      completed: {},
      denied: null,
    };
  }
}

/** Fills the slots the provider read and, from the customer's own order, which item it is about. */
export function fillSlots(draft: RunDraft): void {
  const { unconfirmed, input, contactId, cards, state, at } = draft;
  const modelSlots = Object.fromEntries(
    Object.entries(unconfirmed ? {} : input.interpretation.slots).filter(
      ([name]) => !draft.slots[name as SlotName],
    ),
  ) as Slots;
  if (Object.keys(modelSlots).length > 0) {
    addFact(draft, { type: "slots.filled", contactId, slots: modelSlots, source: "model" });
    draft.slots = mergeSlots(draft.slots, modelSlots);
  }
  // Only the thread's own customer's order can say which item this is about.
  if (
    !draft.slots.items &&
    !unconfirmed &&
    cards.order.status === "found" &&
    cards.order.order.customerId === state.customerId
  ) {
    const named = itemsNamed(cards.order.order.items, draft.text);
    if (named.length > 0) {
      const filled: Slots = {
        items: { value: named.map((item) => item.name).join(", "), source: "order", at },
      };
      addFact(draft, { type: "slots.filled", contactId, slots: filled, source: "order" });
      draft.slots = mergeSlots(draft.slots, filled);
    }
  }
}

/** One item: it is that one. Several: the ones the customer named, word for word. */
function itemsNamed(items: OrderFacts["items"], text: string): OrderFacts["items"] {
  return items.length === 1
    ? items
    : items.filter((item) =>
        item.name
          .toLowerCase()
          .split(/\s+/)
          .some(
            (word) =>
              word.length > 2 &&
              new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}s?\\b`, "i").test(text),
          ),
      );
}

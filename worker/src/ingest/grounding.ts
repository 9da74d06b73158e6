import type { OrderSystem } from "../connectors/orders";
import type { MessageReferences } from "../domain/language/references";
import { normalizeOrderId } from "../domain/identifiers";
import type { WorkflowId } from "../domain/intent";
import type { NameZipPair } from "../domain/language/name-and-postcode";

/** What the customer's words refer to, once the order system has said what is real. */
export interface GroundedReferences {
  /** Orders the order system knows (canonical ids), or cued ones where there is no order system. */
  orderIds: string[];
  /**
   * The name and postcode the customer gave: the pair the order system knows, else the likeliest
   * one (so the agent does not ask again and the identity shows a given but unmatched pair).
   */
  nameZip: (NameZipPair & { confirmed: boolean }) | null;
  emails: string[];
  phones: string[];
}

const ORDER_WORKFLOWS: WorkflowId[] = [
  "refund",
  "replacement",
  "return_exchange",
  "order_status",
  "address_change",
  "warranty_claim",
  "billing_dispute",
];

/**
 * Whether what the customer asks for is about an order: then a figure alone may name it. A
 * disputed payment or a stranger in the account is too: "two orders on my account (53302 and
 * 53307) I never placed" names the orders a person must look at.
 */
export function aboutAnOrder(intents: WorkflowId[], hardStops: readonly string[] = []): boolean {
  return (
    intents.some((w) => ORDER_WORKFLOWS.includes(w)) ||
    hardStops.some((s) => s === "payment_dispute" || s === "suspected_takeover")
  );
}

/** Figures alone are looked up only this often per message: each is a call to the order system. */
const BARE_LOOKUPS = 2;

/**
 * Confirm references against the system of record instead of guessing from their shape. Cued
 * candidates are asked for first; figures alone only when nothing cued is there (or the customer
 * speaks of more than one order) and they are not the postcode a confirmed name+zip used. An outage throws, so the event is retried whole.
 */
export async function groundReferences(
  refs: MessageReferences,
  orders: OrderSystem,
  options: {
    hasOrderSystem: boolean;
    /** The message is about an order (or answers a question for one): figures alone may be one. */
    aboutAnOrder: boolean;
  },
): Promise<GroundedReferences> {
  let nameZip: GroundedReferences["nameZip"] = null;
  for (const pair of refs.nameZip) {
    const found = await orders.customersByNameZip(pair.name, pair.zip);
    if (found.length > 0) {
      nameZip = { ...pair, confirmed: true };
      break;
    }
  }
  if (!nameZip && refs.nameZip[0]) nameZip = { ...refs.nameZip[0], confirmed: false };

  // Brackets alone do not make the postcode of a confirmed name an order: "Rosa (30303)".
  const zipFigures = nameZip?.confirmed ? nameZip.zip.replace(/\s/g, "") : null;
  const cued = refs.orders.filter(
    (c) => c.strength === "cued" && !(c.cue === "brackets" && c.id === zipFigures),
  );
  const bare = options.aboutAnOrder
    ? refs.orders.filter((c) => c.strength === "bare" && c.id !== zipFigures).slice(0, BARE_LOOKUPS)
    : [];
  if (!options.hasOrderSystem)
    return { orderIds: cued.map((c) => c.id), nameZip, ...contacts(refs) };

  const confirm = async (candidates: typeof refs.orders) =>
    (
      await Promise.all(
        candidates.map(async (c) => {
          // The id as the order system keeps it, so every form the customer writes is one order.
          const found = await orders.order(c.written);
          return found ? (normalizeOrderId(found.id) ?? c.id) : null;
        }),
      )
    ).filter((id): id is string => id !== null);
  const orderIds = await confirm(cued);
  if (cued.length === 0 || refs.severalOrders) orderIds.push(...(await confirm(bare)));
  return { orderIds: [...new Set(orderIds)], nameZip, ...contacts(refs) };
}

function contacts(refs: MessageReferences) {
  return { emails: refs.emails, phones: refs.phones };
}

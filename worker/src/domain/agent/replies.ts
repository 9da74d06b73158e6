import type { IdentityLevel } from "../identity-level";
import type { HardStopCode } from "../intent";
import type { SlotName } from "../slots";
import type { KnowledgeAnswer } from "../knowledge/passage";
import type { OrderFacts } from "./cards";
import { HARD_STOP_REASONS } from "./policy";

/**
 * Templated replies (the rules provider's words, and every provider's fallback). Questions ask
 * for the minimum and say why.
 */
const WHY: Record<SlotName, string> = {
  order_id: "so I can find the right order",
  photos: "so we can see the damage without asking you to send the item back first",
  invoice: "as proof of purchase for the warranty",
  serial_number: "so the manufacturer can check the warranty (it's on the label under the machine)",
  shipping_address: "so we ship to the right place",
  payment_method: "so billing can trace the payment",
  items: "so we act on the right item",
  reason: "so we pick the right option for you",
  email: "to match you to your account",
  phone: "to match you to your account",
  name_zip: "to confirm it's you",
};

const ASK: Record<SlotName, string> = {
  order_id: "What's the order number?",
  photos: "Could you send a photo or two of the damage?",
  invoice: "Could you send the invoice or receipt?",
  serial_number: "Could you send the serial number?",
  shipping_address: "What's the new shipping address?",
  payment_method: "Which card or payment method was charged?",
  items: "Which item is this about?",
  reason: "What went wrong with it?",
  email: "What email address is on the account?",
  phone: "What phone number is on the account?",
  name_zip: "Could you tell me the name and zip code on the order?",
};

export function askFor(missing: SlotName[], held: SlotName[]): string {
  const [first, second] = missing;
  if (!first) return "Is there anything else I can help with?";
  const thanks =
    held.length > 0
      ? `Thanks, I have the ${held.map((s) => s.replace(/_/g, " ")).join(" and ")}. `
      : "";
  const also = second ? ` I'll also need the ${second.replace(/_/g, " ")} after that.` : "";
  return `${thanks}${ASK[first]} I need it ${WHY[first]}.${also}`;
}

/** The customer gave an order number we cannot find: say which, and ask them to check it. */
export function orderNotFound(written: string[]): string {
  const named = written.map((o) => (o.startsWith("#") ? o : `#${o}`)).join(" or ");
  return `I couldn't find order ${named}. Could you check the number? It's in the confirmation email.`;
}

export function askWhichOrder(orderIds: string[]): string {
  const [first, ...rest] = orderIds;
  if (!first)
    return "Which order is this about? I need the order number so I don't mix it up with another one.";
  if (rest.length === 0)
    return `Are you contacting us about order #${first}, or a different order?`;
  return `Is this about order #${first}, ${rest.map((o) => `#${o}`).join(", ")}, or a different order?`;
}

export function askSecondFactor(level: IdentityLevel, nameZipHeld = false): string {
  const lead =
    level === "unknown"
      ? "I couldn't match this contact to an account yet."
      : "Before I share order details, I need one more thing to confirm it's you.";
  return nameZipHeld
    ? `${lead} The details you gave didn't match the order; what's the email address on it?`
    : `${lead} What's the email address on the order, or the name and zip code it ships to?`;
}

/**
 * To a contact that gave only an order number: an order number is knowable, so the reply says
 * nothing about the order (not whether it exists, what is in it, or where it is) and asks for one
 * more signal. Once the contact has given something else that did not agree, it says so, without
 * saying which detail failed.
 */
export function askSecondSignal(triedAlready: boolean): string {
  const lead = triedAlready
    ? "I still can't confirm it's you from the details so far."
    : "Thanks. An order number on its own doesn't confirm it's you, so before I look into the order I need one more detail.";
  return `${lead} What's the email address on the order, or the name and zip code it ships to?`;
}

export function sentCode(channelName: string): string {
  return `For your security I've sent a one-time code by ${channelName}. Please reply with the 6 digits; it's valid for 10 minutes.`;
}

export function wrongCode(attemptsLeft: number): string {
  return attemptsLeft > 0
    ? `That code didn't match. You have ${attemptsLeft} more ${attemptsLeft === 1 ? "try" : "tries"}.`
    : "That code didn't match.";
}

export const CODE_EXPIRED =
  "That code has expired, so I've sent a new one. Please reply with the new 6 digits.";

export function handoff(code: HardStopCode | "needs_person", detail: string): string {
  const reason = code === "needs_person" ? detail : HARD_STOP_REASONS[code];
  return `I'm passing this to a colleague because ${reason}. They'll continue from here with everything you've told us, so you won't need to repeat it.`;
}

export function waitingOnPerson(stepTitle: string): string {
  return `Thanks, I have everything I need. A colleague is now handling "${stepTitle.toLowerCase()}", and you don't need to send anything else. We'll be in touch on this thread.`;
}

export function orderStatus(order: OrderFacts): string {
  const shipment = order.shipments[0];
  const item = order.items[0]?.name ?? "your order";
  switch (order.status) {
    case "delivered":
      return `Order #${order.id} (${item}) was delivered${order.deliveredAt ? ` on ${order.deliveredAt.slice(0, 10)}` : ""}.${shipment?.tracking ? ` Tracking: ${shipment.carrier ?? ""} ${shipment.tracking}.`.replace("  ", " ") : ""}`;
    case "processed":
      return `Order #${order.id} (${item}) has been processed and is waiting for the carrier${shipment?.eta ? `; expected ${shipment.eta.slice(0, 10)}` : ""}. I'll flag it to the warehouse team if it hasn't shipped in 2 business days.`;
    case "pending":
      return `Order #${order.id} (${item}) is confirmed and being prepared; it hasn't shipped yet.`;
    case "cancelled":
      return `Order #${order.id} was cancelled.`;
    default:
      return `Order #${order.id} has a return or exchange in progress.`;
  }
}

export function eligibility(order: OrderFacts, eligible: boolean): string {
  return eligible
    ? `Order #${order.id} is within its return window${order.returnWindowEndsAt ? ` (until ${order.returnWindowEndsAt.slice(0, 10)})` : ""}.`
    : `Order #${order.id} is outside its return window, so a colleague will look at the options with you.`;
}

/** How long the customer has to send the parcel is the store's rule, not ours: it is not told. */
export function returnLabel(order: OrderFacts): string {
  return `I've started the return for order #${order.id}. You'll get a prepaid return label by email.`;
}

export function denied(reason: string): string {
  return `We've looked at your request and can't approve it (${reason}). A colleague will follow up on this thread with what we can do instead.`;
}

export const ALREADY_RESOLVED =
  "This request was marked as resolved, so I won't ask you anything more about it. If something is still wrong, tell me what and a colleague will pick it up again.";

export function reopenOffer(orderIds: string[]): string {
  const about =
    orderIds.length > 0 ? ` about order ${orderIds.map((o) => `#${o}`).join(", ")}` : "";
  return `We closed an earlier request${about} as resolved. I've started a new one for this; if it's the same problem, say so and a colleague will reopen the earlier one.`;
}

export const RESET_LINK =
  "Thanks, you're verified. I've sent a password reset link to the email on your account; it works for 30 minutes.";
/** The passage's answering sentences, then the article they come from, in the article's language. */
export function fromKnowledge(answer: KnowledgeAnswer): string {
  const more = answer.locale.startsWith("es")
    ? "Más información en nuestro centro de ayuda"
    : "More in our Help Center";
  return `${answer.sentences.join(" ")} ${more}: "${answer.title}" ${answer.url}`;
}

/** A general question the help content does not answer (or could not be read for): no guess. */
export const WILL_CHECK =
  "I'll check that rather than guess: a colleague will answer you here, and you won't need to ask again.";

/** When people answer, as the tenant set it: said whenever the agent hands over to one. */
export function openingHours(hours: string): string {
  return `Our team answers ${hours}.`;
}

export const GREETING =
  "Thanks for reaching out. What can I help you with today? If it's about an order, the order number helps me find it straight away.";
export const DONE = "Everything on this is done. Is there anything else I can help with?";

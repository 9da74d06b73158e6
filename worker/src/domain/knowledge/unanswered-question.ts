import { redactText } from "../extraction";
import { PhoneSearch } from "../language/contact-details";
import { maskOpaque } from "../identifiers";
import { nameCandidates } from "../language/name-and-postcode";
import { orderCandidates } from "../language/order-references";

/** Enough of a question to see what the Help Center lacks; the rest is not needed for that. */
const MAX_LENGTH = 200;

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A question no article answered, as an admin reads it on the metrics page: the customer's words
 * with what identifies someone masked before it is stored, the way the rest of the product masks
 * it. Contact details as in stored transcripts (`redactText`), order numbers as order identifiers
 * are shown (`maskOpaque`), names as the identity evidence shows them (the first name, then "…").
 * Every capitalised run that may be a name is masked, cued or not: a place masked by mistake costs
 * less than a person's name kept.
 */
export function unansweredQuestion(text: string, defaultCountry?: string): string {
  let out = redactText(text, new PhoneSearch(defaultCountry));
  const orders = orderCandidates(out).sort((a, b) => b.span.start - a.span.start);
  for (const order of orders)
    out = out.slice(0, order.span.start) + maskOpaque(order.id) + out.slice(order.span.end);
  for (const { name } of nameCandidates(out, null)) {
    const first = name.split(" ")[0] ?? "";
    out = out.replace(new RegExp(escaped(name), "giu"), name.includes(" ") ? `${first} …` : "…");
  }
  const oneLine = out.replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_LENGTH ? `${oneLine.slice(0, MAX_LENGTH - 1)}…` : oneLine;
}

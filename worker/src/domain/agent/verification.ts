import { triedASecondSignal } from "../contact-confirmation";
import { addHours, isBefore } from "../time";
import {
  CODE_ATTEMPTS,
  CODE_TTL_MINUTES,
  FAILED_VERIFICATION_WINDOW_HOURS,
  MAX_FAILED_VERIFICATIONS,
} from "./policy";
import * as say from "./replies";
import { addFact, type RunDraft } from "./run-draft";

/** Sends a fresh one-time code where this contact can receive it; false if it cannot be sent. */
export function requestCode(draft: RunDraft): boolean {
  const { codeVia, unconfirmed, contactId, contact, input, at } = draft;
  if (!codeVia || unconfirmed) return false;
  addFact(draft, {
    type: "verification.requested",
    contactId,
    channel: contact?.channel ?? "api",
    codeHash: input.newCodeHash,
    expiresAt: addHours(at, CODE_TTL_MINUTES / 60),
    attempts: CODE_ATTEMPTS,
  });
  draft.outbound.push({
    kind: "code",
    via: codeVia,
    ...(codeVia === "messaging"
      ? { conversationId: input.delivery.conversationId! }
      : { ticketId: input.delivery.ticketId! }),
  });
  draft.decisions.verificationPrompt = true;
  return true;
}

/** Nothing about the order, not even that it exists or is resolved: one more signal first. */
export function askForASecondSignal(draft: RunDraft): void {
  const { contact } = draft;
  draft.parts.push(say.askSecondSignal(contact ? triedASecondSignal(contact) : false));
  draft.decisions.verificationPrompt = true;
  draft.purpose = "verification";
}

/** A code this contact is still waiting to send back. */
export function codeOutstanding(draft: RunDraft): boolean {
  const pending = draft.state.verification.pending;
  return pending?.contactId === draft.contactId && isBefore(draft.at, pending.expiresAt);
}

/** A pending one-time code and six digits from the same contact: judge the attempt. */
export function judgeCodeAttempt(draft: RunDraft): void {
  const { state, messages, contactId, contact, at, parts } = draft;
  const pending = state.verification.pending;
  const attempt = [...messages]
    .reverse()
    .find((m) => m.contactId === contactId && m.codeAttempt)?.codeAttempt;
  const codeExpired = pending !== null && !isBefore(at, pending.expiresAt);
  draft.codeMatched = attempt !== undefined && attempt === pending?.codeHash && !codeExpired;
  if (!(pending && pending.contactId === contactId && attempt)) return;
  draft.verificationHandled = true;
  if (codeExpired) {
    addFact(draft, { type: "verification.failed", contactId, reason: "expired" });
    // While a person has the thread, the agent sends nothing, not even a fresh code.
    if (!draft.silent && requestCode(draft)) parts.push(say.CODE_EXPIRED);
    draft.purpose = "verification";
  } else if (draft.codeMatched) {
    addFact(draft, { type: "verification.passed", contactId, method: "otp", passedAt: at });
    if (draft.customerResolved) draft.level = "high";
  } else {
    addFact(draft, { type: "verification.failed", contactId, reason: "wrong_code" });
    addFact(draft, {
      type: "risk.flagged",
      flag: "verification_failed",
      reason: "A wrong one-time code was entered.",
      contactId,
    });
    // Wrong codes count within a window, and only since this contact last passed.
    const windowStart = addHours(at, -FAILED_VERIFICATION_WINDOW_HOURS);
    const lastPass =
      contact?.verifications
        .map((v) => v.passedAt)
        .sort()
        .at(-1) ?? null;
    const failures =
      state.verification.failures.filter(
        (f) =>
          f.contactId === contactId &&
          f.reason === "wrong_code" &&
          !isBefore(f.at, windowStart) &&
          (lastPass === null || isBefore(lastPass, f.at)),
      ).length + 1;
    if (failures >= MAX_FAILED_VERIFICATIONS) draft.hardStop = "repeated_failed_verification";
    else {
      parts.push(say.wrongCode(pending.attemptsLeft - 1));
      draft.purpose = "verification";
    }
  }
}

/** A person asked: send the code even while they have the conversation; say so only if we speak. */
export function sendRequestedCode(draft: RunDraft): void {
  if (draft.unconfirmed) {
    if (!draft.silent) askForASecondSignal(draft);
  } else if (draft.customerResolved && requestCode(draft) && !draft.silent) {
    draft.parts.push(say.sentCode(draft.codeVia === "messaging" ? "message" : "email"));
    draft.purpose = "verification";
  }
}

import type { IdentityLevel } from "./identity-level";
import type { WorkflowId } from "./intent";
import type { ConceptName } from "./language/concepts";
import type { SlotName } from "./slots";

/**
 * Workflows are data (DESIGN §5): versioned state machines whose steps declare the slots they
 * need, the identity level they require, who executes them and what they record.
 *
 * - collect: done when the customer has given its slots (waits on the customer). Asking reveals
 *   nothing, so collection comes before the identity gates; what reveals or changes comes after.
 * - verify: done while the contact's identity is at least `minLevel`
 * - check / inform: the agent reads fresh facts and answers or decides
 * - approval / human: a person decides or acts, from the sidebar
 */
export type StepKind = "collect" | "verify" | "check" | "inform" | "approval" | "human";
export type Executor = "ai" | "human" | "approval";

/**
 * What the agent does at a check or inform step. Each names one handler in the agent's table, so
 * a new automated step that names none does not compile (it cannot fall through to another's test).
 */
export type AutomatedWork =
  | "send_reset_link"
  | "report_status"
  | "send_return_label"
  | "check_changeable"
  | "check_return_window";

interface StepCommon {
  id: string;
  title: string;
  executor: Executor;
  requires: SlotName[];
  minLevel: IdentityLevel;
  waitsOnCustomer: boolean;
  persists: string[];
  /** A consequential action: performed only at `high`, never on the model's say-so. */
  consequential?: boolean;
}

export type StepDefinition =
  | (StepCommon & { kind: "collect" | "verify" | "approval" | "human" })
  | (StepCommon & { kind: "check" | "inform"; work: AutomatedWork });

export interface WorkflowDefinition {
  id: WorkflowId;
  version: number;
  title: string;
  /**
   * How customers ask for it (language/concepts.ts): `core` concepts say this workflow by
   * themselves ("money back" is a refund), so training learns from the clause that holds one;
   * `named` concepts name it and nothing else, so a plain request that says one is not lost to
   * the noise around it. A workflow with neither is learned from the corpus alone.
   */
  heard: { core: ConceptName[]; named: ConceptName[] };
  steps: StepDefinition[];
}

const collect = (
  id: string,
  title: string,
  requires: SlotName[],
  minLevel: IdentityLevel = "unknown",
): StepDefinition => ({
  id,
  title,
  kind: "collect",
  executor: "ai",
  requires,
  minLevel,
  waitsOnCustomer: true,
  persists: requires,
});
const verify = (id: string, title: string, minLevel: IdentityLevel): StepDefinition => ({
  id,
  title,
  kind: "verify",
  executor: "ai",
  requires: [],
  minLevel,
  waitsOnCustomer: true,
  persists: ["verification"],
});
/** What every step that does not wait on the customer shares. */
const unattended = (
  id: string,
  title: string,
  executor: Executor,
  minLevel: IdentityLevel,
  persists: string[],
  consequential: boolean,
): StepCommon => ({
  id,
  title,
  executor,
  requires: [],
  minLevel,
  waitsOnCustomer: false,
  persists,
  consequential,
});
const step = (
  id: string,
  title: string,
  kind: "approval" | "human",
  executor: Executor,
  minLevel: IdentityLevel,
  persists: string[],
  consequential = false,
): StepDefinition => ({
  ...unattended(id, title, executor, minLevel, persists, consequential),
  kind,
});
/** A check or inform step: the agent's own, with the work it names. */
const automated = (
  id: string,
  title: string,
  kind: "check" | "inform",
  work: AutomatedWork,
  minLevel: IdentityLevel,
  persists: string[],
  consequential = false,
): StepDefinition => ({
  ...unattended(id, title, "ai", minLevel, persists, consequential),
  kind,
  work,
});

const identifyOrder = collect("identify_order", "Identify the order", ["order_id"]);
const orderAccess = verify("verify_order_access", "Confirm who is asking", "medium");

export const WORKFLOWS: Record<WorkflowId, WorkflowDefinition> = {
  refund: {
    id: "refund",
    version: 1,
    title: "Refund",
    heard: { core: ["refund"], named: [] },
    steps: [
      identifyOrder,
      collect("refund_details", "Items and reason", ["items", "reason"]),
      orderAccess,
      automated(
        "check_eligibility",
        "Check the return window",
        "check",
        "check_return_window",
        "medium",
        ["eligibility"],
      ),
      step("back_end_check", "Back-end check before refunding", "approval", "approval", "medium", [
        "approval",
      ]),
      verify("step_up", "Step-up verification for the refund", "high"),
      step(
        "issue_refund",
        "Issue the refund",
        "human",
        "human",
        "high",
        ["refund_reference"],
        true,
      ),
    ],
  },
  replacement: {
    id: "replacement",
    version: 1,
    title: "Damaged item replacement",
    heard: { core: ["replace"], named: [] },
    steps: [
      identifyOrder,
      collect("collect_evidence", "Photos of the damage", ["photos", "items"]),
      orderAccess,
      step("approve_replacement", "Approve the replacement", "approval", "approval", "medium", [
        "approval",
      ]),
      // Sent to the address on file: no money or goods go anywhere new, so medium suffices.
      step("ship_replacement", "Ship the replacement", "human", "human", "medium", [
        "replacement_order",
      ]),
    ],
  },
  return_exchange: {
    id: "return_exchange",
    version: 1,
    title: "Return or exchange",
    heard: { core: ["send_back", "exchange"], named: [] },
    steps: [
      identifyOrder,
      collect("return_details", "Items and reason", ["items", "reason"]),
      orderAccess,
      automated(
        "check_return_window",
        "Check the return window",
        "check",
        "check_return_window",
        "medium",
        ["eligibility"],
      ),
      automated(
        "send_return_label",
        "Send the return label",
        "inform",
        "send_return_label",
        "medium",
        ["return_label"],
      ),
    ],
  },
  order_status: {
    id: "order_status",
    version: 1,
    title: "Order status",
    heard: { core: ["where"], named: ["tracking"] },
    steps: [
      identifyOrder,
      orderAccess,
      automated(
        "report_status",
        "Report status and tracking",
        "inform",
        "report_status",
        "medium",
        ["status_reported"],
      ),
    ],
  },
  password_reset: {
    id: "password_reset",
    version: 1,
    title: "Password reset",
    heard: { core: ["password"], named: [] },
    steps: [
      verify("step_up", "Step-up verification", "high"),
      automated(
        "send_reset_link",
        "Send the reset link",
        "inform",
        "send_reset_link",
        "high",
        ["reset_link_sent"],
        true,
      ),
    ],
  },
  address_change: {
    id: "address_change",
    version: 1,
    title: "Address change",
    heard: { core: [], named: [] },
    steps: [
      identifyOrder,
      verify("step_up", "Step-up verification for the change", "high"),
      collect("collect_address", "New shipping address", ["shipping_address"], "high"),
      automated(
        "check_changeable",
        "Check the order has not shipped",
        "check",
        "check_changeable",
        "high",
        ["changeable"],
      ),
      step(
        "update_address",
        "Update the address",
        "human",
        "human",
        "high",
        ["address_updated"],
        true,
      ),
    ],
  },
  warranty_claim: {
    id: "warranty_claim",
    version: 1,
    title: "Warranty claim",
    heard: { core: ["warranty"], named: [] },
    steps: [
      identifyOrder,
      collect("collect_evidence", "Invoice and serial number", ["invoice", "serial_number"]),
      orderAccess,
      step("review_claim", "Review the claim", "approval", "approval", "medium", ["approval"]),
      step("resolve_claim", "Repair or replace", "human", "human", "medium", ["resolution"]),
    ],
  },
  billing_dispute: {
    id: "billing_dispute",
    version: 1,
    title: "Billing dispute",
    heard: { core: [], named: [] },
    steps: [
      step("human_review", "A person reviews the dispute", "human", "human", "unknown", [
        "dispute_outcome",
      ]),
    ],
  },
};

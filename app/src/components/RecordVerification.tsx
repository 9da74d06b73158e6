import { useState } from "react";
import { Field, Select } from "@zendeskgarden/react-forms";
import type { ActionDetails, ThreadAction, ThreadContext } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { ReasonedButton } from "./ReasonedButton";

/** How an agent can prove who the customer is, outside the AI's one-time codes. */
export const VERIFICATION_METHODS = [
  "callback_on_file",
  "id_checked",
  "security_questions",
] as const;

/** The agent verified the customer themselves (a call back, an ID check) and records how. */
export function RecordVerification(props: {
  context: ThreadContext;
  pending: string | null;
  onAct: (action: ThreadAction, details?: ActionDetails) => Promise<boolean>;
}) {
  const { t } = useI18n();
  // No method is assumed: the agent says how they verified the caller before it raises the level.
  const [method, setMethod] = useState<(typeof VERIFICATION_METHODS)[number] | "">("");
  const { identity } = props.context;
  // The worker can only attach a verification to one known customer.
  const reason = identity.customerId ? null : t("record.needsCustomer");
  return (
    <div data-testid="record-verification">
      <Field>
        <Field.Label>{t("record.method")}</Field.Label>
        <Select
          isCompact
          value={method}
          data-testid="verification-method"
          onChange={(event) => setMethod(event.target.value as typeof method)}
        >
          <option value="" disabled>
            {t("record.choose")}
          </option>
          {VERIFICATION_METHODS.map((value) => (
            <option key={value} value={value}>
              {t(`verification.method.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      <ReasonedButton
        size="small"
        data-testid="action-record_verification"
        reason={reason}
        disabled={props.pending !== null || method === ""}
        busy={props.pending === "record_verification"}
        onClick={() => {
          if (method) void props.onAct("record_verification", { method });
        }}
      >
        {t("record.submit", { level: t("identity.level.high") })}
      </ReasonedButton>
    </div>
  );
}

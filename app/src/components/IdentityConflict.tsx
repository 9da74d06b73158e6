import { useState } from "react";
import { Alert } from "@zendeskgarden/react-notifications";
import { Button } from "@zendeskgarden/react-buttons";
import { Field, Fieldset, Hint, Radio } from "@zendeskgarden/react-forms";
import { Code } from "@zendeskgarden/react-typography";
import type { ActionDetails, ThreadAction, ThreadContext } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { Rows } from "./Section";

/**
 * Contradicting evidence about who is writing, and — when the worker has narrowed it to a few
 * customers — the choice a person makes after checking with the customer.
 */
export function IdentityConflict(props: {
  context: ThreadContext;
  pending: string | null;
  onAct: (action: ThreadAction, details?: ActionDetails) => Promise<boolean>;
}) {
  const { t, list } = useI18n();
  const { conflict, candidates } = props.context.identity;
  const [chosen, setChosen] = useState<string | null>(null);
  if (!conflict && candidates.length === 0) return null;
  const choice = chosen && candidates.includes(chosen) ? chosen : null;
  return (
    <>
      {conflict ? (
        <Alert type="warning" role="note" data-testid="identity-conflict">
          <Alert.Title>{t("conflict.title")}</Alert.Title>
          <Alert.Paragraph>{t(`conflict.reason.${conflict.reason}`)}</Alert.Paragraph>
          <Rows>
            {conflict.signals.map((signal) => (
              <li key={`${signal.kind}:${signal.masked}`} data-testid="conflict-signal">
                {t("conflict.signal", {
                  kind: t(`identity.kind.${signal.kind}`),
                  masked: signal.masked,
                  owners: list(signal.owners),
                })}
              </li>
            ))}
          </Rows>
        </Alert>
      ) : null}
      {candidates.length > 0 ? (
        <Fieldset data-testid="conflict-resolution">
          <Fieldset.Legend>{t("conflict.choose")}</Fieldset.Legend>
          <Hint>{t("conflict.chooseHint")}</Hint>
          {candidates.map((customerId) => (
            <Field key={customerId}>
              <Radio
                name="conflict-customer"
                value={customerId}
                checked={choice === customerId}
                onChange={() => setChosen(customerId)}
              >
                <Field.Label>
                  <Code>{customerId}</Code>
                </Field.Label>
              </Radio>
            </Field>
          ))}
          <div>
            <Button
              size="small"
              data-testid="conflict-resolve"
              disabled={!choice || props.pending !== null}
              onClick={() => {
                if (choice) void props.onAct("resolve_conflict", { customerId: choice });
              }}
            >
              {t("conflict.confirm")}
            </Button>
          </div>
        </Fieldset>
      ) : null}
    </>
  );
}

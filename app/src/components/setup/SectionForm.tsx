import { useState } from "react";
import styled from "styled-components";
import { Button } from "@zendeskgarden/react-buttons";
import { Fieldset } from "@zendeskgarden/react-forms";
import { Alert } from "@zendeskgarden/react-notifications";
import { messageOf, type SetupApi } from "../../api/setup-api";
import type { ConnectionCheck, SetupHealth } from "../../api/setup-types";
import { useI18n } from "../../hooks/useI18n";
import type { Draft, SectionSpec } from "./section-specs";
import { SettingField } from "./SettingField";

const Actions = styled.div`
  display: flex;
  gap: ${({ theme }) => theme.space.sm};
  margin-top: ${({ theme }) => theme.space.sm};
`;

/**
 * One settings section (order system, AI provider, policy, retention). The Worker validates with
 * the tenant settings' schema; each refused field shows the Worker's reason beside it, and
 * nothing is stored for a refused save.
 */
export function SectionForm(props: {
  spec: SectionSpec;
  api: SetupApi;
  health: SetupHealth;
  onSaved: (health: SetupHealth) => void;
}) {
  const { t } = useI18n();
  const { spec, api, health } = props;
  const [draft, setDraft] = useState<Draft>(() => spec.fromHealth(health));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const [check, setCheck] = useState<ConnectionCheck | "running" | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const save = async () => {
    setStatus("saving");
    setCheck(null);
    const outcome = await api.save({ [spec.section]: spec.toBody(draft) });
    if (outcome.kind === "invalid") {
      const byField: Record<string, string> = {};
      for (const issue of outcome.issues) {
        // "webChat.frameOrigins[1]": a list's item is told beside the list's field.
        const [section, field] = issue.path.split(/[.[]/);
        const key = section === spec.section && field ? field : "_";
        byField[key] ??= issue.message;
      }
      setErrors(byField);
      setStatus("failed");
      setFailure(null);
      return;
    }
    setErrors({});
    if (outcome.kind === "ok") {
      // The draft is reset from what was saved only: the checklist's live refresh never wipes
      // what an admin is typing.
      setDraft(spec.fromHealth(outcome.body));
      setStatus("saved");
      props.onSaved(outcome.body);
    } else {
      setStatus("failed");
      setFailure(messageOf(outcome) ?? t("setup.saveFailed"));
    }
  };

  const test = async () => {
    if (!spec.test) return;
    setCheck("running");
    const outcome = await api.check(spec.test);
    setCheck(
      outcome.kind === "ok"
        ? outcome.body
        : { ok: false, ms: 0, reason: messageOf(outcome) ?? t("setup.saveFailed") },
    );
  };

  const id = `setup-form-${spec.section}`;
  return (
    <Fieldset id={id} data-testid={id}>
      <Fieldset.Legend>{t(`setup.sections.${spec.section}`)}</Fieldset.Legend>
      {spec.fields
        .filter((field) => !field.shownWhen || field.shownWhen(draft))
        .map((field) => (
          <SettingField
            key={field.name}
            section={spec.section}
            spec={field}
            draft={draft}
            error={errors[field.name]}
            secretSet={health.configuredSecrets.includes(`${spec.section}.${field.name}`)}
            onChange={(name, value) => setDraft((d) => ({ ...d, [name]: value }))}
          />
        ))}
      {errors._ ? <Alert type="error">{errors._}</Alert> : null}
      {failure ? <Alert type="error">{failure}</Alert> : null}
      <Actions>
        <Button
          size="small"
          isPrimary
          onClick={save}
          disabled={status === "saving"}
          data-testid={`${id}-save`}
        >
          {status === "saving" ? t("setup.saving") : t("setup.save")}
        </Button>
        {spec.test ? (
          <Button
            size="small"
            onClick={test}
            disabled={check === "running"}
            data-testid={`${id}-test`}
          >
            {t("setup.test")}
          </Button>
        ) : null}
      </Actions>
      <div role="status" data-testid={`${id}-status`}>
        {status === "saved" ? t("setup.saved") : null}
        {check && check !== "running"
          ? check.ok
            ? t("setup.testOk", { ms: check.ms })
            : t("setup.testFailed", { reason: check.reason ?? "" })
          : null}
      </div>
    </Fieldset>
  );
}

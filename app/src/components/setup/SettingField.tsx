import { Button } from "@zendeskgarden/react-buttons";
import { Checkbox, Field, Input, Select } from "@zendeskgarden/react-forms";
import { useI18n } from "../../hooks/useI18n";
import type { TranslationKey } from "../../i18n/translate";
import type { Draft, FieldSpec } from "./section-specs";

/**
 * One setting: its label, the Worker's error for it right below, for a credential whether
 * one is set, and for a store rule that empty means none, with a way to clear it. A credential is write-only: the field starts empty and what was stored never
 * comes back to the browser.
 */
export function SettingField(props: {
  section: string;
  spec: FieldSpec;
  draft: Draft;
  error: string | undefined;
  secretSet: boolean;
  onChange: (name: string, value: string) => void;
}) {
  const { t } = useI18n();
  const { section, spec, draft, error } = props;
  const id = `setup-${section}-${spec.name}`;
  const label = t(`setup.fields.${section}.${spec.name}` as TranslationKey);
  const value = draft[spec.name] ?? "";
  const validation = error ? ("error" as const) : undefined;
  const change = (next: string) => props.onChange(spec.name, next);
  const message = error ? (
    <Field.Message validation="error" data-testid={`${id}-error`}>
      {error}
    </Field.Message>
  ) : null;

  if (spec.kind === "checkbox")
    return (
      <Field>
        <Checkbox
          checked={value === "true"}
          onChange={(event) => change(String(event.target.checked))}
          data-testid={id}
        >
          <Field.Label>{label}</Field.Label>
        </Checkbox>
        {message}
      </Field>
    );

  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      {spec.clearable ? <Field.Hint>{t("setup.rule.none")}</Field.Hint> : null}
      {spec.hinted ? (
        <Field.Hint>{t(`setup.hints.${section}.${spec.name}` as TranslationKey)}</Field.Hint>
      ) : null}
      {spec.kind === "secret" ? (
        <Field.Hint data-testid={`${id}-state`}>
          {props.secretSet ? t("setup.secret.set") : t("setup.secret.notSet")}
        </Field.Hint>
      ) : null}
      {spec.kind === "select" ? (
        <Select value={value} onChange={(event) => change(event.target.value)} data-testid={id}>
          {(spec.options ?? []).map((option) => (
            <option key={option} value={option}>
              {t(`setup.options.${section}.${option}` as TranslationKey)}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          type={spec.kind === "secret" ? "password" : spec.kind === "number" ? "text" : "text"}
          inputMode={spec.kind === "number" ? "numeric" : undefined}
          autoComplete={spec.kind === "secret" ? "new-password" : "off"}
          placeholder={
            spec.kind === "secret" && props.secretSet ? t("setup.secret.keep") : undefined
          }
          value={value}
          onChange={(event) => change(event.target.value)}
          validation={validation}
          data-testid={id}
        />
      )}
      {spec.clearable && value !== "" ? (
        <Button
          size="small"
          isBasic
          onClick={() => change("")}
          aria-label={t("setup.rule.clearField", { field: label })}
          data-testid={`${id}-clear`}
        >
          {t("setup.rule.clear")}
        </Button>
      ) : null}
      {message}
    </Field>
  );
}

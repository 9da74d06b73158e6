import styled from "styled-components";
import { Button } from "@zendeskgarden/react-buttons";
import { Tag } from "@zendeskgarden/react-tags";
import { MD, Paragraph } from "@zendeskgarden/react-typography";
import type { ChecklistRow, FixAction, RowState } from "../../api/setup-types";
import { useI18n } from "../../hooks/useI18n";
import type { TranslationKey } from "../../i18n/translate";

const List = styled.ul`
  display: grid;
  gap: ${({ theme }) => theme.space.sm};
  margin: 0;
  padding: 0;
  list-style: none;
`;

const Row = styled.li`
  display: grid;
  grid-template-columns: 9rem 1fr auto;
  gap: ${({ theme }) => theme.space.sm};
  align-items: start;
`;

const HUE: Record<RowState, string> = { ok: "green", attention: "red", missing: "grey" };

/** Which sentence a row's state and facts call for. */
function detailKey(row: ChecklistRow): TranslationKey {
  if (row.id === "zendesk" && row.state === "ok")
    return row.facts.auth === "oauth" ? "setup.rows.zendesk.oauth" : "setup.rows.zendesk.token";
  // Every row has a sentence for each state it can be in (translations-are-complete checks en).
  return `setup.rows.${row.id}.${row.state}` as TranslationKey;
}

function factsFor(
  row: ChecklistRow,
  t: (key: TranslationKey) => string,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(row.facts)) {
    if (Array.isArray(value)) out[name] = value.join(", ");
    else if (typeof value === "boolean") out[name] = t(value ? "setup.yes" : "setup.no");
    else if (value !== null) out[name] = value;
    else out[name] = "—";
  }
  if (typeof row.facts.written === "number") out.count = row.facts.written;
  return out;
}

/**
 * What works and what does not, one row per part, each with its live state and the action that
 * fixes it: connect again, the form that sets it, or the operator's help.
 */
export function Checklist(props: { rows: ChecklistRow[]; onFix: (fix: FixAction) => void }) {
  const { t } = useI18n();
  return (
    <List data-testid="setup-checklist" aria-label={t("setup.checklist")}>
      {props.rows.map((row) => (
        <Row key={row.id} data-testid={`setup-row-${row.id}`} data-state={row.state}>
          <div>
            <Tag hue={HUE[row.state]}>{t(`setup.state.${row.state}`)}</Tag>
          </div>
          <div>
            <MD isBold>{t(`setup.rows.${row.id}.title`)}</MD>
            <Paragraph data-testid={`setup-row-${row.id}-detail`}>
              {t(detailKey(row), factsFor(row, t))}
            </Paragraph>
          </div>
          <div>
            {row.fix === "operator" && row.state !== "ok" ? (
              <Paragraph size="small">{t("setup.fix.operator")}</Paragraph>
            ) : row.fix &&
              row.fix !== "operator" &&
              (row.state !== "ok" || row.fix !== "connect") ? (
              <Button
                size="small"
                onClick={() => row.fix && props.onFix(row.fix)}
                data-testid={`setup-fix-${row.id}`}
              >
                {t(`setup.fix.${row.fix}`)}
              </Button>
            ) : null}
          </div>
        </Row>
      ))}
    </List>
  );
}

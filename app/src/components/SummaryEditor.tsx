import { useState } from "react";
import styled from "styled-components";
import { Button } from "@zendeskgarden/react-buttons";
import { Field, Textarea } from "@zendeskgarden/react-forms";
import { Tag } from "@zendeskgarden/react-tags";
import { Paragraph, SM } from "@zendeskgarden/react-typography";
import type { ThreadContext } from "../api/types";
import { useI18n } from "../hooks/useI18n";
import { Row, Section } from "./Section";
import { firstSentences } from "./standing";
import { actorName } from "../../../worker/src/domain/actor";

const Stack = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.xs};
`;

/**
 * What happened, in three sentences at most (the rest one click away), which the agent can
 * correct; the correction is kept.
 */
export function SummaryEditor(props: {
  context: ThreadContext;
  pending: string | null;
  onSave: (text: string) => Promise<boolean>;
}) {
  const { t, relative, dateTime } = useI18n();
  const summary = props.context.summary;
  const [draft, setDraft] = useState<string | null>(null);
  const [original, setOriginal] = useState(false);
  const [whole, setWhole] = useState(false);
  const brief = firstSentences(summary.text);
  const editing = draft !== null;
  const text = draft?.trim() ?? "";
  const unchanged = text === summary.text.trim();

  const save = async () => {
    if (await props.onSave(text)) setDraft(null);
  };

  return (
    <Section
      title={t("summary.heading")}
      aside={
        editing ? null : (
          <Button
            size="small"
            isBasic
            data-testid="summary-edit"
            disabled={props.pending !== null}
            onClick={() => setDraft(summary.text)}
          >
            {t("summary.edit")}
          </Button>
        )
      }
    >
      {editing ? (
        <Stack>
          <Field>
            <Field.Label>{t("summary.inputLabel")}</Field.Label>
            <Field.Hint>{t("summary.inputHint")}</Field.Hint>
            <Textarea
              minRows={3}
              maxRows={12}
              maxLength={4000}
              value={draft}
              data-testid="summary-input"
              onChange={(event) => setDraft(event.target.value)}
            />
          </Field>
          <Row>
            <Button
              size="small"
              isPrimary
              data-testid="summary-save"
              disabled={!text || unchanged || props.pending !== null}
              aria-busy={props.pending === "summary" || undefined}
              onClick={() => void save()}
            >
              {t("summary.save")}
            </Button>
            <Button size="small" isBasic onClick={() => setDraft(null)}>
              {t("common.cancel")}
            </Button>
          </Row>
        </Stack>
      ) : (
        <div>
          <Paragraph data-testid="summary-text">{whole ? summary.text : brief.shown}</Paragraph>
          {brief.more ? (
            <Button
              size="small"
              isLink
              aria-expanded={whole}
              data-testid="summary-more"
              onClick={() => setWhole((shown) => !shown)}
            >
              {whole ? t("summary.showLess") : t("summary.showAll")}
            </Button>
          ) : null}
        </div>
      )}
      <Row>
        <Tag
          size="small"
          hue={summary.source === "edited" ? "blue" : "grey"}
          data-testid="summary-source"
          data-source={summary.source}
        >
          {t(`summary.source.${summary.source}`)}
        </Tag>
        {summary.source === "edited" && summary.editedAt ? (
          <SM>
            <time dateTime={summary.editedAt} title={dateTime(summary.editedAt)}>
              {t("summary.editedBy", {
                actor: actorName(summary.editedBy ?? ""),
                time: relative(summary.editedAt),
              })}
            </time>
          </SM>
        ) : null}
        {summary.diffCategory ? (
          <Tag size="small" data-testid="summary-diff" data-category={summary.diffCategory}>
            {t(`summary.diff.${summary.diffCategory}`)}
          </Tag>
        ) : null}
      </Row>
      {summary.source === "edited" ? (
        <div>
          <Button
            size="small"
            isLink
            aria-expanded={original}
            onClick={() => setOriginal((shown) => !shown)}
          >
            {original ? t("summary.hideGenerated") : t("summary.showGenerated")}
          </Button>
          {original ? <SM data-testid="summary-generated">{summary.generated}</SM> : null}
        </div>
      ) : null}
    </Section>
  );
}

import styled from "styled-components";
import { Tag } from "@zendeskgarden/react-tags";
import { Paragraph } from "@zendeskgarden/react-typography";
import type { Comparison } from "../../api/metrics-types";
import { useI18n } from "../../hooks/useI18n";

const Block = styled.div`
  display: grid;
  gap: ${({ theme }) => theme.space.xxs};
  justify-items: start;
`;

/**
 * Whether the arms were randomised. A comparison across a gated rollout mixes the segments' own
 * differences into the figure, so it is never shown without saying so.
 */
export function RandomisationTag({ comparison }: { comparison: Comparison }) {
  const { t } = useI18n();
  return (
    <Tag
      size="small"
      hue={comparison.randomised ? "blue" : "yellow"}
      data-testid="randomisation"
      data-randomised={String(comparison.randomised)}
    >
      {comparison.randomised ? t("metrics.randomised.tag") : t("metrics.notRandomised.tag")}
    </Tag>
  );
}

/** The tag and what it means for reading the difference. */
export function RandomisationLabel({ comparison }: { comparison: Comparison }) {
  const { t } = useI18n();
  return (
    <Block>
      <RandomisationTag comparison={comparison} />
      <Paragraph size="small" data-testid="randomisation-label">
        {comparison.randomised ? t("metrics.randomised.label") : t("metrics.notRandomised.label")}
      </Paragraph>
    </Block>
  );
}

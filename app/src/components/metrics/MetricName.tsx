import styled from "styled-components";
import { focusStyles } from "@zendeskgarden/react-theming";
import { Tooltip } from "@zendeskgarden/react-tooltips";
import type { MetricFigure } from "../../api/metrics-types";
import { useI18n } from "../../hooks/useI18n";
import { METRIC_DEFINITION, METRIC_NAME, betterKey } from "./metric-labels";

/** Dotted like an abbreviation: there is more to read here. */
const Term = styled.span`
  border-bottom: 1px dotted currentColor;
  cursor: help;
  ${({ theme }) => focusStyles({ theme })}
`;

/**
 * A metric's name, with its definition and which direction is good on hover and on keyboard
 * focus. The tooltip is the name's description (aria-describedby), so a screen reader hears it
 * too; it is portalled to the body so the table's scrolling region does not clip it.
 */
export function MetricName({ metric }: { metric: Pick<MetricFigure, "id" | "higherIsBetter"> }) {
  const { t } = useI18n();
  const about = `${t(METRIC_DEFINITION[metric.id])} ${t(betterKey(metric.higherIsBetter))}`;
  return (
    <Tooltip content={about} placement="top-start" size="large" appendToNode={document.body}>
      <Term tabIndex={0} data-testid="metric-name">
        {t(METRIC_NAME[metric.id])}
      </Term>
    </Tooltip>
  );
}

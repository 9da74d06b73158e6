import styled from "styled-components";
import { getColor } from "@zendeskgarden/react-theming";
import { useI18n } from "../../hooks/useI18n";

const Quiet = styled.span`
  color: ${({ theme }) => getColor({ theme, variable: "foreground.subtle" })};
  font-style: italic;
`;

/** A figure nobody has measured yet, said in words rather than left blank or shown as zero. */
export function NoData({ reason = "value" }: { reason?: "value" | "comparison" }) {
  const { t } = useI18n();
  return (
    <Quiet data-testid="no-data">
      {reason === "value" ? t("metrics.noData") : t("metrics.noComparison")}
    </Quiet>
  );
}

import styled from "styled-components";
import { getColor } from "@zendeskgarden/react-theming";

/** A plain data table in Garden's type and borders; Garden's own tables package is not needed. */
export const FigureTable = styled.table`
  width: 100%;
  border-collapse: collapse;
  font-size: ${({ theme }) => theme.fontSizes.md};

  caption {
    text-align: start;
    padding-bottom: ${({ theme }) => theme.space.xs};
    font-weight: ${({ theme }) => theme.fontWeights.semibold};
  }

  th,
  td {
    padding: ${({ theme }) => `${theme.space.xs} ${theme.space.sm}`};
    border-bottom: ${({ theme }) => theme.borders.sm}
      ${({ theme }) => getColor({ theme, variable: "border.subtle" })};
    text-align: start;
    vertical-align: top;
  }

  thead th {
    font-size: ${({ theme }) => theme.fontSizes.sm};
    color: ${({ theme }) => getColor({ theme, variable: "foreground.subtle" })};
    font-weight: ${({ theme }) => theme.fontWeights.semibold};
  }

  td[data-numeric],
  th[data-numeric] {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;

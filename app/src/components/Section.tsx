import { useId, type ReactNode } from "react";
import styled from "styled-components";
import { getColor } from "@zendeskgarden/react-theming";
import { MD } from "@zendeskgarden/react-typography";

const StyledSection = styled.section`
  display: grid;
  gap: ${({ theme }) => theme.space.xs};
  padding: ${({ theme }) => `${theme.space.sm} 0`};
  border-top: ${({ theme }) => theme.borders.sm}
    ${({ theme }) => getColor({ theme, variable: "border.subtle" })};
`;

const Heading = styled.div`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: ${({ theme }) => theme.space.xs};
`;

/** One labelled region of the sidebar: a heading screen readers can jump to, then its content. */
export function Section(props: {
  title: string;
  children: ReactNode;
  aside?: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <StyledSection aria-labelledby={id} data-testid={props.testId}>
      <Heading>
        <MD tag="h2" isBold id={id}>
          {props.title}
        </MD>
        {props.aside}
      </Heading>
      {props.children}
    </StyledSection>
  );
}

/** A plain list without bullets, for rows that carry their own tags. */
export const Rows = styled.ul`
  display: grid;
  gap: ${({ theme }) => theme.space.xs};
  margin: 0;
  padding: 0;
  list-style: none;
`;

export const Row = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${({ theme }) => theme.space.xxs} ${({ theme }) => theme.space.xs};
`;

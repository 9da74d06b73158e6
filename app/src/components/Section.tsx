import { createContext, useContext, useId, type ReactNode } from "react";
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

const Fold = styled.details`
  display: grid;
  gap: ${({ theme }) => theme.space.xs};

  > summary {
    cursor: pointer;
  }

  > summary > h2 {
    display: inline;
  }

  &[open] > summary {
    margin-bottom: ${({ theme }) => theme.space.xs};
  }
`;

/** Read by screen readers, not shown. */
export const ScreenReaderOnly = styled.div`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;

const Folded = createContext(false);

/**
 * Sections inside are folded under their heading: history and detail an agent opens when they
 * need it, below what they act on.
 */
export function FoldedSections({ children }: { children: ReactNode }) {
  return <Folded.Provider value={true}>{children}</Folded.Provider>;
}

/** One labelled region of the sidebar: a heading screen readers can jump to, then its content. */
export function Section(props: {
  title: string;
  children: ReactNode;
  aside?: ReactNode;
  testId?: string;
  /** The heading is there for screen readers only: the first line says it already. */
  quietTitle?: boolean;
}) {
  const id = useId();
  const folded = useContext(Folded);
  const heading = (
    <MD tag="h2" isBold id={id}>
      {props.title}
    </MD>
  );
  if (folded)
    return (
      <StyledSection aria-labelledby={id} data-testid={props.testId}>
        <Fold data-testid={props.testId ? `${props.testId}-fold` : undefined}>
          <summary>{heading}</summary>
          {props.aside}
          {props.children}
        </Fold>
      </StyledSection>
    );
  return (
    <StyledSection aria-labelledby={id} data-testid={props.testId}>
      {props.quietTitle ? (
        <ScreenReaderOnly>{heading}</ScreenReaderOnly>
      ) : (
        <Heading>
          {heading}
          {props.aside}
        </Heading>
      )}
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

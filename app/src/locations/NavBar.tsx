import styled from "styled-components";
import { Well } from "@zendeskgarden/react-notifications";
import { Paragraph, XL } from "@zendeskgarden/react-typography";
import { useI18n } from "../hooks/useI18n";

const Main = styled.main`
  display: grid;
  gap: ${({ theme }) => theme.space.md};
  max-width: 640px;
  padding: ${({ theme }) => theme.space.lg};
`;

/**
 * The nav_bar location is reserved for the metrics page. Until the rollout report ships it says
 * so, rather than showing numbers nobody measured.
 */
export default function NavBar() {
  const { t } = useI18n();
  return (
    <Main data-testid="navbar">
      <XL tag="h1" isBold>
        {t("navbar.title")}
      </XL>
      <Well isRecessed data-testid="metrics-empty">
        <Paragraph>{t("navbar.empty")}</Paragraph>
        <Paragraph>{t("navbar.until")}</Paragraph>
      </Well>
    </Main>
  );
}

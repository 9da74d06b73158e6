import { lazy, Suspense, type ComponentType } from "react";
import styled from "styled-components";
import { Dots } from "@zendeskgarden/react-loaders";
import { getColor } from "@zendeskgarden/react-theming";
import { Paragraph } from "@zendeskgarden/react-typography";
import { useI18n } from "./hooks/useI18n";
import { useLocation } from "./hooks/useLocation";
import { I18nProvider } from "./i18n/I18nProvider";
import TicketSidebar from "./locations/TicketSidebar";

// The sidebar is what agents open all day, so it ships in the first bundle; the nav bar page
// loads on demand.
const NavBar = lazy(() => import("./locations/NavBar"));

const LOCATIONS: Record<string, ComponentType> = {
  ticket_sidebar: TicketSidebar,
  nav_bar: NavBar,
};

/** Plain text outside Garden components still reads in Garden's type and colours. */
export const Surface = styled.div`
  font-family: ${({ theme }) => theme.fonts.system};
  font-size: ${({ theme }) => theme.fontSizes.md};
  line-height: ${({ theme }) => theme.lineHeights.md};
  color: ${({ theme }) => getColor({ theme, variable: "foreground.default" })};
`;

function Waiting() {
  const { t } = useI18n();
  return <Dots aria-label={t("states.loading")} />;
}

function Location() {
  const location = useLocation();
  const { t } = useI18n();
  if (location === null) return <Waiting />;
  const Page = LOCATIONS[location];
  if (!Page) return <Paragraph>{t("app.unknownLocation")}</Paragraph>;
  return (
    <Suspense fallback={<Waiting />}>
      <Page />
    </Suspense>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Surface>
        <Location />
      </Surface>
    </I18nProvider>
  );
}

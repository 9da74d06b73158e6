import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { DEFAULT_THEME, ThemeProvider } from "@zendeskgarden/react-theming";
import { Paragraph } from "@zendeskgarden/react-typography";
import { App, Surface } from "./App";
import { ClientProvider } from "./ClientProvider";
import { useI18n } from "./hooks/useI18n";
import { initZafClient } from "./zaf/init";

function OutsideZendesk() {
  const { t } = useI18n();
  return <Paragraph>{t("app.outsideZendesk")}</Paragraph>;
}

const client = initZafClient();
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ThemeProvider theme={DEFAULT_THEME}>
        {client ? (
          <ClientProvider client={client}>
            <App />
          </ClientProvider>
        ) : (
          // Opened directly rather than by Zendesk: there is no client to ask for the locale.
          <Surface>
            <OutsideZendesk />
          </Surface>
        )}
      </ThemeProvider>
    </StrictMode>,
  );
}

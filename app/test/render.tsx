import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { DEFAULT_THEME, ThemeProvider } from "@zendeskgarden/react-theming";
import { App } from "../src/App";
import { ClientProvider } from "../src/ClientProvider";
import { I18nProvider } from "../src/i18n/I18nProvider";
import TicketSidebar from "../src/locations/TicketSidebar";
import type { ThreadContext } from "../src/api/types";
import { zafDouble, type Worker, type ZafDouble } from "./zaf-double";

/** Garden's theme, the client and the agent's language: what every location renders inside. */
export function renderWithClient(client: ZafDouble, ui: ReactElement) {
  return render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <ClientProvider client={client}>
        <I18nProvider>{ui}</I18nProvider>
      </ClientProvider>
    </ThemeProvider>,
  );
}

/** The ticket sidebar against a worker double; by default it serves `context` and nothing else. */
export function renderSidebar(
  options: {
    context?: ThreadContext;
    worker?: Worker;
    locale?: string;
    pollMs?: number;
    client?: ZafDouble;
  } = {},
) {
  const worker: Worker =
    options.worker ??
    ((request) =>
      request.path.endsWith("/context")
        ? { status: 200, body: options.context }
        : { status: 500, body: { error: { code: "unexpected", message: request.path } } });
  const client = options.client ?? zafDouble({ worker, locale: options.locale });
  // A long default poll keeps the event log out of tests that are not about it.
  const view = renderWithClient(client, <TicketSidebar pollMs={options.pollMs ?? 600_000} />);
  return { client, ...view };
}

export function renderApp(client: ZafDouble) {
  return render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <ClientProvider client={client}>
        <App />
      </ClientProvider>
    </ThemeProvider>,
  );
}

import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import NavBar from "../src/locations/NavBar";
import {
  aBreakdownRow,
  aMetricsReport,
  metricsClient,
  metricsRequests,
  queryOf,
  serving,
} from "./metrics-factories";
import { renderWithClient } from "./render";
import type { ZafDouble } from "./zaf-double";

/** The queries of the report requests (not the CSV), oldest first. */
const reportQueries = (client: ZafDouble) =>
  metricsRequests(client)
    .map(queryOf)
    .filter((q) => q.format !== "csv");

const segments = {
  category: [aBreakdownRow("refund"), aBreakdownRow("unclassified")],
  channel: [aBreakdownRow("email"), aBreakdownRow("voice")],
  tier: [aBreakdownRow("gold")],
};

describe("metrics filters", () => {
  beforeEach(() => {
    // Only the clock: the windows are counted back from today (UTC).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-30T12:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("start with the last 30 days by channel, and ask for the same by day for the chart", async () => {
    const client = metricsClient(serving(aMetricsReport(), { breakdowns: segments }));
    renderWithClient(client, <NavBar />);
    await screen.findByTestId("primary-none");

    const queries = reportQueries(client);
    expect(queries).toContainEqual({ from: "2026-06-01", to: "2026-06-30", groupBy: "channel" });
    expect(queries).toContainEqual({ from: "2026-06-01", to: "2026-06-30", groupBy: "day" });
    // The segment lists come from unfiltered reports grouped by each segment.
    for (const groupBy of ["category", "tier"])
      expect(queries).toContainEqual({ from: "2026-06-01", to: "2026-06-30", groupBy });
  });

  it("offer the segments the Worker reports, and send the window, segments, arm and breakdown picked", async () => {
    const client = metricsClient(serving(aMetricsReport(), { breakdowns: segments }));
    renderWithClient(client, <NavBar />);
    await screen.findByTestId("primary-none");
    const channel = screen.getByTestId("filter-channel") as HTMLSelectElement;
    await waitFor(() => expect(channel.options).toHaveLength(3));
    expect([...channel.options].map((o) => o.textContent)).toEqual(["All", "Email", "Voice"]);

    await userEvent.selectOptions(screen.getByTestId("filter-window"), "7");
    await userEvent.selectOptions(channel, "email");
    await userEvent.selectOptions(screen.getByTestId("filter-tier"), "gold");
    await userEvent.selectOptions(screen.getByTestId("filter-arm"), "control");
    await userEvent.selectOptions(screen.getByTestId("filter-group-by"), "category");

    await waitFor(() =>
      expect(metricsRequests(client).map((r) => r.path)).toContain(
        "/v1/metrics?from=2026-06-24&to=2026-06-30&channel=email&tier=gold&arm=control&groupBy=category",
      ),
    );
    expect(reportQueries(client)).toContainEqual({
      from: "2026-06-24",
      to: "2026-06-30",
      channel: "email",
      tier: "gold",
      arm: "control",
      groupBy: "day",
    });
  });

  it("leave a filter out of the query when it goes back to all", async () => {
    const client = metricsClient(serving(aMetricsReport(), { breakdowns: segments }));
    renderWithClient(client, <NavBar />);
    await screen.findByTestId("primary-none");
    const category = screen.getByTestId("filter-category") as HTMLSelectElement;
    await waitFor(() => expect(category.options).toHaveLength(3));

    await userEvent.selectOptions(category, "refund");
    await waitFor(() => expect(reportQueries(client).at(-1)).toMatchObject({ category: "refund" }));
    await userEvent.selectOptions(category, "");
    await waitFor(() =>
      expect(reportQueries(client).at(-1)).toEqual({
        from: "2026-06-01",
        to: "2026-06-30",
        groupBy: "day",
      }),
    );
  });

  it("send custom days, and nothing while the first day is after the last", async () => {
    const client = metricsClient(serving(aMetricsReport(), { breakdowns: segments }));
    renderWithClient(client, <NavBar />);
    await screen.findByTestId("primary-none");

    await userEvent.selectOptions(screen.getByTestId("filter-window"), "custom");
    const from = screen.getByTestId("filter-from") as HTMLInputElement;
    const to = screen.getByTestId("filter-to") as HTMLInputElement;
    expect([from.value, to.value]).toEqual(["2026-06-01", "2026-06-30"]);

    fireEvent.change(from, { target: { value: "2026-05-01" } });
    fireEvent.change(to, { target: { value: "2026-05-31" } });
    await waitFor(() =>
      expect(reportQueries(client)).toContainEqual({
        from: "2026-05-01",
        to: "2026-05-31",
        groupBy: "channel",
      }),
    );

    const before = metricsRequests(client).length;
    fireEvent.change(from, { target: { value: "2026-06-15" } });
    expect(await screen.findByText("The first day must not be after the last.")).toBeTruthy();
    expect(metricsRequests(client)).toHaveLength(before);
  });
});

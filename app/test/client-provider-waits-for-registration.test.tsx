import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ClientProvider } from "../src/ClientProvider";
import { zafDouble } from "./zaf-double";

describe("ClientProvider", () => {
  it("renders nothing until Zendesk has registered the app", () => {
    const client = zafDouble({ registered: false });
    render(
      <ClientProvider client={client}>
        <p>registered</p>
      </ClientProvider>,
    );

    expect(screen.queryByText("registered")).toBeNull();
    act(() => client.emit("app.registered", { metadata: {}, context: {} }));
    expect(screen.getByText("registered")).toBeTruthy();
    expect(client.subscribed("app.registered")).toBe(0);
  });

  it("renders when Zendesk registered the app between the first render and the subscription", () => {
    const client = zafDouble({ registered: false });
    // The first read (the initial state) sees an unregistered client; by the effect it is ready.
    let reads = 0;
    Object.defineProperty(client, "ready", { get: () => reads++ > 0 });
    render(
      <ClientProvider client={client}>
        <p>registered</p>
      </ClientProvider>,
    );
    expect(screen.getByText("registered")).toBeTruthy();
  });
});

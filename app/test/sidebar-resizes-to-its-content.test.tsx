import { screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aContext } from "./factories";
import { renderSidebar } from "./render";

const observers: { callback: ResizeObserverCallback; target: Element | null }[] = [];
const original = globalThis.ResizeObserver;

beforeEach(() => {
  globalThis.ResizeObserver = class {
    private readonly entry: { callback: ResizeObserverCallback; target: Element | null };
    constructor(callback: ResizeObserverCallback) {
      this.entry = { callback, target: null };
      observers.push(this.entry);
    }
    observe(target: Element) {
      this.entry.target = target;
    }
    unobserve() {}
    disconnect() {}
  };
});

afterEach(() => {
  globalThis.ResizeObserver = original;
  observers.length = 0;
});

describe("the sidebar iframe", () => {
  it("is resized to the height of its content whenever that changes", async () => {
    const { client } = renderSidebar({ context: aContext() });
    await screen.findByTestId("thread-id");

    const observed = observers.find((o) => o.target?.tagName === "MAIN")!;
    expect(observed).toBeTruthy();
    observed.target!.getBoundingClientRect = () => ({ height: 812.4 }) as DOMRect;
    observed.callback([], {} as ResizeObserver);

    await waitFor(() =>
      expect(client.invocations.at(-1)).toEqual({
        name: "resize",
        args: [{ width: "100%", height: "813px" }],
      }),
    );
    const count = client.invocations.length;
    observed.callback([], {} as ResizeObserver);
    expect(client.invocations).toHaveLength(count);
  });
});

import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// styled-components appends a text node per rule outside production, and jsdom re-parses the
// whole sheet on each one; CSSOM insertion (its production mode) keeps renders fast.
Object.assign(globalThis, { SC_DISABLE_SPEEDY: false });

// jsdom lacks the layout APIs Garden and the sidebar touch; these stand-ins do nothing.
class InertResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!("ResizeObserver" in globalThis)) {
  Object.assign(globalThis, { ResizeObserver: InertResizeObserver });
}
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// findBy/waitFor wait longer than the default second: files run in parallel.
configure({ asyncUtilTimeout: 4000 });

afterEach(() => cleanup());

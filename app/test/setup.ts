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

// jsdom has no canvas: uPlot draws the time series on one. A context whose every method does
// nothing (measureText answers a zero width) lets it run; what the chart is given is tested on
// the data it receives and on its summary table, never on pixels.
if (!("Path2D" in globalThis)) {
  Object.assign(globalThis, {
    Path2D: class {
      moveTo() {}
      lineTo() {}
      rect() {}
      arc() {}
      closePath() {}
      addPath() {}
      bezierCurveTo() {}
    },
  });
}
HTMLCanvasElement.prototype.getContext = function getContext() {
  const inert: Record<string | symbol, unknown> = {
    measureText: () => ({ width: 0 }),
  };
  return new Proxy(inert, {
    get: (target, key) => (key in target ? target[key] : () => {}),
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  });
} as unknown as HTMLCanvasElement["getContext"];

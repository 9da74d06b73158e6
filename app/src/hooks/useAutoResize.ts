import { useEffect, type RefObject } from "react";
import { useClient } from "./useClient";

/**
 * Keeps the sidebar iframe as tall as its content, so Zendesk shows no inner scrollbar and no
 * empty space below a short state.
 */
export function useAutoResize(ref: RefObject<HTMLElement | null>): void {
  const client = useClient();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let last = -1;
    const resize = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      void client.invoke("resize", { width: "100%", height: `${height}px` });
    };
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    resize();
    return () => observer.disconnect();
  }, [client, ref]);
}

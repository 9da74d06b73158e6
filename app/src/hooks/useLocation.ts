import { useEffect, useState } from "react";
import { useClient } from "./useClient";

/** The Zendesk location this iframe was opened in (ticket_sidebar, nav_bar), once known. */
export function useLocation(): string | null {
  const client = useClient();
  const [location, setLocation] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void client.context().then((context) => {
      if (live) setLocation(context.location);
    });
    return () => {
      live = false;
    };
  }, [client]);
  return location;
}

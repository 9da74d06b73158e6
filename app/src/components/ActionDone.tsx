import { useEffect, useRef } from "react";
import { SM } from "@zendeskgarden/react-typography";
import type { Done } from "../hooks/useTicketContext";
import { useClient } from "../hooks/useClient";
import { useI18n } from "../hooks/useI18n";
import { ScreenReaderOnly } from "./Section";

/** Candidates already says these in place, in its own status line. */
const SAID_IN_PLACE: ReadonlySet<string> = new Set(["link_thread", "dismiss_candidate"]);

/** Whether the sidebar should say the action again, beyond Zendesk's notice. */
export function saysDone(done: Done | null): done is Done {
  return done !== null && !SAID_IN_PLACE.has(done.action);
}

/** What the last action did, in the agent's language. */
export function useDoneText(done: Done | null): string {
  const { t } = useI18n();
  return done ? t(`done.${done.action}`) : "";
}

/**
 * One live region for the whole sidebar, mounted from the start so screen readers announce each
 * change; every action that went through is also told through Zendesk's own notice.
 */
export function ActionAnnouncer({ done }: { done: Done | null }) {
  const client = useClient();
  const text = useDoneText(done);
  const seq = done?.seq;
  useEffect(() => {
    if (seq !== undefined && text) void client.invoke("notify", text, "notice");
  }, [client, seq, text]);
  return (
    // Read by screen readers, not shown: the visible line is next to the section acted in.
    <ScreenReaderOnly role="status" data-testid="action-announcement">
      {saysDone(done) ? text : ""}
    </ScreenReaderOnly>
  );
}

/**
 * The same sentence under the section the agent acted in. When the control they clicked went
 * away with the action (Approve, Deny), focus would fall to the page: it lands here instead.
 */
export function ActionDone({ done }: { done: Done }) {
  const text = useDoneText(done);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus();
  }, [done.seq]);
  return (
    <SM ref={ref} tabIndex={-1} data-testid="action-done">
      {text}
    </SM>
  );
}
